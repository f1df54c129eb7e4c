package dev.aspace.ui.experiments;

import dev.aspace.backend.FrameBackend;
import dev.aspace.frames.RegionFrames;
import dev.aspace.frames.Residency;
import dev.aspace.ui.frames.FramesPaint;
import dev.aspace.ui.frames.SharingColors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * Which pages of the selected region are present (green) or swapped (orange), drawn along the
 * region and refreshed live from /proc/PID/pagemap, so a slow walk fills it page by page. Large
 * regions are aggregated per pixel: a pixel's colour strength is the share of its pages present.
 * In frames mode each page is coloured by how its physical frame is shared (exclusive, shared
 * with N, zero page, KSM, THP, swapped; a pixel of many pages takes its most common kind) and a
 * hover names the page's frame number, map count and flags.
 */
public final class ResidencyStrip extends Region {

    private static final Color EMPTY = Color.rgb(230, 230, 230);
    private static final Color PRESENT = Color.rgb(40, 160, 70);
    private static final Color SWAPPED = Color.rgb(230, 140, 20);

    private final Canvas canvas = new Canvas();
    private final FrameBackend backend;
    private final ReadOnlyObjectWrapper<Residency> residency = new ReadOnlyObjectWrapper<>(this, "residency");
    private final BooleanProperty framesMode = new SimpleBooleanProperty(this, "framesMode", false);
    private final ReadOnlyObjectWrapper<RegionFrames> frames = new ReadOnlyObjectWrapper<>(this, "frames");
    private final Tooltip tip = new Tooltip();
    private final Refresher refresher = new Refresher();
    /** What to show: replaced whole, so a read never mixes one region's pid with another's range. */
    private volatile Target target;

    /** The region being shown; {@code generation} tells a late read of an older target apart. */
    private record Target(int pid, long start, long end, long generation) {
    }

    private record Read(long generation, Residency residency, RegionFrames frames) {
    }

    private long generation;

    /** A strip reading pages and, in frames mode, their frames from {@code backend}. */
    public ResidencyStrip(FrameBackend backend) {
        this.backend = backend;
        framesMode.addListener((o, a, b) -> {
            Target t = target;
            if (t != null) {
                show(t.pid(), t.start(), t.end());
            }
        });
        setOnMouseMoved(e -> hover(e.getX()));
        setOnMouseExited(e -> tip.hide());
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
                frames.set(read.frames());
                draw();
            }
        });
        refresher.setOnFailed(e -> {  // the process or region is gone: show nothing
            residency.set(null);
            frames.set(null);
        });
    }

    /**
     * Shows the pages of [start, end) of process {@code pid} and keeps them live. The service is
     * started once and only its target changes: restarting a ScheduledService from inside the
     * selection events trips an internal JavaFX assertion (seen under -ea).
     */
    public void show(int pid, long start, long end) {
        target = new Target(pid, start, end, ++generation);
        residency.set(null);
        frames.set(null);
        draw();
        if (refresher.getState() == Worker.State.READY) {
            refresher.start();
        }
    }

    /** Shows nothing (the service idles until the next {@link #show}). */
    public void clear() {
        target = null;
        residency.set(null);
        frames.set(null);
        draw();
    }

    /** The last residency read, or null. */
    public ReadOnlyObjectProperty<Residency> residencyProperty() {
        return residency.getReadOnlyProperty();
    }

    /** Whether pages are coloured by frame sharing rather than by residency. */
    public BooleanProperty framesModeProperty() {
        return framesMode;
    }

    /** The last frames read in frames mode, or null. */
    public ReadOnlyObjectProperty<RegionFrames> framesProperty() {
        return frames.getReadOnlyProperty();
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
        RegionFrames f = frames.get();
        if (f != null && w >= 1) {
            FramesPaint.pages(g, f, 0, 0, w, h);
            return;
        }
        Residency r = residency.get();
        if (r == null || w < 1) {
            return;
        }
        Residency.Bin[] bins = r.bins((int) w);
        double bw = w / bins.length;
        for (int i = 0; i < bins.length; i++) {
            Residency.Bin b = bins[i];
            if (b.present() > 0) {
                g.setFill(EMPTY.interpolate(PRESENT, 0.25 + 0.75 * b.present() / (double) b.pages()));
                g.fillRect(i * bw, 0, Math.ceil(bw), h);
            } else if (b.swapped() > 0) {
                g.setFill(EMPTY.interpolate(SWAPPED, 0.25 + 0.75 * b.swapped() / (double) b.pages()));
                g.fillRect(i * bw, 0, Math.ceil(bw), h);
            }
        }
    }

    /** The tooltip of the page under the pointer: frame number, map count and flags. */
    private void hover(double x) {
        RegionFrames f = frames.get();
        double w = getWidth();
        if (f == null || w < 1) {
            tip.hide();
            return;
        }
        long pages = Long.divideUnsigned(f.end() - f.start(), f.pageSize());
        long page = Math.min(pages - 1, (long) (x / w * pages));
        int i = f.indexOf(f.start() + page * f.pageSize());
        tip.setText(i < 0 ? "page 0x" + Long.toHexString(f.start() + page * f.pageSize()) + ": not in RAM"
                : SharingColors.describe(f, i));
        if (!tip.isShowing() && getScene() != null) {
            Point2D p = localToScreen(x, getHeight());
            if (p != null) {
                tip.show(this, p.getX() + 8, p.getY() + 4);
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
                    if (t == null) {
                        return null;
                    }
                    if (framesMode.get()) {
                        return new Read(t.generation(), null, backend.frames(t.pid(), t.start(), t.end()));
                    }
                    return new Read(t.generation(), backend.residency(t.pid(), t.start(), t.end()), null);
                }
            };
        }
    }
}
