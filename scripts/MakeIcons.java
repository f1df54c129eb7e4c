import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws assets/icons/aspace-N.png: java scripts/MakeIcons.java assets/icons */
public class MakeIcons {
    public static void main(String[] a) throws Exception {
        for (int s : new int[]{16, 32, 48, 64, 128, 256, 512}) {
            BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double u = s / 16.0;
            g.setColor(new Color(0x24292f));
            g.fill(new RoundRectangle2D.Double(0.5 * u, 0.5 * u, 15 * u, 15 * u, 3.5 * u, 3.5 * u));
            // the ribbon: a column of regions, high addresses at the top, a gap in the middle
            double x = 4.5 * u, w = 7 * u;
            Object[][] blocks = {
                {1.8, 1.6, 0x3fb950}, // stack rw-
                {3.6, 0.5, 0x8b949e}, // guard ---
                {7.0, 1.0, 0x58a6ff}, // lib r-x
                {8.1, 0.7, 0xd2a8ff}, // lib r--
                {8.9, 0.8, 0x3fb950}, // lib rw-
                {11.6, 2.6, 0x3fb950}, // heap rw-
            };
            for (Object[] b : blocks) {
                g.setColor(new Color((Integer) b[2]));
                g.fill(new RoundRectangle2D.Double(x, (Double) b[0] * u, w, (Double) b[1] * u, 0.8 * u, 0.8 * u));
            }
            // the break mark of the big unmapped gap
            g.setColor(new Color(0xe6edf3));
            g.setStroke(new BasicStroke((float) Math.max(1, 0.45 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D zig = new Path2D.Double();
            zig.moveTo(x, 5.2 * u);
            zig.lineTo(x + w / 3, 4.6 * u);
            zig.lineTo(x + 2 * w / 3, 5.6 * u);
            zig.lineTo(x + w, 5.0 * u);
            g.draw(zig);
            g.dispose();
            ImageIO.write(img, "png", new File(a[0] + "/aspace-" + s + ".png"));
        }
    }
}
