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
    /** What to show: replaced whole, so a read never mixes one region's pid with another's range. */
    private volatile Target target;

    /** The region being shown; {@code generation} tells a late read of an older target apart. */
    private record Target(int pid, long start, long end, long generation) {
    }

    private record Read(long generation, PagemapReader.Residency residency) {
    }

    private long generation;

    public ResidencyStrip(PagemapReader reader) {
        this.reader = reader;
        getStyleClass().add("residency-strip");
        setMinHeight(18);
        setPrefHeight(24);
        getChildren().add(canvas);
        refresher.setPeriod(Duration.millis(500));
        refresher.setOnSucceeded(e -> {
            Read read = refresher.getValue();
            Target t = target;
            if (read != null && t != null && read.generation() == t.generation()) {
                residency.set(read.residency());
                draw();
            }
        });
        refresher.setOnFailed(e -> residency.set(null));  // the process or region is gone: show nothing
    }

    /**
     * Shows the pages of [start, end) of process {@code pid} and keeps them live. The service is
     * started once and only its target changes: restarting a ScheduledService from inside the
     * selection events trips an internal JavaFX assertion (seen under -ea).
     */
    public void show(int pid, long start, long end) {
        target = new Target(pid, start, end, ++generation);
        residency.set(null);
        draw();
        if (refresher.getState() == javafx.concurrent.Worker.State.READY) {
            refresher.start();
        }
    }

    /** Shows nothing (the service idles until the next {@link #show}). */
    public void clear() {
        target = null;
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
    private final class Refresher extends ScheduledService<Read> {
        @Override
        protected Task<Read> createTask() {
            Target t = target;
            return new Task<>() {
                @Override
                protected Read call() {
                    return t == null ? null : new Read(t.generation(), reader.read(t.pid(), t.start(), t.end()));
                }
            };
        }
    }
}
