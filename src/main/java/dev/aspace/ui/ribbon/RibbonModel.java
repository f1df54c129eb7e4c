package dev.aspace.ui.ribbon;

import dev.aspace.layout.RegionSet;
import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.Scale;
import dev.aspace.layout.Viewport;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;

/**
 * What the ribbon shows: the snapshot's regions, the visible address interval and the scale, and
 * the layout of both (from the layout engine). Zoom and pan replace the viewport; every change
 * re-lays out the visible interval (semantic zoom, not a stretched bitmap).
 */
public final class RibbonModel {

    private final ObjectProperty<Scale> scale = new SimpleObjectProperty<>(this, "scale", Scale.LOG);
    private final ReadOnlyObjectWrapper<Viewport> viewport =
            new ReadOnlyObjectWrapper<>(this, "viewport", Viewport.whole(600));
    private final ReadOnlyObjectWrapper<RibbonLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private RegionSet set = RegionSet.of(List.of());
    private int pid = -1;

    public RibbonModel() {
        scale.addListener((o, a, s) -> {
            // the true scale opens on the user half: across all 16 EiB every mapping is a pixel
            if (s == Scale.LINEAR && viewport.get().isWhole()) {
                viewport.set(userHalf());
            } else if (s == Scale.LOG && isUserHalf(viewport.get())) {
                viewport.set(Viewport.whole(viewport.get().lengthPx()));
            }
            relayout();
        });
        relayout();
    }

    public ObjectProperty<Scale> scaleProperty() {
        return scale;
    }

    /** The visible address interval and the ribbon's length in pixels. */
    public ReadOnlyObjectProperty<Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    public Viewport getViewport() {
        return viewport.get();
    }

    public ReadOnlyObjectProperty<RibbonLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public RibbonLayout getLayout() {
        return layout.get();
    }

    public RegionSet regionSet() {
        return set;
    }

    /**
     * Shows new regions ({@code regions}: the snapshot's, as a set); the view keeps its interval
     * unless the process changed.
     */
    public void setSnapshot(Snapshot s, RegionSet regions) {
        set = regions;
        int newPid = s == null ? -1 : s.process().pid();
        if (newPid != pid) {
            pid = newPid;
            viewport.set(scale.get() == Scale.LINEAR ? userHalf() : Viewport.whole(viewport.get().lengthPx()));
        }
        relayout();
    }

    /** The ribbon got longer or shorter (window resized). */
    public void setLength(double px) {
        if (px > 0 && px != viewport.get().lengthPx()) {
            viewport.set(viewport.get().withLength(px));
            relayout();
        }
    }

    /** Zooms by {@code factor} (above 1 zooms in) around ribbon pixel {@code px}. */
    public void zoomAt(double px, double factor) {
        show(layout.get().zoomAt(px, factor));
    }

    /** Pans by {@code deltaPx} ribbon pixels; positive moves towards higher addresses. */
    public void pan(double deltaPx) {
        show(layout.get().pan(deltaPx));
    }

    /** Back to the whole 64-bit space. */
    public void reset() {
        show(Viewport.whole(viewport.get().lengthPx()));
    }

    /** The user half of the address space (128 TiB; 64 PiB with 5-level paging), where mappings are. */
    public Viewport userHalf() {
        return Viewport.of(viewport.get().lengthPx(), 0, set.userTop());
    }

    /** True when {@code v} shows the user half. */
    public boolean isUserHalf(Viewport v) {
        return v.lo() == 0 && v.last() == set.userTop() - 1;
    }

    /** Shows a region with a margin of a quarter of its size on each side. */
    public void zoomTo(Region r) {
        long margin = Math.max(4096, Long.divideUnsigned(r.size(), 4));
        long lo = Long.compareUnsigned(r.start(), margin) > 0 ? r.start() - margin : 0;
        long hi = r.end() + margin;
        if (Long.compareUnsigned(hi, r.end()) < 0) {
            hi = -1L;
        }
        show(new Viewport(viewport.get().lengthPx(), lo, hi == -1L ? -1L : hi - 1));
    }

    /** Makes sure a region is on screen: when it is outside the view, shows the whole space. */
    public void reveal(int regionIndex) {
        RibbonLayout l = layout.get();
        if (regionIndex >= 0 && !l.isVisible(regionIndex)) {
            reset();
        }
    }

    /** Shows an interval. */
    public void show(Viewport v) {
        viewport.set(v);
        relayout();
    }

    private void relayout() {
        layout.set(RibbonLayout.layout(set, viewport.get(), scale.get()));
    }
}
