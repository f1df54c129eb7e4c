package dev.aspace.ui.compare;

import dev.aspace.layout.Bin;
import dev.aspace.layout.GapKind;
import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.Scale;
import dev.aspace.layout.Viewport;
import dev.aspace.model.ByteSize;
import dev.aspace.model.Region;
import dev.aspace.snapshot.diff.Change;
import dev.aspace.snapshot.diff.DiffText;
import dev.aspace.snapshot.diff.RegionDiff;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import dev.aspace.ui.ribbon.RibbonPalette;
import javafx.scene.text.Font;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The snapshots as parallel horizontal ribbons on one Canvas, low addresses at the left, each
 * matched region joined to its match on the next ribbon by a line: grey when it stayed, orange
 * when it moved (ASLR), blue when it grew, shrank or changed otherwise. The selected diff row is
 * drawn in black.
 */
final class CompareRibbons extends Pane {

    static final double MARGIN = 8;
    static final double TITLE_H = 18;
    static final double RIBBON_H = 26;
    static final double LINK_H = 46;

    private static final Color MOVED = Color.web("#e65100", 0.55);
    private static final Color SAME = Color.web("#78909c", 0.35);
    private static final Color CHANGED = Color.web("#1565c0", 0.6);

    private final CompareModel model;
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Scale> scale = new SimpleObjectProperty<>(Scale.LOG);
    private final ObjectProperty<RegionDiff> selected = new SimpleObjectProperty<>();
    private final Tooltip tooltip = new Tooltip();
    private final List<RibbonLayout> layouts = new ArrayList<>();
    private final InvalidationListener repaintOnTheme = o -> redraw();
    private final ReadOnlyBooleanProperty dark;
    private BiConsumer<Integer, Integer> onRegionClicked = (ribbon, region) -> { };

