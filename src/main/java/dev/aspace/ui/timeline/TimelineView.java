package dev.aspace.ui.timeline;

import dev.aspace.model.ByteSize;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.FrameSummary;
import dev.aspace.snapshot.series.SeriesHeader;
import dev.aspace.snapshot.series.SeriesReader;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.function.Consumer;

/**
 * The timeline of a recorded series, below the toolbar: a slider with a tick per frame (a tick
 * every few frames when there are many) labelled with its time, a sparkline of RSS and region
 * count per frame, what the frame on screen is, and Mark A / Mark B / Diff A→B, which opens the
 * compare view on the two marked frames. Hidden while no series is open.
 */
public final class TimelineView extends VBox {

    /** At most this many labelled ticks, so the labels never overlap on a normal window. */
    private static final int MAX_LABELS = 12;

    private final TimelineModel model;
    private final Slider slider = new Slider(0, 0, 0);
    private final Sparkline sparkline = new Sparkline();
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label marks = new Label();
    private final Label warning = new Label();
    private final Button diff = new Button("Diff A→B");
    private final Label rssLegend = new Label();
    private final Label regionsLegend = new Label();

    public TimelineView(TimelineModel model, Consumer<List<Snapshot>> compare) {
        this.model = model;
        setId("timeline");
        getStyleClass().add("timeline");
        setPadding(new Insets(4, 8, 4, 8));
        setSpacing(2);
        managedProperty().bind(visibleProperty());
        setVisible(false);

        title.setId("timelineTitle");
        title.setStyle("-fx-font-weight: bold;");
        status.setId("timelineStatus");
        marks.setId("timelineMarks");
        warning.setId("timelineWarning");
        warning.setStyle("-fx-text-fill: #b26a00;");
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setVisible(false);

        Button markA = new Button("Mark A");
        markA.setId("markA");
        markA.setTooltip(new Tooltip("The frame on screen becomes A, the earlier side of the diff"));
        markA.setOnAction(e -> model.markA());
        Button markB = new Button("Mark B");
        markB.setId("markB");
        markB.setTooltip(new Tooltip("The frame on screen becomes B"));
        markB.setOnAction(e -> model.markB());
        diff.setId("diffAB");
        diff.setTooltip(new Tooltip("Compare frames A and B: parallel ribbons and the table of differences"));
        diff.setOnAction(e -> model.diff(compare));
        diff.setDisable(true);
        Button close = new Button("×");
        close.setId("closeTimeline");
        close.setTooltip(new Tooltip("Close the timeline (the frame on screen stays)"));
        close.setOnAction(e -> model.close());

        slider.setId("timelineSlider");
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setBlockIncrement(1);
        slider.setMinorTickCount(0);
        slider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                int k = (int) Math.round(v);
                return k < 0 || k >= model.frames().size() ? "" : model.time(model.frames().get(k).takenAt()).substring(0, 8);
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        // frames are whole numbers: the slider moves freely, the model gets the nearest frame
        slider.valueProperty().addListener((o, a, v) -> model.select((int) Math.round(v.doubleValue())));
        slider.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                slider.setValue(Math.round(slider.getValue()));
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the buttons keep their words; the title gives way first, and what the frame on screen
        // is gets a line of its own, so a laptop's width shows it whole
        for (Button b : new Button[] {markA, markB, diff, close}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        title.setMinWidth(0);
        HBox top = new HBox(8, title, spacer, markA, markB, diff, close);
        top.setAlignment(Pos.CENTER_LEFT);
        marks.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox frame = new HBox(16, status, marks);
        frame.setAlignment(Pos.CENTER_LEFT);
        VBox strip = new VBox(0, sparkline, slider);
        // half a tick label of room left of the first frame, whose time label is centred on it
        strip.setPadding(new Insets(0, 0, 0, 28));
        HBox.setHgrow(strip, Priority.ALWAYS);
        rssLegend.setId("timelineRss");
        rssLegend.setStyle("-fx-text-fill: #1565c0;");
        regionsLegend.setId("timelineRegions");
        regionsLegend.setStyle("-fx-text-fill: #607d8b;");
        VBox legend = new VBox(2, rssLegend, regionsLegend);
        legend.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(top, frame, new HBox(8, strip, legend), warning);

        model.seriesProperty().addListener((o, a, series) -> opened(series));
        model.shownProperty().addListener((o, a, k) -> shown(k.intValue()));
        model.markAProperty().addListener((o, a, b) -> marksChanged());
        model.markBProperty().addListener((o, a, b) -> marksChanged());
        if (model.seriesProperty().get() != null) {
            opened(model.seriesProperty().get()); // made for a series already open
        }
    }

    public TimelineModel model() {
        return model;
    }

    private void opened(SeriesReader series) {
        setVisible(series != null);
        if (series == null) {
            return;
        }
        int n = series.size();
        SeriesHeader h = series.header();
        title.setText(series.file().getFileName() + " · " + h.comm() + " (pid " + h.pid() + ") · " + n
                + (n == 1 ? " frame" : " frames") + " every " + model.durationText(h.every()));
        slider.setMax(Math.max(0, n - 1));
        slider.setMajorTickUnit(Math.max(1, Math.ceil((n - 1) / (double) MAX_LABELS)));
        slider.setMinorTickCount(ticksBetweenLabels(n));
        slider.setValue(0);
        slider.setDisable(n < 2);
        LongSummaryStatistics rss = model.frames().stream().mapToLong(FrameSummary::rss).summaryStatistics();
        IntSummaryStatistics regions = model.frames().stream().mapToInt(FrameSummary::regions).summaryStatistics();
        rssLegend.setText("— RSS " + range(ByteSize.format(rss.getMin()), ByteSize.format(rss.getMax())));
        regionsLegend.setText("— regions " + range(Integer.toString(regions.getMin()), Integer.toString(regions.getMax())));
        warning.setText(series.truncation().isEmpty() ? "" : "⚠ " + series.truncation());
        warning.setVisible(!series.truncation().isEmpty());
        sparkline.frames(model.frames());
        marksChanged();
        shown(model.shownProperty().get());
    }

    private static String range(String min, String max) {
        return min.equals(max) ? min : min + " to " + max;
    }

    /** A tick for every frame while there is room for one (up to a few hundred frames). */
    private static int ticksBetweenLabels(int n) {
        int unit = (int) Math.max(1, Math.ceil((n - 1) / (double) MAX_LABELS));
        return n <= 400 ? unit - 1 : 0;
    }

    private void shown(int k) {
        status.setText(model.describe(k));
        if (k >= 0 && Math.round(slider.getValue()) != k && !slider.isValueChanging()) {
            slider.setValue(k);
        }
        redrawSparkline();
    }

    private void marksChanged() {
        int a = model.markAProperty().get();
        int b = model.markBProperty().get();
        // frames counted from 1, as the status line counts them
        marks.setText("A " + (a < 0 ? "–" : Integer.toString(a + 1)) + " · B " + (b < 0 ? "–" : Integer.toString(b + 1)));
        diff.setDisable(!model.canDiff());
        redrawSparkline();
    }

    private void redrawSparkline() {
        sparkline.marks(model.shownProperty().get(), model.markAProperty().get(), model.markBProperty().get());
    }

    /** The slider, for tests and keyboard focus. */
    public Slider slider() {
        return slider;
    }
}
