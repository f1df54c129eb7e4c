package dev.aspace.ui.frames;

import dev.aspace.frames.PagemapEntry;
import dev.aspace.frames.RegionFrames;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.HashSet;
import java.util.Set;

/**
 * Two processes' pages and the physical frames under them: the selected region's pages on top,
 * the machine's frame space (scaled to the width) in the middle with each region's frames marked,
 * the other process's region below, and a line from each page to its frame. Where both regions
 * use a frame the lines meet at one mark and are drawn purple: the page is shared.
 */
public final class PhysicalCanvas extends Region {

    private static final Color A = Color.rgb(40, 110, 200);
    private static final Color B = Color.rgb(220, 120, 20);
    private static final Color BOTH = Color.rgb(120, 70, 200);
    private static final int MAX_LINES = 400;

    private final Canvas canvas = new Canvas();
    private FramePair pair;

    public PhysicalCanvas() {
        getChildren().add(canvas);
        setMinHeight(240);
        setPrefHeight(320);
    }

    public void show(FramePair p) {
        pair = p;
        draw();
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
        g.clearRect(0, 0, w, h);
        if (pair == null || w < 100 || h < 100) {
            return;
        }
        double left = 90;
        double bw = w - left - 10;
        double band = 22;
        double yA = 8;
        double yP = h / 2 - band / 2;
        double yB = h - band - 8;
        g.setFont(Font.font(11));
        g.setFill(Color.gray(0.25));
        g.fillText("pid " + pair.pidA(), 4, yA + 15);
        g.fillText("RAM frames", 4, yP + 15);
        FramesPaint.pages(g, pair.a(), left, yA, bw, band);
        if (pair.b() != null) {
            g.setFill(Color.gray(0.25));
            g.fillText("pid " + pair.pidB(), 4, yB + 15);
            FramesPaint.pages(g, pair.b(), left, yB, bw, band);
        }
        g.setFill(Color.gray(0.93));
        g.fillRect(left, yP, bw, band);
        if (!pair.a().privileged() || pair.frameLimit() <= 0) {
            g.setFill(Color.gray(0.35));
            g.fillText("frame numbers need CAP_SYS_ADMIN (root)", left + 8, yP + 15);
            return;
        }
        Set<Long> framesB = new HashSet<>();
        if (pair.b() != null) {
            for (int i = 0; i < pair.b().size(); i++) {
                if (PagemapEntry.isPresent(pair.b().entry(i))) {
                    framesB.add(pair.b().pfn(i));
                }
            }
        }
        Set<Long> framesA = links(g, pair.a(), framesB, left, bw, yA + band, yP, A);
        if (pair.b() != null) {
            links(g, pair.b(), framesA, left, bw, yB, yP + band, B);
        }
    }

    /** Marks each present page's frame and joins a sample of pages to their frames; returns the frames. */
    private Set<Long> links(GraphicsContext g, RegionFrames f, Set<Long> other, double left, double bw,
                            double yPages, double yFrames, Color own) {
        Set<Long> frames = new HashSet<>();
        double limit = pair.frameLimit();
        int step = Math.max(1, f.size() / MAX_LINES);
        g.setLineWidth(1);
        for (int i = 0; i < f.size(); i++) {
            if (!PagemapEntry.isPresent(f.entry(i))) {
                continue;
            }
            long pfn = f.pfn(i);
            frames.add(pfn);
            boolean both = other.contains(pfn);
            double fx = left + Math.min(1, pfn / limit) * bw;
            Color c = both ? BOTH : own;
            g.setFill(c);
            double markTop = yFrames < yPages ? yFrames - 22 : yFrames;
            g.fillRect(fx, yFrames < yPages ? markTop + 11 : markTop, 1.5, 11);
            if (i % step == 0) {
                long page = Long.divideUnsigned(f.address(i) - f.start(), f.pageSize());
                double px = FramesPaint.pageX(f, page, left, bw);
                g.setStroke(c.deriveColor(0, 1, 1, both ? 0.55 : 0.3));
                g.strokeLine(px, yPages, fx, yFrames);
            }
        }
        return frames;
    }
}
