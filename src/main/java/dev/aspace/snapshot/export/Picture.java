package dev.aspace.snapshot.export;

import dev.aspace.model.Perms;
import dev.aspace.model.RegionKind;

import java.util.List;

/**
 * A ribbon ready to draw, in pixels: what the SVG and PNG writers share, so both show the same
 * geometry. Built from the layout engine by the caller (the layout is not this package's to use).
 *
 * @param title    first line above the ribbon
 * @param subtitle second line (regions, sizes, scale)
 * @param width    picture width in pixels
 * @param ribbonX  left edge of the ribbon
 * @param ribbonWidth ribbon length in pixels (x of a bar is relative to ribbonX)
 * @param bars     regions and per-pixel bins
 * @param gaps     unmapped stretches with their labels
 * @param ticks    address ticks under the ribbon
 */
public record Picture(String title, String subtitle, int width, int ribbonX, int ribbonWidth, List<Bar> bars,
                      List<Gap> gaps, List<Tick> ticks) {

    public Picture {
        bars = List.copyOf(bars);
        gaps = List.copyOf(gaps);
        ticks = List.copyOf(ticks);
    }

    /** A region (or a bin of narrow regions) from x0 to x1. */
    public record Bar(double x0, double x1, Perms perms, RegionKind kind, String label) {
    }

    /** Unmapped space, drawn as a break with its size. */
    public record Gap(double x0, double x1, String label) {
    }

    /** An address mark. */
    public record Tick(double x, String label, boolean major) {
    }

    public static final int RIBBON_Y = 70;
    public static final int RIBBON_HEIGHT = 60;
    public static final int EDGE = 6;
    public static final int LEGEND_Y = 190;
    public static final int HEIGHT = 270;
}
