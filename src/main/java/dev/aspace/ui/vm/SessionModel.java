package dev.aspace.ui.vm;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.layout.RegionSet;
import dev.aspace.model.AspaceException;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.ui.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

/**
 * What the window shows: one snapshot (live or from a file), the selected region, the changes of
 * the last refreshes, whether the process has exited, and the error to show in the banner.
 *
 * <p>All methods are called on the FX thread; reads go through the {@link Background} seam.
 */
public final class SessionModel {

    private final MemoryBackend backend;
    private final Background background;
    private final ChangeProbe probe;
    private final LongSupplier clock;

    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ObjectProperty<Region> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Highlights> highlights =
            new ReadOnlyObjectWrapper<>(this, "highlights", Highlights.NONE);
    private final ReadOnlyBooleanWrapper exited = new ReadOnlyBooleanWrapper(this, "exited");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin", "");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");

    private Snapshot setOf;
    private RegionSet regionSet = RegionSet.of(List.of());
    private int livePid = -1;
    private String exitReason = ""; // "PID why", from explainExit
    private int generation;
    private boolean fullReadInFlight;
    private boolean probeInFlight;
    private Object lastFingerprint;
    private long lastReadDoneAt;
    private long lastReadCost;

    public SessionModel(MemoryBackend backend, Background background, ChangeProbe probe, LongSupplier clock) {
        this.backend = Objects.requireNonNull(backend);
        this.background = Objects.requireNonNull(background);
        this.probe = Objects.requireNonNull(probe);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The snapshot on screen, or null before the first read. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot getSnapshot() {
        return snapshot.get();
    }

    /**
     * The snapshot's regions as a {@link RegionSet}, built once for every view that lays them out
     * (the ribbon, the summary's free space): a 60,000-region frame costs milliseconds to copy.
     */
    public RegionSet regionSet() {
        Snapshot s = snapshot.get();
        if (setOf != s) {
            regionSet = RegionSet.of(s == null ? List.of() : s.regions());
            setOf = s;
        }
        return regionSet;
    }

    /** The selected region (table, ribbon and details follow it); null for none. */
    public ObjectProperty<Region> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Highlights> highlightsProperty() {
        return highlights.getReadOnlyProperty();
    }

    /** True once the live process has gone; its last snapshot stays on screen. */
    public ReadOnlyBooleanProperty exitedProperty() {
        return exited.getReadOnlyProperty();
    }

    /** True while a full read is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The message for the banner, "" for none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the view came from, for the title and badge: "live · pid 4711", "file · run.json". */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** Live refresh paused: ticks do nothing (F5 still reads). */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** True while a live process is watched; false for a file or imported text (interval, Pause, Refresh do nothing). */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The pid being watched live, or -1 when the view shows a file. */
    public int livePid() {
        return livePid;
    }

    public void dismissError() {
        error.set("");
    }

    /** Shows a message in the banner. */
    public void showMessage(String message) {
        error.set(message);
    }

    /**
     * Shows why process {@code pid} ended (its parent knows: an OOM kill, a signal); the banner
     * keeps saying it when the next read finds the process gone.
     */
    public void explainExit(int pid, String why) {
        exitReason = pid + " " + why;
        error.set(why);
    }

    /** Shows an error in the banner (for views whose own work failed). */
    public void reportError(Throwable t) {
        error.set(ErrorLog.describe(t));
    }

    /**
     * Starts watching a process: maps first (cheap, so the first frame comes fast), then smaps.
     */
    public void openLive(int pid) {
        int gen = startWatching(pid);
        background.submit(() -> backend.snapshot(pid, MemoryBackend.Detail.MAPS), s -> {
            if (gen == generation && fullReadInFlight) {
                install(s, false);
            }
        }, t -> {
            // the smaps read below reports the same failure; showing it twice helps nobody
        });
        fullRead(gen);
    }

    /** Shows a snapshot that does not refresh (opened from a file, imported). */
    public void show(Snapshot s) {
        ++generation;
        livePid = -1;
        live.set(false);
        exited.set(false);
        error.set("");
        highlights.set(Highlights.NONE);
        fullReadInFlight = false;
        busy.set(false);
        Source src = s.source();
        origin.set(src == null ? "" : src.type().name().toLowerCase(Locale.ROOT) + " · " + src.description());
        install(s, false);
    }

    /**
     * A full read of the live process made elsewhere (an experiment's "after"): shown at once with
     * its changes highlighted; the next tick compares against it.
     */
    public void showLiveRead(Snapshot s) {
        if (livePid != s.process().pid() || fullReadInFlight) {
            return;
        }
        lastFingerprint = null;
        install(s, true);
    }

    /** F5: re-reads smaps now (live views only). */
    public void refreshNow() {
        if (livePid > 0 && !fullReadInFlight) {
            fullRead(generation);
        }
    }

    /**
     * One tick of live refresh: reads the cheap fingerprint and re-reads smaps only when it moved
     * (or, rarely, when it did not: see {@link RefreshPolicy}).
     */
    public void tick() {
        if (livePid <= 0 || paused.get() || exited.get() || fullReadInFlight || probeInFlight) {
            return;
        }
        int gen = generation;
        int pid = livePid;
        probeInFlight = true;
        background.submit(() -> probe.fingerprint(pid), fp -> {
            probeInFlight = false;
            if (gen != generation || fullReadInFlight) {
                return;
            }
            boolean moved = !Objects.equals(fp, lastFingerprint);
            if (RefreshPolicy.shouldReread(moved, clock.getAsLong() - lastReadDoneAt, lastReadCost)) {
                fullRead(gen);
            }
        }, t -> {
            probeInFlight = false;
            if (gen == generation) {
                failed(t);
            }
        });
    }

    private void fullRead(int gen) {
        int pid = livePid;
        fullReadInFlight = true;
        busy.set(true);
        background.submit(() -> FullRead.take(backend, probe, pid, clock), read -> fullReadDone(gen, read),
                t -> fullReadFailed(gen, t));
    }

    private void fullReadDone(int gen, FullRead read) {
        if (gen != generation) {
            return;
        }
        fullReadInFlight = false;
        busy.set(false);
        lastFingerprint = read.fingerprint();
        lastReadCost = read.costNanos();
        lastReadDoneAt = clock.getAsLong();
        install(read.snapshot(), true);
    }

    private void fullReadFailed(int gen, Throwable t) {
        if (gen != generation) {
            return;
        }
        fullReadInFlight = false;
        busy.set(false);
        failed(t);
    }

    /** A full read (smaps) of a live process, with the cheap fingerprint taken just before it. */
    public record FullRead(Snapshot snapshot, Object fingerprint, long costNanos) {

        /** Reads now, on the calling thread (never the FX thread); {@code clock} times it. */
        public static FullRead take(MemoryBackend backend, ChangeProbe probe, int pid, LongSupplier clock) {
            Object before = probe.fingerprint(pid);
            long t0 = clock.getAsLong();
            Snapshot s = backend.snapshot(pid, MemoryBackend.Detail.SMAPS);
            return new FullRead(s, before, clock.getAsLong() - t0);
        }
    }

    /**
     * Watches a live process whose first full read was started earlier (at start-up, while the
     * toolkit and the window were being made): it is shown as soon as it is done, and watching
     * goes on from it as from any full read.
     */
    public void openLive(int pid, CompletableFuture<FullRead> first) {
        int gen = startWatching(pid);
        if (first.isDone() && !first.isCompletedExceptionally()) {
            fullReadDone(gen, first.join()); // read already: shown now, not a round trip later
            return;
        }
        background.await(first, read -> fullReadDone(gen, read), t -> fullReadFailed(gen, t));
    }

    /** Forgets what was shown and marks a full read of {@code pid} as under way; returns its generation. */
    private int startWatching(int pid) {
        int gen = ++generation;
        livePid = pid;
        live.set(true);
        exited.set(false);
        error.set("");
        highlights.set(Highlights.NONE);
        lastFingerprint = null;
        origin.set("live · pid " + pid);
        busy.set(true);
        fullReadInFlight = true;
        return gen;
    }

    private void failed(Throwable t) {
        if (t instanceof ProcessGoneException && livePid > 0 && snapshot.get() != null) {
            exited.set(true);
            error.set(exitReason.startsWith(livePid + " ")
                    ? exitReason.substring(exitReason.indexOf(' ') + 1) + " Its last snapshot stays on screen."
                    : "process " + livePid + " has exited; its last snapshot stays on screen");
            return;
        }
        error.set(ErrorLog.describe(t));
    }

    /** What the banner says while a torn snapshot is on screen. */
    public static final String TORN_NOTICE = "This snapshot is torn: the process changed its mappings during every"
            + " read, so a mapping may be shown twice or be missing";

    private void install(Snapshot next, boolean diff) {
        Snapshot prev = snapshot.get();
        if (next.torn()) {
            error.set(TORN_NOTICE);
        } else if (TORN_NOTICE.equals(error.get())) {
            error.set("");
        }
        // a torn read compared with another would highlight changes that never happened
        if (diff && prev != null && prev.process().pid() == next.process().pid() && !prev.torn() && !next.torn()) {
            RegionChanges changes = RegionChanges.between(prev.regions(), next.regions());
            Highlights h = highlights.get();
            if (!changes.isEmpty() || h.anyLive(clock.getAsLong())) {
                highlights.set(h.plus(changes, clock.getAsLong()));
            }
        }
        snapshot.set(next);
        // keep the selection on the same region of the new read (a listener may already have
        // chosen one of the new regions)
        Region sel = selected.get();
        if (sel != null && find(next, sel.start()) != sel) {
            selected.set(find(next, sel.start()));
        }
    }

    /** The region of {@code s} that starts at {@code start}, or null. */
    public static Region find(Snapshot s, long start) {
        var regions = s.regions();
        int lo = 0, hi = regions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(regions.get(mid).start(), start);
            if (c == 0) {
                return regions.get(mid);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** One line for a user: the message of an AspaceException, else the class and message. */
    public static String messageOf(Throwable t) {
        Throwable e = t;
        while (e.getCause() != null && !(e instanceof AspaceException)
                && (e.getMessage() == null || e instanceof ExecutionException)) {
            e = e.getCause();
        }
        String m = e.getMessage();
        if (e instanceof AspaceException) {
            return m;
        }
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
