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

    /** The two lines, drawn when the frames or the size change; the marks on a canvas above, drawn on every step. */
    private final Canvas lines = new Canvas();
    private final Canvas overlay = new Canvas();
    private List<FrameSummary> frames = List.of();
    private int current = -1;
    private int markA = -1;
    private int markB = -1;

    Sparkline() {
        setId("timelineSparkline");
        getChildren().addAll(lines, overlay);
        setMinHeight(34);
        setPrefHeight(34);
    }

    /** The frames the lines show (a series opened, or its index grew). */
    void frames(List<FrameSummary> all) {
        frames = List.copyOf(all);
        drawLines();
        drawMarks();
    }

    /** The frame on screen and the marks: a step redraws these alone, not the lines of every frame. */
    void marks(int shown, int a, int b) {
        current = shown;
        markA = a;
        markB = b;
        drawMarks();
    }

    @Override
    protected void layoutChildren() {
        if (lines.getWidth() != getWidth() || lines.getHeight() != getHeight()) {
            for (Canvas c : new Canvas[] {lines, overlay}) {
                c.setWidth(getWidth());
                c.setHeight(getHeight());
            }
            drawLines();
            drawMarks();
        }
    }

    /** The x of frame k, as the slider places value k on its track. */
    double x(int k) {
        return INSET + (frames.size() <= 1 ? 0 : trackWidth() * k / (frames.size() - 1));
    }

    private double trackWidth() {
        return Math.max(1, getWidth() - 2 * INSET);
    }

    /** The canvas cleared, or null when there is nothing to draw on it. */
    private GraphicsContext cleared(Canvas c) {
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        return frames.isEmpty() || getWidth() <= 2 * INSET ? null : g;
    }

    private void drawLines() {
        GraphicsContext g = cleared(lines);
        if (g != null) {
            line(g, FrameSummary::regions, REGIONS, getHeight());
            line(g, FrameSummary::rss, RSS, getHeight());
        }
    }

    private void drawMarks() {
        GraphicsContext g = cleared(overlay);
        if (g == null) {
            return;
        }
        double h = getHeight();
        g.setFont(Font.font(10));
        mark(g, markA, MARK_A, "A", h);
        mark(g, markB, MARK_B, "B", h);
        if (current >= 0 && current < frames.size()) {
            g.setStroke(Color.web("#263238"));
            g.setLineWidth(1.5);
            g.strokeLine(x(current), 0, x(current), h);
        }
    }

    private void line(GraphicsContext g, ToLongFunction<FrameSummary> value, Color color, double h) {
        long[] values = new long[frames.size()];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int k = 0; k < values.length; k++) {
            values[k] = value.applyAsLong(frames.get(k));
            min = Math.min(min, values[k]);
            max = Math.max(max, values[k]);
        }
        SparkPoints p = SparkPoints.of(values, trackWidth());
        double top = 3;
        double span = h - 6;
        g.setStroke(color);
        g.setLineWidth(1.2);
        g.beginPath();
        for (int i = 0; i < p.size(); i++) {
            double v = max == min ? 0.5 : (p.y()[i] - min) / (double) (max - min);
            double y = top + span * (1 - v);
            if (i == 0) {
                g.moveTo(INSET + p.x()[i], y);
            } else {
                g.lineTo(INSET + p.x()[i], y);
            }
        }
        if (frames.size() == 1) {
            g.lineTo(INSET + 1, top + span / 2);
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
