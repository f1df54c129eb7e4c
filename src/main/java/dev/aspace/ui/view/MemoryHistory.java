package dev.aspace.ui.view;

import dev.aspace.model.SystemMemory;
import dev.aspace.ui.grid.GridPalette;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The gauge's history, like {@code watch -n 1 free}: used, buff/cache and available in GiB over
 * the last samples, newest on the right, on a scale from 0 to the machine's total. Painted on a
 * canvas: a LineChart's axes, legend and series were 120 nodes styled at every start
 * (docs/PERFORMANCE.md, start to first frame).
 */
final class MemoryHistory extends Region {

    private static final double GIB = 1L << 30;
    private static final double LEFT = 34;
    private static final double TOP = 14;
    private static final double LEGEND = 18;

    /** A line: its name, its figure, and its colour in the light and the dark theme (AtlantaFX Primer). */
    private record Line(String name, ToLongFunction<SystemMemory> figure, Color light, Color dark) {
    }

    private static final List<Line> LINES = List.of(
            new Line("used", SystemMemory::used, Color.web("#cf222e"), Color.web("#da3633")),
            new Line("buff/cache", SystemMemory::buffCache, Color.web("#9a6700"), Color.web("#9e6a03")),
            new Line("available", SystemMemory::available, Color.web("#1f883d"), Color.web("#238636")));

    private final Canvas canvas = new Canvas();
    private final ObservableList<SystemMemory> history;
    private final int slots;
    private final ObservableBooleanValue dark;

    MemoryHistory(ObservableList<SystemMemory> history, int slots, ObservableBooleanValue dark) {
        this.history = history;
        this.slots = slots;
        this.dark = dark;
        setId("gauge-history");
        getChildren().add(canvas);
        setPrefHeight(150);
        setMinHeight(110);
        // repainted in this node's own layout: a sample a second need not lay out the side column
        history.addListener((ListChangeListener<SystemMemory>) c -> setNeedsLayout(true));
        dark.addListener(o -> setNeedsLayout(true));
    }

    /** The top of the scale in GiB: the machine's total, rounded up to a whole step. */
    double upperBoundGiB() {
        if (history.isEmpty()) {
            return 1;
        }
        double top = history.get(history.size() - 1).memTotal() / GIB;
        double step = GaugeView.niceStep(top / 4);
        return Math.max(step, Math.ceil(top / step) * step);
    }

    /** The canvas y of a figure in GiB. */
    double yOf(double gib) {
        double plot = Math.max(1, getHeight() - TOP - LEGEND);
        return TOP + plot * (1 - gib / upperBoundGiB());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        paint();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean isDark = dark.get();
        GridPalette palette = GridPalette.current(isDark); // as the region table's
        Color text = palette.muted();
        Color grid = palette.lines();
        g.clearRect(0, 0, w, h);
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        double top = upperBoundGiB();
        double step = GaugeView.niceStep(top / 4);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v = 0; v <= top + 1e-9; v += step) {
            double y = Math.round(yOf(v)) + 0.5;
            g.setStroke(grid);
            g.strokeLine(LEFT, y, w - 4, y);
            g.setFill(text);
            g.fillText(String.format("%.0f", v), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(text);
        g.fillText("GiB", 2, 6);

        double dx = (w - 4 - LEFT) / Math.max(1, slots - 1);
        int n = history.size();
        g.setLineWidth(1.5);
        double legendX = LEFT;
        for (Line line : LINES) {
            Color c = isDark ? line.dark() : line.light();
            g.setStroke(c);
            g.beginPath();
            for (int i = 0; i < n; i++) {
                double x = w - 4 - (n - 1 - i) * dx;
                double y = yOf(line.figure().applyAsLong(history.get(i)) / GIB);
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            double ly = h - LEGEND / 2;
            g.setFill(c);
            g.fillRect(legendX, ly - 4, 8, 8);
            g.setFill(text);
            g.fillText(line.name(), legendX + 12, ly);
            legendX += 24 + 7 * line.name().length();
        }
    }
}
