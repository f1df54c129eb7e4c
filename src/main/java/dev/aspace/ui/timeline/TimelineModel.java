package dev.aspace.ui.timeline;

import dev.aspace.model.ByteSize;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.FrameSummary;
import dev.aspace.snapshot.series.SeriesReader;
import dev.aspace.ui.Background;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A recorded series on a timeline: its frames' summaries, the frame asked for and the frame
 * shown, and two marks A and B to diff. Frames are read through the {@link Background} seam
 * (never on the FX thread), one at a time; while one is being read, scrubbing further only
 * remembers the latest frame asked for. The last few frames read are kept, so going back and
 * forth between two marks costs nothing; while nothing else is asked for, the next frame in the
 * direction of the last step is read ahead, so scrubbing step by step finds it read. Called on
 * the FX thread.
 */
public final class TimelineModel {

    private static final int CACHED_FRAMES = 4;
    /**
     * However few frames that is: two frames of a 60,000-region process (the one shown and the one
     * read ahead). Frames jumped to are decoded apart and share no regions, and each frame held
     * is copied by every collection while it lives: four of them doubled the collections' time
     * when jumping about such a series.
     */
    private static final int CACHED_REGIONS = 150_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Background background;
    private final long cachedRegions;
    private final Consumer<Snapshot> show;
    private final Consumer<Throwable> failed;