    CompareRibbons(CompareModel model, ReadOnlyBooleanProperty dark) {
        this.model = model;
        this.dark = dark;
        setId("compare-ribbons");
        getChildren().add(canvas);
        double height = 2 * MARGIN + model.size() * (TITLE_H + RIBBON_H) + (model.size() - 1) * LINK_H;
        setMinHeight(height);
        setPrefHeight(height);
        setPrefWidth(900);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
        scale.addListener((o, a, b) -> redraw());
        selected.addListener((o, a, b) -> redraw());
        dark.addListener(new WeakInvalidationListener(repaintOnTheme));
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> tooltip.setText(describe(e.getX(), e.getY())));
        canvas.setOnMouseClicked(e -> {
            int ribbon = ribbonAt(e.getY());
            int region = ribbon < 0 ? -1 : regionAt(ribbon, e.getX());
            if (region >= 0) {
                onRegionClicked.accept(ribbon, region);
            }
        });
    }

    ObjectProperty<Scale> scaleProperty() {
        return scale;
    }

    ObjectProperty<RegionDiff> selectedProperty() {
        return selected;
    }

    void setOnRegionClicked(BiConsumer<Integer, Integer> handler) {
        this.onRegionClicked = handler;
    }

    /** The layout ribbon i was last drawn with (for tests and hit testing); empty before the first paint. */
    List<RibbonLayout> layouts() {
        return List.copyOf(layouts);
    }

    static double ribbonTop(int i) {
        return MARGIN + TITLE_H + i * (TITLE_H + RIBBON_H + LINK_H);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void redraw() {
        double width = getWidth() - 2 * MARGIN;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        layouts.clear();
        if (!(width > 1)) {
            return;
        }
        for (int i = 0; i < model.size(); i++) {
            layouts.add(RibbonLayout.layout(model.regionSet(i), Viewport.whole(width), scale.get()));
        }
        for (int i = 0; i + 1 < model.size(); i++) {
            drawLinks(g, i);
        }
        g.setFont(Font.font(11));
        for (int i = 0; i < model.size(); i++) {
            drawRibbon(g, i, layouts.get(i));
        }
    }

    private void drawRibbon(GraphicsContext g, int i, RibbonLayout layout) {
        double top = ribbonTop(i);
        g.setFill(ink());
        g.fillText(model.title(i) + "  —  " + layout.visibleRegionCount() + " regions", MARGIN, top - 5);
        for (int k = 0; k < layout.gapCount(); k++) {
            double a = MARGIN + layout.gapStartPx(k);
            double w = layout.gapEndPx(k) - layout.gapStartPx(k);
            GapKind kind = layout.gapKind(k);
            // gaps as the ribbon paints them: the palette's gap, marked darker where nothing can be mapped
            g.setFill(palette().gap());
            g.fillRect(a, top + RIBBON_H * 0.3, w, RIBBON_H * 0.4);
            if (kind != GapKind.UNMAPPED) {
                g.setFill(palette().gapMark().deriveColor(0, 1, 1, kind == GapKind.NON_CANONICAL ? 0.35 : 0.6));
                g.fillRect(a, top + RIBBON_H * 0.3, w, RIBBON_H * 0.4);
            }
            String label = layout.gapLabel(k);
            if (w > label.length() * 6.2 + 6) {
                g.setFill(palette().muted());
                g.fillText(label, a + 3, top + RIBBON_H * 0.5 + 4);
            }
        }
        for (int j = 0; j < layout.wideRegionCount(); j++) {
            int r = layout.wideRegion(j);
            double a = MARGIN + layout.regionStartPx(r);
            double w = layout.regionEndPx(r) - layout.regionStartPx(r);
            g.setFill(palette().fill(model.regionSet(i).region(r).perms()));
            g.fillRect(a, top, w, RIBBON_H);
            if (w > 3) {
                g.setStroke(palette().outline()); // a seam between neighbours
                g.setLineWidth(1);
                g.strokeLine(a + 0.5, top, a + 0.5, top + RIBBON_H);
            }
        }
        for (int b = 0; b < layout.binCount(); b++) {
            Bin bin = layout.bin(b);
            g.setFill(palette().fill(bin.perms()));
            g.fillRect(MARGIN + bin.pixel(), top, 1, RIBBON_H);
        }
        RegionDiff sel = selected.get();
        if (sel != null) {
            outline(g, i, layout, sel.before());
            outline(g, i, layout, sel.after());
        }
    }

    private void outline(GraphicsContext g, int ribbon, RibbonLayout layout, Region region) {
        int r = region == null ? -1 : indexIn(ribbon, region);
        if (r >= 0 && layout.isVisible(r)) {
            double a = MARGIN + layout.regionStartPx(r);
            double w = Math.max(2, layout.regionEndPx(r) - layout.regionStartPx(r));
            g.setStroke(ink());
            g.setLineWidth(2);
            g.strokeRect(a - 1, ribbonTop(ribbon) - 1, w + 2, RIBBON_H + 2);
        }
    }

    private int indexIn(int ribbon, Region region) {
        List<Region> regions = model.regionSet(ribbon).regions();
        int i = model.regionSet(ribbon).indexOf(region.start());
        return i >= 0 && regions.get(i) == region ? i : -1;
    }

    private void drawLinks(GraphicsContext g, int upper) {
        RibbonLayout a = layouts.get(upper);
        RibbonLayout b = layouts.get(upper + 1);
        double y0 = ribbonTop(upper) + RIBBON_H;
        double y1 = ribbonTop(upper + 1);
        RegionDiff sel = selected.get();
        CompareModel.Link chosen = null;
        g.setLineWidth(1);
        for (CompareModel.Link link : model.links(upper)) {
            if (sel != null && link.diff() == sel) {
                chosen = link;
                continue;
            }
            g.setStroke(colour(link.diff()));
            g.strokeLine(mid(a, link.from()), y0, mid(b, link.to()), y1);
        }
        if (chosen != null) {
            g.setStroke(ink());
            g.setLineWidth(2.5);
            g.strokeLine(mid(a, chosen.from()), y0, mid(b, chosen.to()), y1);
        }
    }

    private Color ink() {
        return palette().text();
    }

    private static Color colour(RegionDiff d) {
        if (d.changes().contains(Change.MOVED)) {
            return MOVED;
        }
        return d.changed() ? CHANGED : SAME;
    }

    private static double mid(RibbonLayout layout, int region) {
        return MARGIN + (layout.regionStartPx(region) + layout.regionEndPx(region)) / 2;
    }

    private int ribbonAt(double y) {
        for (int i = 0; i < layouts.size(); i++) {
            double top = ribbonTop(i);
            if (y >= top && y < top + RIBBON_H) {
                return i;
            }
        }
        return -1;
    }

    private int regionAt(int ribbon, double x) {
        return layouts.get(ribbon).regionAt(x - MARGIN);
    }

    private String describe(double x, double y) {
        int ribbon = ribbonAt(y);
        if (ribbon < 0) {
            return null;
        }
        RibbonLayout layout = layouts.get(ribbon);
        int r = layout.regionAt(x - MARGIN);
        if (r < 0) {
            int gap = layout.gapAt(x - MARGIN);
            if (gap < 0) {
                return null;
            }
            long end = layout.gapLast(gap) + 1;
            return layout.gapLabel(gap) + "\n" + Long.toHexString(layout.gapFirst(gap)) + "-"
                    + (end == 0 ? "10000000000000000" : Long.toHexString(end));
        }
        Region region = model.regionSet(ribbon).region(r);
        return region.rangeText() + "  " + ByteSize.formatUnsigned(region.size()) + "  " + region.perms()
                + "\n" + DiffText.name(region);
    }

    /** The one palette (ribbon, compare, export), in the theme now shown. */
    private RibbonPalette palette() {
        return RibbonPalette.current(dark.get());
    }
}
