package dev.aspace.ui.ribbon;

import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.RegionSet;
import dev.aspace.snapshot.locate.PlacedSection;
import dev.aspace.snapshot.locate.SectionMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * Draws the ELF sections of file-backed regions inside the bar once a region is tall enough to
 * show them (zoomed in): a line at each section's edges, its name where it fits, and zero-filled
 * sections (.bss) dotted, since the file holds none of their bytes.
 */
final class SectionPainter {

    /** A region shorter than this shows no sections: at the whole-space view they would be noise. */
    static final double MIN_REGION_PX = 40;
    private static final double MIN_LABEL_PX = 11;
    private static final double STRIP = 7;
    private static final Font FONT = Font.font("DejaVu Sans Mono", 9);

    private SectionPainter() {
    }

    static void draw(GraphicsContext g, RibbonLayout layout, RibbonGeometry geo, RibbonPalette pal, SectionMap sections) {
        if (sections.isEmpty()) {
            return;
        }
        RegionSet set = layout.regionSet();
        var v = layout.viewport();
        double x = geo.barX() + STRIP;
        double w = geo.bar() - STRIP;
        Color line = pal.text().deriveColor(0, 1, 1, 0.55);
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = layout.firstVisibleRegion(), end = i + layout.visibleRegionCount(); i < end; i++) {
            if (layout.regionEndPx(i) - layout.regionStartPx(i) < MIN_REGION_PX) {
                continue;
            }
            List<PlacedSection> in = sections.in(set.start(i));
            for (PlacedSection s : in) {
                long first = Long.compareUnsigned(s.start(), v.lo()) > 0 ? s.start() : v.lo();
                long last = Long.compareUnsigned(s.end() - 1, v.last()) < 0 ? s.end() - 1 : v.last();
                if (Long.compareUnsigned(first, last) > 0) {
                    continue;
                }
                double a = layout.pixelOf(first);
                double b = layout.pixelAfter(last);
                double top = geo.y(b);
                double h = b - a;
                if (s.nobits()) {
                    dots(g, x, top, w, h, line);
                }
                g.setFill(line);
                g.fillRect(x, top, w, 1);
                g.fillRect(x, top + h - 1, w, 1);
                if (h >= MIN_LABEL_PX) {
                    g.setFill(pal.text());
                    g.fillText(s.name(), x + 3, top + h / 2, w - 6);
                }
            }
        }
    }

    /** Sparse dots: memory the kernel zero-fills, with no bytes in the file. */
    private static void dots(GraphicsContext g, double x, double y, double w, double h, Color c) {
        g.setFill(c);
        for (double yy = y + 2; yy < y + h - 1; yy += 4) {
            for (double xx = x + 2 + (((int) (yy - y) / 4) % 2) * 2; xx < x + w - 1; xx += 4) {
                g.fillRect(xx, yy, 1, 1);
            }
        }
    }
}
