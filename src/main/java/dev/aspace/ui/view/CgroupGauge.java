package dev.aspace.ui.view;

import dev.aspace.model.CgroupMemory;
import dev.aspace.ui.vm.GaugeModel;
import dev.aspace.ui.vm.Units;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The watched process's memory cgroup beside free's figures, shown only when a limit applies to
 * it: the limit, the usage split into anonymous memory, page cache and kernel memory as a bar
 * against the limit, swap and OOM kills, and why free shows the machine's memory instead.
 */
final class CgroupGauge extends VBox {

    private final GaugeModel model;
    private final Pane bar = new Pane();
    private final Region anon = segment("gauge-used-bar");
    private final Region file = segment("gauge-cache-bar");
    private final Region kernel = segment("gauge-shared-bar");
    private final Label limit = new Label();
    private final Label usage = new Label();
    private final Label other = new Label();
    private final Label why = new Label();

    CgroupGauge(GaugeModel model) {
        super(3);
        this.model = model;
        setId("gauge-cgroup");
        setPadding(new Insets(4, 0, 0, 0));
        Label title = new Label("Memory cgroup of the process");
        title.getStyleClass().add("title-4");
        bar.getChildren().addAll(anon, file, kernel);
        bar.setPrefHeight(14);
        bar.setMinHeight(14);
        bar.getStyleClass().add("gauge-bar");
        bar.widthProperty().addListener(o -> layoutBar());
        limit.setId("gauge-cgroup-limit");
        usage.setId("gauge-cgroup-usage");
        other.setId("gauge-cgroup-other");
        why.setId("gauge-cgroup-why");
        for (Label l : List.of(limit, usage, other, why)) {
            l.setWrapText(true);
        }
        why.getStyleClass().add("text-muted");
        getChildren().addAll(title, bar, limit, usage, other, why);
        model.cgroupProperty().addListener((o, a, c) -> show(c));
        model.unitsProperty().addListener((o, a, u) -> show(model.cgroupProperty().get()));
        model.memoryProperty().addListener((o, a, m) -> show(model.cgroupProperty().get()));
        show(model.cgroupProperty().get());
    }

    private void show(CgroupMemory c) {
        setVisible(c != null);
        setManaged(c != null);
        if (c == null) {
            return;
        }
        Units u = model.unitsProperty().get();
        String where = c.tightest().map(l -> l.path().equals(c.path()) ? "its own cgroup" : l.path()).orElse("");
        limit.setText("limit " + u.format(c.effectiveLimit()) + " (cgroup v" + c.version() + ", set on " + where + ")");
        usage.setText("usage " + u.format(c.usage()) + ": anon " + u.format(c.anon()) + ", file " + u.format(c.file())
                + ", kernel " + u.format(c.kernel()));
        String swap = c.swapUsage() < 0 ? "" : (c.version() == 1 ? "memory+swap " : "swap ") + u.format(c.swapUsage())
                + (c.swapLimit() < 0 ? "" : " of " + u.format(c.swapLimit())) + "; ";
        other.setText(swap + "OOM kills " + c.oomKills() + (c.peak() >= 0 ? "; peak " + u.format(c.peak()) : ""));
        why.setText(c.whyFreeDiffers(model.getMemory()));
        layoutBar();
    }

    private void layoutBar() {
        CgroupMemory c = model.cgroupProperty().get();
        double w = bar.getWidth();
        if (c == null || w <= 0 || c.effectiveLimit() <= 0) {
            return;
        }
        double h = bar.getHeight() > 0 ? bar.getHeight() : 14;
        double scale = w / Math.max(c.effectiveLimit(), c.usage());
        double x = place(anon, 0, c.anon() * scale, w, h);
        x = place(file, x, c.file() * scale, w, h);
        place(kernel, x, c.kernel() * scale, w, h);
    }

    /** Lays a segment out from {@code x}, cut at the bar's end; returns where the next begins. */
    private static double place(Region segment, double x, double width, double barWidth, double h) {
        double fit = Math.max(0, Math.min(barWidth - x, width));
        segment.resizeRelocate(x, 0, fit, h);
        return x + fit;
    }

    private static Region segment(String styleClass) {
        Region r = new Region();
        r.getStyleClass().addAll("gauge-seg", styleClass);
        r.setManaged(false);
        return r;
    }
}
