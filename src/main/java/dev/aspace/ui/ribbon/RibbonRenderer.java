package dev.aspace.ui.ribbon;

import dev.aspace.layout.Bin;
import dev.aspace.layout.GapKind;
import dev.aspace.layout.RegionSet;
import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.Tick;
import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.ui.vm.Highlights;
import dev.aspace.ui.vm.RegionChange;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Draws one frame of the ribbon from a layout. Regions at least a pixel long are drawn as
 * themselves; narrower ones come as per-pixel bins from the layout, so a frame costs what the
 * pixels cost. Labels go where they fit, stacks, heap, guards and libraries first.
 */
public final class RibbonRenderer {

    private static final Font MONO = Font.font("DejaVu Sans Mono", 10);
    private static final Font LABEL = Font.font("DejaVu Sans", 11);
    private static final double STRIP = 7;
    private static final double LABEL_H = 13;

    /** What to draw beside the layout. */
    public record State(int selected, int hovered, Highlights highlights, long nowNanos) {
        public static final State PLAIN = new State(-1, -1, Highlights.NONE, 0);
    }

    private RibbonRenderer() {
    }

    public static void draw(GraphicsContext g, RibbonLayout layout, RibbonGeometry geo, RibbonPalette pal, State st) {
        g.setFill(pal.background());
        g.fillRect(0, 0, geo.width(), geo.height());
        RegionSet set = layout.regionSet();
        double x = geo.barX();
        double w = geo.bar();

        // gaps and regions, in address order
        int items = layout.itemCount();
        List<Label> labels = new ArrayList<>();
        for (int k = 0; k < items; k++) {
            double a = layout.itemStartPx(k);
            double b = layout.itemEndPx(k);
            if (b - a < RibbonLayout.NARROW_PX) {
                continue;
            }
            double y0 = geo.y(b);
            double h = b - a;
            int r = layout.itemRegion(k);
            if (r < 0) {
                drawGap(g, layout, layout.itemGap(k), x, y0, w, h, geo, pal, labels);
            } else {
                Region region = set.region(r);
                drawRegion(g, region, x, y0, w, h, pal);
                if (h >= LABEL_H - 2) {
                    labels.add(new Label(priority(region), y0 + h / 2, y0, y0 + h, text(region, layout, r), pal.text(),
                            false));
                }
            }
        }
        addLandmarks(layout, geo, pal, labels);
        for (int i = 0, n = layout.binCount(); i < n; i++) {
            Bin bin = layout.bin(i);
            double y0 = geo.y(bin.pixel() + 1);
            g.setFill(pal.fill(bin.perms()));
            g.fillRect(x, y0, w, 1);
            g.setFill(RibbonPalette.group(bin.kind()).color());
            g.fillRect(x, y0, STRIP, 1);
        }
        drawHighlights(g, layout, geo, pal, st);
        drawMark(g, layout, geo, st.hovered(), pal.hover(), false);
        drawMark(g, layout, geo, st.selected(), pal.selection(), true);
        drawLabels(g, labels, geo, pal);
        drawAxis(g, layout, geo, pal);
    }

    private static void drawRegion(GraphicsContext g, Region region, double x, double y0, double w, double h,
                                   RibbonPalette pal) {
        Perms p = region.perms();
        g.setFill(pal.fill(p));
        g.fillRect(x, y0, w, h);
        g.setFill(RibbonPalette.group(region.kind()).color());
        g.fillRect(x, y0, STRIP, h);
        if (p.none() && h >= 4) {
            hatch(g, x + STRIP, y0, w - STRIP, h, pal.muted());
        }
        if (p.write() && p.exec()) {
            g.setStroke(pal.rwx());
            g.setLineWidth(2);
            g.strokeRect(x + 1, y0 + 1, w - 2, Math.max(0, h - 2));
        }
        if (h >= 3) {
            g.setFill(pal.outline());
            g.fillRect(x, y0, w, 1);
        }
    }

