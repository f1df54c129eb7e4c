package dev.aspace.ui.timeline;

import dev.aspace.snapshot.series.FrameSummary;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A strip above the timeline's slider: RSS (blue) and region count (grey) per frame, each scaled
 * between its own minimum and maximum, with the marks A and B and the frame on screen. Inset
 * like the slider's track, so frame k sits above the slider's value k.
 */
final class Sparkline extends Region {

    static final double INSET = 8;
    private static final Color RSS = Color.web("#1565c0");
    private static final Color REGIONS = Color.web("#607d8b");
    private static final Color MARK_A = Color.web("#2e7d32");
    private static final Color MARK_B = Color.web("#e65100");

    private final Canvas canvas = new Canvas();
    private List<FrameSummary> frames = List.of();
    private int current = -1;
    private int markA = -1;
    private int markB = -1;

    Sparkline() {
        setId("timelineSparkline");
        getChildren().add(canvas);
        setMinHeight(34);
        setPrefHeight(34);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
    }

    void show(List<FrameSummary> frames, int current, int markA, int markB) {
        this.frames = List.copyOf(frames);
        this.current = current;
        this.markA = markA;
        this.markB = markB;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** The x of frame k, as the slider places value k on its track. */
    double x(int k) {
        double w = Math.max(1, getWidth() - 2 * INSET);
        return INSET + (frames.size() <= 1 ? 0 : w * k / (frames.size() - 1));
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        if (frames.isEmpty() || w <= 2 * INSET) {
            return;
        }
        line(g, FrameSummary::regions, REGIONS, h);
        line(g, FrameSummary::rss, RSS, h);
        g.setFont(Font.font(10));
        mark(g, markA, MARK_A, "A", h);
        mark(g, markB, MARK_B, "B", h);
        if (current >= 0) {
            g.setStroke(Color.web("#263238"));
            g.setLineWidth(1.5);
            g.strokeLine(x(current), 0, x(current), h);
        }
    }

    private void line(GraphicsContext g, ToLongFunction<FrameSummary> value, Color color, double h) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (FrameSummary f : frames) {
            min = Math.min(min, value.applyAsLong(f));
            max = Math.max(max, value.applyAsLong(f));
        }
        double top = 3;
        double span = h - 6;
        g.setStroke(color);
        g.setLineWidth(1.2);
        g.beginPath();
        for (int k = 0; k < frames.size(); k++) {
            double v = max == min ? 0.5 : (value.applyAsLong(frames.get(k)) - min) / (double) (max - min);
            double y = top + span * (1 - v);
            if (k == 0) {
                g.moveTo(x(k), y);
            } else {
                g.lineTo(x(k), y);
            }
        }
        if (frames.size() == 1) {
            g.lineTo(x(0) + 1, top + span / 2);
        }
        g.stroke();
    }

    private void mark(GraphicsContext g, int k, Color color, String name, double h) {
        if (k < 0 || k >= frames.size()) {
            return;
        }
        g.setStroke(color);
        g.setLineWidth(2);
        g.strokeLine(x(k), 0, x(k), h);
        g.setFill(color);
        g.fillText(name, x(k) + 3, 10);
    }
}