    private final ReadOnlyObjectWrapper<SeriesReader> series = new ReadOnlyObjectWrapper<>(this, "series");
    private final ObservableList<FrameSummary> frames = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown", -1);
    private final IntegerProperty markA = new SimpleIntegerProperty(this, "markA", -1);
    private final IntegerProperty markB = new SimpleIntegerProperty(this, "markB", -1);
    private final Map<Integer, Snapshot> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Snapshot> eldest) {
            if (size() > CACHED_FRAMES) {
                return true;
            }
            long regions = 0;
            for (Snapshot s : values()) {
                regions += s.regions().size();
            }
            return size() > 1 && regions > cachedRegions;
        }
    };

    private int generation;
    /** Frame 0 of the series being opened, on screen while its frames are indexed; else null. */
    private Snapshot early;
    private int wanted = -1;
    private boolean reading;
    /** +1 or -1: the way the last step went, where the frame read ahead lies. */
    private int direction = 1;

    /**
     * @param show   shows a frame (the session's {@code show})
     * @param failed reports a failure (the banner)
     */
    public TimelineModel(Background background, Consumer<Snapshot> show, Consumer<Throwable> failed) {
        this(background, show, failed, CACHED_REGIONS);
    }

    /** @param cachedRegions how many regions the frames kept may hold, however few frames that is */
    TimelineModel(Background background, Consumer<Snapshot> show, Consumer<Throwable> failed, long cachedRegions) {
        this.cachedRegions = cachedRegions;
        this.background = Objects.requireNonNull(background);
        this.show = Objects.requireNonNull(show);
        this.failed = Objects.requireNonNull(failed);
    }

    /** The open series, or null when none is (the timeline is hidden). */
    public ReadOnlyObjectProperty<SeriesReader> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ObservableList<FrameSummary> frames() {
        return FXCollections.unmodifiableObservableList(frames);
    }

    /** The frame on screen, -1 before the first is read. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public IntegerProperty markAProperty() {
        return markA;
    }

    public IntegerProperty markBProperty() {
        return markB;
    }

    /**
     * Opens a series: shows frame 0 as soon as it is read, then indexes the frames (their
     * summaries come from their heads) and puts them on the timeline. {@code then} runs once the
     * series is on the timeline (the window shows the cut-off warning, which the show would
     * otherwise clear).
     */
    public void open(Path file, Runnable then) {
        int gen = ++generation;
        early = null;
        // on a large series not in the page cache, finding every frame's head takes seconds and
        // frame 0 alone a fraction of that: it is on screen while the rest is indexed
        background.submit(() -> SeriesReader.firstFrame(file), first -> {
            if (gen == generation && first != null && series.get() == null) {
                early = first;
                show.accept(first);
            }
        }, t -> { }); // the index below says what is wrong with the file
        background.submit(() -> {
            SeriesReader r = SeriesReader.open(file);
            return new Indexed(r, r.summaries());
        }, o -> {
            if (gen != generation) {
                return;
            }
            if (early != null) {
                put(o, early, false, then);
            } else {
                background.submit(() -> o.reader.frame(0), first -> {
                    if (gen == generation) {
                        put(o, first, true, then);
                    }
                }, failed);
            }
        }, failed);
    }

    /** Puts an indexed series on the timeline at frame 0 ({@code show}: unless it is on screen already). */
    private void put(Indexed o, Snapshot first, boolean show, Runnable then) {
        cache.clear();
        frames.setAll(o.summaries);
        markA.set(-1);
        markB.set(-1);
        cache.put(0, first);
        wanted = 0;
        direction = 1;
        reading = false;
        early = null;
        series.set(null);
        if (show) {
            install(0, first);
        } else {
            shown.set(0);
        }
        series.set(o.reader); // last: a listener may already select another frame
        readAhead();
        then.run();
    }

    private record Indexed(SeriesReader reader, List<FrameSummary> summaries) {
    }

    /** Hides the timeline (another view was opened). */
    public void close() {
        ++generation;
        early = null;
        series.set(null);
        frames.clear();
        cache.clear();
        shown.set(-1);
        markA.set(-1);
        markB.set(-1);
        wanted = -1;
        reading = false;
    }

    /** Shows frame {@code k}: at once if it was read lately, else after reading it. */
    public void select(int k) {
        if (series.get() == null || k < 0 || k >= frames.size()) {
            return;
        }
        if (k != wanted && wanted >= 0) {
            direction = k < wanted ? -1 : 1;
        }
        wanted = k;
        Snapshot cached = cache.get(k);
        if (cached != null) {
            install(k, cached);
            return;
        }
        if (!reading) {
            read(k);
        }
    }

    private void read(int k) {
        int gen = generation;
        SeriesReader r = series.get();
        reading = true;
        background.submit(() -> r.frame(k), s -> {
            if (gen != generation) {
                return;
            }
            reading = false;
            cache.put(k, s);
            if (wanted == k) {
                install(k, s);
            } else if (wanted != shown.get()) {
                select(wanted); // scrubbed on while this frame was read: only the latest counts
            } else {
                readAhead(); // a frame read ahead, and the one asked for is on screen
            }
        }, t -> {
            if (gen == generation) {
                reading = false;
                failed.accept(t);
            }
        });
    }

    private void install(int k, Snapshot s) {
        shown.set(k);
        show.accept(s);
        readAhead();
    }

    /** Reads the next frame in the direction of the last step while nothing else is asked for. */
    private void readAhead() {
        int next = shown.get() + direction;
        if (series.get() != null && !reading && wanted == shown.get() && next >= 0 && next < frames.size() && !cache.containsKey(next)) {
            read(next);
        }
    }

    /** Marks the frame on screen as A (the earlier side of a diff). */
    public void markA() {
        markA.set(shown.get());
    }

    /** Marks the frame on screen as B. */
    public void markB() {
        markB.set(shown.get());
    }

    /** True when A and B are two different frames. */
    public boolean canDiff() {
        return markA.get() >= 0 && markB.get() >= 0 && markA.get() != markB.get();
    }

    /** Reads frames A and B (in the background) and hands them, A first, to {@code compare}. */
    public void diff(Consumer<List<Snapshot>> compare) {
        if (!canDiff()) {
            return;
        }
        int a = markA.get();
        int b = markB.get();
        int gen = generation;
        SeriesReader r = series.get();
        Snapshot ca = cache.get(a);
        Snapshot cb = cache.get(b);
        background.submit(() -> List.of(ca != null ? ca : r.frame(a), cb != null ? cb : r.frame(b)), pair -> {
            if (gen == generation) {
                compare.accept(pair);
            }
        }, failed);
    }

    /**
     * "frame 3 of 10 · 07:40:05.512 · +3.0 s · 42 regions · RSS 12 MiB" for frame {@code k}: on
     * screen frames count from 1, as people count them (index 2 is frame 3).
     */
    public String describe(int k) {
        if (k < 0 || k >= frames.size()) {
            return "";
        }
        FrameSummary f = frames.get(k);
        return "frame " + (k + 1) + " of " + frames.size() + " · " + time(f.takenAt()) + " · +" + offset(k) + " · "
                + f.regions() + " regions · RSS " + ByteSize.format(f.rss());
    }

    /** The time of frame {@code k} on the clock ("07:40:05.512"). */
    public String time(Instant t) {
        return TIME.format(t);
    }

    /** How long after frame 0 frame {@code k} was taken ("3.0 s", "2 min 5 s"). */
    public String offset(int k) {
        return durationText(Duration.between(frames.get(0).takenAt(), frames.get(k).takenAt()));
    }

    /** "0.5 s", "3.0 s", "2 min 5 s", "1 h 4 min". */
    public String durationText(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