    /**
     * Diagonal stripes: the look of a guard (no access). Each stripe is cut to the rectangle by
     * arithmetic, not by a clip: a clip makes the software pipeline render a mask of the whole canvas.
     */
    private static void hatch(GraphicsContext g, double x, double y, double w, double h, Color c) {
        g.setStroke(c);
        g.setLineWidth(1);
        for (double d = -h; d < w; d += 6) {
            // stripe points: (x + d + t, y + h - t) for t in [0, h], kept where x <= x + d + t <= x + w
            double t0 = Math.max(0, -d);
            double t1 = Math.min(h, w - d);
            if (t0 < t1) {
                g.strokeLine(x + d + t0, y + h - t0, x + d + t1, y + h - t1);
            }
        }
    }

    private static void drawGap(GraphicsContext g, RibbonLayout layout, int gap, double x, double y0, double w,
                                double h, RibbonGeometry geo, RibbonPalette pal, List<Label> labels) {
        GapKind kind = layout.gapKind(gap);
        g.setFill(pal.gap());
        g.fillRect(x, y0, w, h);
        if (kind != GapKind.UNMAPPED && h >= 3) {
            hatch(g, x, y0, w, h, pal.gapMark().deriveColor(0, 1, 1, 0.35));
        }
        if (h >= 6) {
            // a break mark: two zigzags across the bar, the textbook "not to scale" sign
            double mid = y0 + h / 2;
            g.setStroke(pal.gapMark());
            g.setLineWidth(1);
            for (double off : new double[]{-2, 2}) {
                double yy = mid + off;
                g.beginPath();
                g.moveTo(x - 4, yy);
                for (double xx = x - 4, i = 0; xx <= x + w + 4; xx += 6, i++) {
                    g.lineTo(xx, yy + (i % 2 == 0 ? -2 : 2));
                }
                g.stroke();
            }
        }
        if (h >= LABEL_H - 2) {
            labels.add(new Label(kind == GapKind.UNMAPPED ? 6 : 5, y0 + h / 2, y0, y0 + h, layout.gapLabel(gap),
                    pal.muted(), false));
        }
    }

    private static void drawHighlights(GraphicsContext g, RibbonLayout layout, RibbonGeometry geo, RibbonPalette pal,
                                       State st) {
        Highlights h = st.highlights();
        if (h.isEmpty()) {
            return;
        }
        RegionSet set = layout.regionSet();
        double x = geo.barX();
        double w = geo.bar();
        h.marks().forEach((start, mark) -> {
            double strength = Highlights.strength(mark.atNanos(), st.nowNanos());
            int i = set.indexOf(start);
            if (strength <= 0 || i < 0 || set.start(i) != start || !layout.isVisible(i)) {
                return;
            }
            double a = layout.regionStartPx(i);
            double b = Math.max(layout.regionEndPx(i), a + 1);
            Color c = changeColor(mark.change()).deriveColor(0, 1, 1, strength);
            g.setStroke(c);
            g.setLineWidth(3);
            g.strokeRect(x - 1, geo.y(b) - 1, w + 2, b - a + 2);
            g.setFill(c);
            g.fillRect(x + w + 1, geo.y(b), 5, b - a);
        });
        g.setLineDashes(4, 3);
        for (Highlights.Ghost ghost : h.vanished()) {
            double strength = Highlights.strength(ghost.atNanos(), st.nowNanos());
            Region r = ghost.region();
            if (strength <= 0 || !layout.viewport().contains(r.start())) {
                continue;
            }
            double a = layout.pixelOf(r.start());
            double b = Math.max(layout.pixelAfter(r.end() - 1), a + 2);
            g.setStroke(changeColor(RegionChange.VANISHED).deriveColor(0, 1, 1, strength));
            g.setLineWidth(2);
            g.strokeRect(x + 1, geo.y(b), w - 2, b - a);
        }
        g.setLineDashes((double[]) null);
    }

    /** Appeared green, grew blue (the palette's accent), shrank amber, replaced purple, vanished red. */
    public static Color changeColor(RegionChange c) {
        return switch (c) {
            case APPEARED -> Color.web("#1a7f37");
            case GREW -> RibbonPalette.LIGHT.selection();
            case SHRANK -> Color.web("#bf8700");
            case REPLACED -> Color.web("#8250df");
            case VANISHED -> Color.web("#cf222e");
        };
    }

