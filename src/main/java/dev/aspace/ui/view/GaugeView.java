package dev.aspace.ui.view;

import dev.aspace.model.SystemMemory;
import dev.aspace.ui.vm.GaugeModel;
import dev.aspace.ui.vm.Units;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import javafx.scene.layout.FlowPane;

/**
 * {@code free} as a picture: a stacked bar of used, buff/cache and free with shared memory marked
 * and available shown, swap beside it, the figures in the chosen units, and a live history.
 */
public final class GaugeView extends VBox {

    private final GaugeModel model;
    private final Pane bar = new Pane();
    private final Region used = segment("gauge-used-bar");
    private final Region cache = segment("gauge-cache-bar");
    private final Region free = segment("gauge-free-bar");
    private final Region shared = segment("gauge-shared-bar");
    private final Region available = segment("gauge-available-mark");
    private final Pane swapBar = new Pane();
    private final Region swapUsed = segment("gauge-swap-bar");
    private final Label total = value("gauge-total");
    private final Label usedL = value("gauge-used");
    private final Label freeL = value("gauge-free");
    private final Label sharedL = value("gauge-shared");
    private final Label cacheL = value("gauge-buffcache");
    private final Label availL = value("gauge-available");
    private final Label swapL = value("gauge-swap");
    private final MemoryHistory chart;
    private final Tooltip why = new Tooltip();
    private final Label usedAs = new Label();

