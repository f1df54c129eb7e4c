package dev.aspace.ui.vm;

import dev.aspace.model.CgroupMemory;
import dev.aspace.model.SystemMemory;
import dev.aspace.ui.Background;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The machine's memory as {@code free} shows it, sampled once per tick (like {@code watch -n 1
 * free}), with a bounded history for the chart.
 */
public final class GaugeModel {

    /** Samples kept for the history chart: two minutes at 1 Hz. */
    public static final int HISTORY = 120;

    private final Supplier<SystemMemory> source;
    private final IntSupplier watchedPid;
    private final IntFunction<Optional<CgroupMemory>> cgroupOf;
    private final Background background;
    private final Consumer<Throwable> onError;
    private final ReadOnlyObjectWrapper<CgroupMemory> cgroup = new ReadOnlyObjectWrapper<>(this, "cgroup");

    private final ReadOnlyObjectWrapper<SystemMemory> memory = new ReadOnlyObjectWrapper<>(this, "memory");
    private final ObjectProperty<Units> units = new SimpleObjectProperty<>(this, "units", Units.AUTO);
    private final ObservableList<SystemMemory> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper from =
            new ReadOnlyStringWrapper(this, "from", "");
    /** One read-only view, kept: a fresh wrapper per call would drop listeners when collected. */
    private final ObservableList<SystemMemory> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private boolean inFlight;

    public GaugeModel(Supplier<SystemMemory> source, Background background, Consumer<Throwable> onError) {
        this(source, () -> -1, pid -> Optional.empty(), background, onError);
    }

    /**
     * With the watched process's memory cgroup beside the machine's figures.
     *
     * @param watchedPid the process watched now (asked on the FX thread), or -1 for none
     * @param cgroupOf   reads a process's memory cgroup (on the background thread)
     */
    public GaugeModel(Supplier<SystemMemory> source, IntSupplier watchedPid, IntFunction<Optional<CgroupMemory>> cgroupOf,
                      Background background, Consumer<Throwable> onError) {
        this.watchedPid = Objects.requireNonNull(watchedPid);
        this.cgroupOf = Objects.requireNonNull(cgroupOf);
        this.source = Objects.requireNonNull(source);
        this.background = Objects.requireNonNull(background);
        this.onError = Objects.requireNonNull(onError);
    }

    public ReadOnlyObjectProperty<SystemMemory> memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public SystemMemory getMemory() {
        return memory.get();
    }

    public ObjectProperty<Units> unitsProperty() {
        return units;
    }

    /** Oldest first; at most {@link #HISTORY} samples. */
    public ObservableList<SystemMemory> history() {
        return readOnlyHistory;
    }

    /**
     * The watched process's memory cgroup when a limit applies to it (its own or an ancestor's),
     * else null: then free's figures are the ones that matter.
     */
    public ReadOnlyObjectProperty<CgroupMemory> cgroupProperty() {
        return cgroup.getReadOnlyProperty();
    }

    /** "" while the figures are this machine's now; else where they come from ("saved with run.json, 12:04:05"). */
    public ReadOnlyStringProperty fromProperty() {
        return from.getReadOnlyProperty();
    }

    /**
     * Shows the memory saved with a snapshot (a file's view), marked as such; the history is
     * cleared, as it belongs to the live machine. Null memory (imported text): nothing to show.
     * The cgroup saved with it is shown where a limit applied.
     */
    public void showSaved(SystemMemory m, CgroupMemory savedCgroup, String where) {
        history.clear();
        memory.set(m);
        cgroup.set(savedCgroup == null || savedCgroup.effectiveLimit() < 0 ? null : savedCgroup);
        from.set(m == null ? "no memory figures in " + where : "as saved with " + where);
        if (m != null) {
            history.add(m);
        }
    }

    /** Reads /proc/meminfo (and the watched process's cgroup) in the background and records the sample. */
    public void sample() {
        if (inFlight) {
            return;
        }
        inFlight = true;
        if (!from.get().isEmpty()) {
            history.clear(); // back to the live machine after a file
        }
        from.set("");
        int pid = watchedPid.getAsInt();
        background.submit(() -> new Reading(source.get(), limitedCgroup(pid)), r -> {
            inFlight = false;
            accept(r.memory());
            cgroup.set(r.cgroup());
        }, t -> {
            inFlight = false;
            onError.accept(t);
        });
    }

    /** Shows a given reading (a sample, or memory saved with a snapshot). */
    public void accept(SystemMemory m) {
        memory.set(m);
        if (history.size() >= HISTORY) {
            history.remove(0, history.size() - HISTORY + 1);
        }
        history.add(m);
    }

    /**
     * The parts of the stacked bar, in order: free's used, buff/cache and free columns. procps-ng 4
     * counts used as total − available, so the three add up to about total, not exactly; the bar
     * shows the kernel's numbers as they are and scales to their sum.
     */
    public static List<Part> parts(SystemMemory m) {
        return List.of(new Part("used", m.used()), new Part("buff/cache", m.buffCache()),
                new Part("free", m.memFree()));
    }

    private record Reading(SystemMemory memory, CgroupMemory cgroup) {
    }

    private CgroupMemory limitedCgroup(int pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            return cgroupOf.apply(pid).filter(c -> c.effectiveLimit() >= 0).orElse(null);
        } catch (RuntimeException e) {
            return null; // the process is gone or its cgroup unreadable: the machine's figures stand alone
        }
    }

    /** One segment of the bar. */
    public record Part(String name, long bytes) {
    }

    /** Why "available" is not "free", for the tooltip. */
    public static String availableExplained(SystemMemory m, Units u) {
        return "free " + u.format(m.memFree()) + " is memory nobody uses at all.\n"
                + "available " + u.format(m.available()) + " is the kernel's estimate (MemAvailable) of what\n"
                + "a new program could get without swapping: free memory plus the page cache and\n"
                + "reclaimable slab it can drop, minus what it must keep (low watermarks).\n"
                + "buff/cache " + u.format(m.buffCache()) + " is not lost: most of it is handed back on demand,\n"
                + "except shared memory (shmem " + u.format(m.shmem()) + "), which lives in the page cache but cannot be dropped.";
    }
}
