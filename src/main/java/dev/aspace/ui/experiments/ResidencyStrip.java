package dev.aspace.ui.experiments;

import dev.aspace.backend.linux.PagemapReader;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * Which pages of the selected region are present (green) or swapped (orange), drawn along the
 * region and refreshed live from /proc/PID/pagemap, so a slow walk fills it page by page. Large
 * regions are aggregated per pixel: a pixel's colour strength is the share of its pages present.
 */
public final class ResidencyStrip extends Region {

    private static final Color EMPTY = Color.rgb(230, 230, 230);
    private static final Color PRESENT = Color.rgb(40, 160, 70);
    private static final Color SWAPPED = Color.rgb(230, 140, 20);

    private final Canvas canvas = new Canvas();
    private final PagemapReader reader;
    private final ReadOnlyObjectWrapper<PagemapReader.Residency> residency = new ReadOnlyObjectWrapper<>(this, "residency");
    private final Refresher refresher = new Refresher();
    private volatile int pid;
    private volatile long start;
    private volatile long end;

    public ResidencyStrip(PagemapReader reader) {
        this.reader = reader;
        getStyleClass().add("residency-strip");
        setMinHeight(18);
        setPrefHeight(24);
        getChildren().add(canvas);
        refresher.setPeriod(Duration.millis(500));
        refresher.setOnSucceeded(e -> {
            residency.set(refresher.getValue());
            draw();
        });
        refresher.setOnFailed(e -> residency.set(null));  // the process or region is gone: show nothing
    }

    /** Shows the pages of [start, end) of process {@code pid} and keeps them live. */
    public void show(int pid, long start, long end) {
        this.pid = pid;
        this.start = start;
        this.end = end;
        refresher.restart();
    }

    /** Stops refreshing and shows nothing. */
    public void clear() {
        refresher.cancel();
        residency.set(null);
        draw();
    }

    /** The last residency read, or null. */
    public ReadOnlyObjectProperty<PagemapReader.Residency> residencyProperty() {
        return residency.getReadOnlyProperty();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(EMPTY);
        g.fillRect(0, 0, w, h);
        PagemapReader.Residency r = residency.get();
        if (r == null || w < 1) {
            return;
        }
        PagemapReader.Bin[] bins = r.bins((int) w);
        double bw = w / bins.length;
        for (int i = 0; i < bins.length; i++) {
            PagemapReader.Bin b = bins[i];
            if (b.present() > 0) {
                g.setFill(EMPTY.interpolate(PRESENT, 0.25 + 0.75 * b.present() / (double) b.pages()));
                g.fillRect(i * bw, 0, Math.ceil(bw), h);
            } else if (b.swapped() > 0) {
                g.setFill(EMPTY.interpolate(SWAPPED, 0.25 + 0.75 * b.swapped() / (double) b.pages()));
                g.fillRect(i * bw, 0, Math.ceil(bw), h);
            }
        }
    }

    /** Reads pagemap off the FX thread every half second. */
    private final class Refresher extends ScheduledService<PagemapReader.Residency> {
        @Override
        protected Task<PagemapReader.Residency> createTask() {
            int p = pid;
            long s = start;
            long e = end;
            return new Task<>() {
                @Override
                protected PagemapReader.Residency call() {
                    return reader.read(p, s, e);
                }
            };
        }
    }
}