    /** @param dark true while the dark theme is on (the history chart's palette follows it) */
    public GaugeView(GaugeModel model, ReadOnlyBooleanProperty dark) {
        super(6);
        this.model = model;
        setId("gauge");
        getStyleClass().add("gauge");
        setPadding(new Insets(8));

        Label title = new Label("System memory (free)");
        title.getStyleClass().add("title-4");
        ChoiceMenu<Units> unitBox = new ChoiceMenu<>(List.of(Units.values()), Units::displayName);
        unitBox.setId("gauge-units");
        unitBox.valueProperty().bindBidirectional(model.unitsProperty());
        // a flow: in a narrow side column the unit menu goes below the title rather than cutting both
        FlowPane head = new FlowPane(6, 2, title, unitBox);
        head.setAlignment(Pos.CENTER_LEFT);

        bar.getChildren().addAll(used, cache, shared, free, available);
        bar.setPrefHeight(22);
        bar.setMinHeight(22);
        bar.getStyleClass().add("gauge-bar");
        bar.widthProperty().addListener(o -> layoutBars());
        swapBar.getChildren().add(swapUsed);
        swapBar.setPrefHeight(8);
        swapBar.setMinHeight(8);
        swapBar.getStyleClass().add("gauge-bar");
        swapBar.widthProperty().addListener(o -> layoutBars());

        GridPane figures = new GridPane();
        figures.setHgap(12);
        figures.setVgap(1);
        // one figure a row, in free's order: two pairs a row do not fit a laptop's side column
        figures.addRow(0, key("total"), total);
        figures.addRow(1, key("used", "gauge-used-bar"), usedL);
        figures.addRow(2, key("free", "gauge-free-bar"), freeL);
        figures.addRow(3, key("shared", "gauge-shared-bar"), sharedL);
        figures.addRow(4, key("buff/cache", "gauge-cache-bar"), cacheL);
        figures.addRow(5, key("available", "gauge-available-mark"), availL);
        figures.addRow(6, key("swap", "gauge-swap-bar"), swapL);

        why.setShowDelay(Duration.millis(200));
        why.setShowDuration(Duration.seconds(30));
        Tooltip.install(availL, why);
        Tooltip.install(available, why);
        Tooltip.install(bar, why);

        chart = new MemoryHistory(model.history(), GaugeModel.HISTORY, dark);

        Label from = new Label();
        from.setId("gauge-from");
        from.getStyleClass().addAll("text-small", "text-muted");
        from.setWrapText(true);
        from.textProperty().bind(model.fromProperty());
        from.visibleProperty().bind(model.fromProperty().isNotEmpty());
        from.managedProperty().bind(from.visibleProperty());

        // a capture's "used" is the column its free printed, whose meaning changed between versions
        usedAs.setId("gauge-used-as");
        usedAs.getStyleClass().addAll("text-small", "text-muted");
        usedAs.setWrapText(true);
        usedAs.visibleProperty().bind(usedAs.textProperty().isNotEmpty());
        usedAs.managedProperty().bind(usedAs.visibleProperty());

        getChildren().addAll(head, from, bar, swapBar, figures, usedAs, new CgroupGauge(model), chart);

        model.memoryProperty().addListener((o, a, m) -> show(m));
        model.unitsProperty().addListener((o, a, u) -> show(model.getMemory()));
        show(model.getMemory());
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}: readable axis steps. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double f : new double[]{1, 2, 5, 10}) {
            if (f * p >= raw) {
                return f * p;
            }
        }
        return 10 * p;
    }

    private void show(SystemMemory m) {
        if (m == null) {
            for (Label l : List.of(total, usedL, freeL, sharedL, cacheL, availL, swapL)) {
                l.setText("–");
            }
            usedAs.setText("");
            return;
        }
        Units u = model.unitsProperty().get();
        total.setText(u.format(m.memTotal()));
        usedL.setText(u.format(m.used()));
        usedAs.setText(m.usedIsPrinted() ? "used as the capture's free printed it: " + m.usedDefinition() : "");
        freeL.setText(u.format(m.memFree()));
        sharedL.setText(u.format(m.shmem()));
        cacheL.setText(u.format(m.buffCache()));
        availL.setText(u.format(m.available()));
        swapL.setText(m.swapTotal() <= 0 ? "none" : u.format(m.swapUsed()) + " of " + u.format(m.swapTotal()));
        why.setText(GaugeModel.availableExplained(m, u));
        layoutBars();
    }

    /** Lays the segments out by hand: widths follow the figures, not CSS. */
    private void layoutBars() {
        SystemMemory m = model.getMemory();
        double w = bar.getWidth();
        double h = bar.getHeight() > 0 ? bar.getHeight() : 22;
        if (m == null || w <= 0) {
            return;
        }
        List<GaugeModel.Part> parts = GaugeModel.parts(m);
        double sum = Math.max(m.memTotal(), parts.stream().mapToLong(GaugeModel.Part::bytes).sum());
        double x = 0;
        Region[] segs = {used, cache, free};
        for (int i = 0; i < 3; i++) {
            double pw = parts.get(i).bytes() / sum * w;
            segs[i].resizeRelocate(x, 0, pw, h);
            x += pw;
        }
        // shmem lives in the page cache: mark it at the start of buff/cache
        double cacheX = parts.get(0).bytes() / sum * w;
        shared.resizeRelocate(cacheX, 0, Math.min(m.shmem(), m.buffCache()) / sum * w, h);
        // available: a bracket under the right end, as wide as what a new program could get
        double aw = m.available() / sum * w;
        available.resizeRelocate(w - aw, h - 5, aw, 5);
        double sw = swapBar.getWidth();
        swapUsed.resizeRelocate(0, 0, m.swapTotal() <= 0 ? 0 : m.swapUsed() / (double) m.swapTotal() * sw, 8);
    }

    private static Region segment(String id) {
        Region r = new Region();
        r.setId(id);
        r.getStyleClass().addAll("gauge-seg", id);
        r.setManaged(false);
        return r;
    }

    private static Label value(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().add("mono");
        return l;
    }

    private static Label key(String text, String... swatch) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        if (swatch.length > 0) {
            Region sw = new Region();
            sw.getStyleClass().addAll("gauge-seg", swatch[0], "swatch");
            sw.setPrefSize(10, 10);
            sw.setMinSize(10, 10);
            l.setGraphic(sw);
        }
        return l;
    }
}
