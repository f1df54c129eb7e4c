package dev.aspace.ui.frames;

import dev.aspace.frames.RegionFrames;
import dev.aspace.frames.Sharing;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.Arrays;

/** Draws a region's pages coloured by sharing into a rectangle, one bin per pixel. */
public final class FramesPaint {

    private FramesPaint() {
    }

    /** The number of pages of the region read. */
    public static long pages(RegionFrames f) {
        return Long.divideUnsigned(f.end() - f.start(), f.pageSize());
    }

    /** The x of page {@code page} (0-based in the region) in a band of width {@code w} starting at {@code x}. */
    public static double pageX(RegionFrames f, long page, double x, double w) {
        return x + (page + 0.5) * w / pages(f);
    }

    /**
     * Fills [x, x+w) x [y, y+h): each pixel takes the most common sharing of its populated pages,
     * stronger the more of its pages are populated; a pixel of one page takes that page's colour.
     */
    public static void pages(GraphicsContext g, RegionFrames f, double x, double y, double w, double h) {
        g.setFill(SharingColors.EMPTY);
        g.fillRect(x, y, w, h);
        long pages = pages(f);
        int bins = (int) Math.max(1, Math.min((long) w, pages));
        double bw = w / bins;
        int[] counts = new int[Sharing.values().length];
        int at = 0;
        for (int b = 0; b < bins && at < f.size(); b++) {
            long to = f.start() + (pages * (b + 1) / bins) * f.pageSize();
            Arrays.fill(counts, 0);
            int n = 0;
            int best = -1;
            for (; at < f.size() && Long.compareUnsigned(f.address(at), to) < 0; at++) {
                int k = f.sharing(at).ordinal();
                counts[k]++;
                n++;
                if (best < 0 || counts[k] > counts[best]) {
                    best = k;
                }
            }
            if (n > 0) {
                Color c = bins == pages ? SharingColors.of(f, at - 1) : SharingColors.of(Sharing.values()[best]);
                long inBin = Math.max(1, pages * (b + 1) / bins - pages * b / bins);
                g.setFill(SharingColors.EMPTY.interpolate(c, 0.35 + 0.65 * n / (double) inBin));
                g.fillRect(x + b * bw, y, Math.ceil(bw), h);
            }
        }
    }
}
