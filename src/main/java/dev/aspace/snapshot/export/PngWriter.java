package dev.aspace.snapshot.export;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/** The same picture as {@link SvgWriter}, drawn with java.awt into a PNG (headless is fine). */
public final class PngWriter {

    private PngWriter() {
    }

    public static void write(Picture p, OutputStream out) throws IOException {
        BufferedImage img = new BufferedImage(p.width(), Picture.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(color(ExportPalette.BACKGROUND));
            g.fillRect(0, 0, p.width(), Picture.HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.setColor(color(ExportPalette.TEXT));
            g.drawString(p.title(), p.ribbonX(), 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(color(ExportPalette.MUTED));
            g.drawString(p.subtitle(), p.ribbonX(), 46);
            int y = Picture.RIBBON_Y;
            int h = Picture.RIBBON_HEIGHT;
            for (Picture.Gap gap : p.gaps()) {
                double x = p.ribbonX() + gap.x0();
                double w = Math.max(gap.x1() - gap.x0(), 0.5);
                g.setColor(color(ExportPalette.GAP));
                g.fill(new Rectangle2D.Double(x, y, w, h));
                g.setColor(color(ExportPalette.GAP_MARK));
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
                g.draw(new Line2D.Double(x + w / 2, y, x + w / 2, y + h));
            }
            g.setStroke(new BasicStroke(1f));
            for (Picture.Bar b : p.bars()) {
                double x = p.ribbonX() + b.x0();
                double w = Math.max(b.x1() - b.x0(), 0.5);
                g.setColor(color(ExportPalette.fill(b.perms())));
                g.fill(new Rectangle2D.Double(x, y, w, h));
                g.setColor(color(ExportPalette.edge(b.kind())));
                g.fill(new Rectangle2D.Double(x, y + h - Picture.EDGE, w, Picture.EDGE));
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            for (Picture.Tick t : p.ticks()) {
                double x = p.ribbonX() + t.x();
                g.setColor(color(ExportPalette.MUTED));
                g.draw(new Line2D.Double(x, y + h, x, y + h + (t.major() ? 8 : 4)));
                if (t.major()) {
                    int tw = g.getFontMetrics().stringWidth(t.label());
                    g.drawString(t.label(), (float) (x - tw / 2.0), y + h + 20);
                }
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int lx = p.ribbonX();
            int ly = Picture.LEGEND_Y;
            for (String[] e : ExportPalette.PERMS) {
                g.setColor(color(e[2]));
                g.fillRect(lx, ly, 14, 14);
                g.setColor(color(ExportPalette.TEXT));
                g.drawString(e[0] + " " + e[1], lx + 20, ly + 12);
                lx += SvgWriter.Legend.PERM_STEP;
            }
            lx = p.ribbonX();
            ly += 30;
            for (String[] e : ExportPalette.KINDS) {
                g.setColor(color(e[1]));
                g.fillRect(lx, ly + 4, 14, 6);
                g.setColor(color(ExportPalette.TEXT));
                g.drawString(e[0], lx + 20, ly + 12);
                lx += SvgWriter.Legend.KIND_STEP;
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        out.flush();
    }

    static Color color(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