    private static void drawMark(GraphicsContext g, RibbonLayout layout, RibbonGeometry geo, int region, Color c,
                                 boolean strong) {
        if (region < 0 || !layout.isVisible(region)) {
            return;
        }
        double a = layout.regionStartPx(region);
        double b = Math.max(layout.regionEndPx(region), a + 1);
        double y0 = geo.y(b);
        double h = b - a;
        double x = geo.barX();
        if (strong) {
            g.setStroke(c);
            g.setLineWidth(2.5);
            g.strokeRect(x - 2, y0 - 1.5, geo.bar() + 4, h + 3);
            // an arrow on the axis side, visible even when the region is thinner than a pixel
            double mid = y0 + h / 2;
            g.setFill(c);
            g.fillPolygon(new double[]{x - 12, x - 4, x - 12}, new double[]{mid - 5, mid, mid + 5}, 3);
        } else {
            g.setFill(c);
            g.fillRect(x, y0, geo.bar(), Math.max(1, h));
        }
    }

    /**
     * A label candidate: drawn beside its extent [minY, maxY] when it fits there; a landmark may
     * move up or down to a free row and points at its region with a leader line.
     */
    private record Label(int priority, double y, double minY, double maxY, String text, Color color,
                         boolean landmark) {
    }

    /** Landmark labels considered per frame: a ribbon has room for about 70 labels anyway. */
    private static final int MAX_LANDMARKS = 300;

    /** Most labels a landmark may move from its region, in pixels. */
    private static final double MAX_SHIFT = 90;

    /**
     * Landmarks get a label even when their region is thinner than a label: stacks, heap, the
     * program's text, vdso and vsyscall, each library's code, and large unmapped gaps.
     */
    /** The texts of the landmark labels of a layout, before placement (for tests). */
    static List<String> landmarkTexts(RibbonLayout layout, RibbonGeometry geo) {
        List<Label> labels = new ArrayList<>();
        addLandmarks(layout, geo, RibbonPalette.LIGHT, labels);
        return labels.stream().map(Label::text).toList();
    }

    private static final Set<RegionKind> LANDMARKS = EnumSet.of(RegionKind.MAIN_STACK,
            RegionKind.THREAD_STACK, RegionKind.HEAP, RegionKind.PROGRAM_TEXT, RegionKind.VDSO, RegionKind.VSYSCALL,
            RegionKind.LIBRARY_TEXT);

    private static void addLandmarks(RibbonLayout layout, RibbonGeometry geo, RibbonPalette pal, List<Label> labels) {
        RegionSet set = layout.regionSet();
        String lastLibrary = "";
        int landmarks = 0;
        // the kind decides first, read from the set's byte array: the Region objects and pixel
        // positions are looked at only for the few candidates (a whole-space view of 60,000
        // regions has a handful of landmarks; touching every Region object cost most of a frame)
        for (int i = layout.firstVisibleRegion(), end = i + layout.visibleRegionCount(); i < end; i++) {
            RegionKind k = set.kind(i);
            if (!LANDMARKS.contains(k)) {
                continue;
            }
            Region r = set.region(i);
            if (k == RegionKind.LIBRARY_TEXT) {
                boolean sameLibrary = r.path().equals(lastLibrary);
                lastLibrary = r.path();
                if (sameLibrary) {
                    continue; // one label per library
                }
            }
            double a = layout.regionStartPx(i);
            double b = layout.regionEndPx(i);
            if (b - a >= LABEL_H - 2) {
                continue; // labelled in place already
            }
            if (++landmarks > MAX_LANDMARKS) {
                break; // more than a ribbon can name: the rest show when zoomed in
            }
            double mid = geo.y((a + b) / 2);
            labels.add(new Label(priority(r), mid, mid, mid, text(r, layout, i), pal.text(), true));
        }
        for (int k = 0, n = layout.itemCount(); k < n; k++) {
            int gap = layout.itemGap(k);
            if (gap < 0 || Long.compareUnsigned(layout.gapLast(gap) - layout.gapFirst(gap), 1L << 36) < 0) {
                continue;
            }
            double a = layout.itemStartPx(k);
            double b = layout.itemEndPx(k);
            if (b - a < LABEL_H - 2) {
                double mid = geo.y((a + b) / 2);
                labels.add(new Label(7, mid, mid, mid, layout.gapLabel(gap), pal.muted(), true));
            }
        }
    }

    /** Lower draws first: stacks, heap, guards, libraries, program, then the rest. */
    private static int priority(Region r) {
        RegionKind k = r.kind();
        return switch (RibbonPalette.group(k)) {
            case STACK -> 0;
            case HEAP -> 1;
            case GUARD -> 2;
            case LIBRARY -> 3;
            case PROGRAM -> 3;
            case KERNEL -> 4;
            default -> 5;
        };
    }

    private static String text(Region r, RibbonLayout layout, int index) {
        String name = r.label();
        if (name.isEmpty()) {
            String path = r.path();
            name = path.isEmpty() ? r.kind().displayName() : path.substring(path.lastIndexOf('/') + 1);
        }
        return name + "  " + r.perms().rwx() + "  " + layout.regionSizeLabel(index);
    }

    /** Places labels greedily by priority where they do not overlap, each inside its item's extent. */
    private static void drawLabels(GraphicsContext g, List<Label> labels, RibbonGeometry geo, RibbonPalette pal) {
        labels.sort(Comparator.comparingInt(Label::priority).thenComparingDouble(Label::y));
        int rows = (int) Math.ceil(geo.height()) + 1;
        boolean[] used = new boolean[rows];
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double x = geo.labelX();
        double maxW = geo.width() - x - 4;
        if (maxW < 30) {
            return;
        }
        for (Label l : labels) {
            double y = Math.max(l.minY() + LABEL_H / 2, Math.min(l.maxY() - LABEL_H / 2, l.y()));
            if (l.minY() == l.maxY()) {
                y = l.y();
            }
            double placed = free(used, y, rows);
            if (Double.isNaN(placed) && l.landmark()) {
                for (double d = 1; d <= MAX_SHIFT && Double.isNaN(placed); d += 1) {
                    placed = free(used, y - d, rows);
                    if (Double.isNaN(placed)) {
                        placed = free(used, y + d, rows);
                    }
                }
            }
            if (Double.isNaN(placed)) {
                continue;
            }
            for (int i = (int) Math.floor(placed - LABEL_H / 2); i <= (int) Math.ceil(placed + LABEL_H / 2); i++) {
                used[i] = true;
            }
            double tx = x;
            if (l.landmark()) {
                // a leader line from the region's edge to its label
                g.setStroke(l.color().deriveColor(0, 1, 1, 0.6));
                g.setLineWidth(1);
                g.strokeLine(geo.barX() + geo.bar(), l.y(), x + 6, placed);
                tx = x + 10;
            }
            g.setFill(l.color());
            g.fillText(l.text(), tx, placed, maxW - (tx - x));
        }
    }

    /** {@code y} when a label centred there fits in free rows, else NaN. */
    private static double free(boolean[] used, double y, int rows) {
        int from = (int) Math.floor(y - LABEL_H / 2);
        int to = (int) Math.ceil(y + LABEL_H / 2);
        return from < 0 || to >= rows || anyUsed(used, from, to) ? Double.NaN : y;
    }

    private static boolean anyUsed(boolean[] used, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (used[i]) {
                return true;
            }
        }
        return false;
    }

    private static void drawAxis(GraphicsContext g, RibbonLayout layout, RibbonGeometry geo, RibbonPalette pal) {
        g.setFont(MONO);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(pal.muted());
        g.setLineWidth(1);
        double x = geo.barX();
        for (Tick t : layout.ticks(26)) {
            double y = geo.y(t.px());
            if (y < geo.top() - 1 || y > geo.height() - geo.bottom() + 1) {
                continue;
            }
            g.setFill(t.major() ? pal.text() : pal.muted());
            g.strokeLine(x - (t.major() ? 8 : 5), y, x - 1, y);
            g.fillText(t.label(), x - 14, Math.max(geo.top() + 5, Math.min(geo.height() - geo.bottom() - 5, y)));
        }
    }
}
