package dev.aspace.ui.aslr;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.demo.AslrRunner;
import dev.aspace.model.AslrSettings;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.start.StartOptions;
import dev.aspace.snapshot.aslr.AslrAnalysis;
import dev.aspace.snapshot.aslr.AslrEntropy;
import dev.aspace.snapshot.aslr.AslrReport;
import dev.aspace.snapshot.aslr.ExecutableKind;
import dev.aspace.ui.Background;
import dev.aspace.ui.vm.ErrorLog;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ASLR experiment behind the window: the user's setup as properties; the runs, one at a
 * time through {@link Background} (each run is a child started, snapshotted and killed by
 * {@link AslrRunner}), with progress and a cancel between runs; the report from
 * {@link AslrAnalysis} once they are done. Tested without a robot.
 */
public final class AslrViewModel {

    private final IntegerProperty runs = new SimpleIntegerProperty(this, "runs", AslrSetup.defaults().runs());
    private final StringProperty command = new SimpleStringProperty(this, "command", "");
    private final LongProperty delayMs = new SimpleLongProperty(this, "delayMs", AslrSetup.defaults().delayMs());
    private final StringProperty readyLine = new SimpleStringProperty(this, "readyLine", "");
    private final BooleanProperty noAslr = new SimpleBooleanProperty(this, "noAslr", false);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyIntegerWrapper randomizeVaSpace = new ReadOnlyIntegerWrapper(this, "randomizeVaSpace", -1);
    private final ReadOnlyObjectWrapper<AslrReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<List<AslrEntropy>> entropy = new ReadOnlyObjectWrapper<>(this, "entropy", List.of());
    private AslrSettings settings;
    private final ReadOnlyObjectWrapper<List<Snapshot>> snapshots = new ReadOnlyObjectWrapper<>(this, "snapshots", List.of());

    private final MemoryBackend backend;
    private final AslrRunner runner;
    private final Background background;
    private boolean cancelled;

    public AslrViewModel(MemoryBackend backend, Background background) {
        this.backend = backend;
        this.runner = new AslrRunner(backend, StartOptions.read().launcherEnv());
        this.background = background;
    }

    public IntegerProperty runsProperty() {
        return runs;
    }

    /** The command line; empty runs the memory-user child. */
    public StringProperty commandProperty() {
        return command;
    }

    public LongProperty delayMsProperty() {
        return delayMs;
    }

    public StringProperty readyLineProperty() {
        return readyLine;
    }

    /** Children run with ADDR_NO_RANDOMIZE (setarch -R, or personality(2) through JNA). */
    public BooleanProperty noAslrProperty() {
        return noAslr;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Runs done out of runs asked, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening or went wrong, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The machine's /proc/sys/kernel/randomize_va_space (-1 until read, or unknown). */
    public ReadOnlyIntegerProperty randomizeVaSpaceProperty() {
        return randomizeVaSpace.getReadOnlyProperty();
    }

    /** Per object, configured entropy beside the runs' spread; empty until a report's executable was read. */
    public ReadOnlyObjectProperty<List<AslrEntropy>> entropyProperty() {
        return entropy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AslrReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The snapshot of each finished run, in order. */
    public ReadOnlyObjectProperty<List<Snapshot>> snapshotsProperty() {
        return snapshots.getReadOnlyProperty();
    }

    public AslrSetup setup() {
        return new AslrSetup(runs.get(), command.get() == null ? "" : command.get(), delayMs.get(),
                readyLine.get() == null ? "" : readyLine.get(), noAslr.get());
    }

    /** Reads randomize_va_space (the window shows it before any run). */
    public void readMachine() {
        background.submit(() -> backend.machineSetup().randomizeVaSpace(), randomizeVaSpace::set, t -> { });
    }

    /** Starts the runs; does nothing while runs are going. */
    public void start() {
        if (running.get()) {
            return;
        }
        AslrSetup setup = setup();
        String problem = setup.problem();
        if (problem != null) {
            status.set(problem);
            return;
        }
        cancelled = false;
        running.set(true);
        progress.set(0);
        report.set(null);
        entropy.set(List.of());
        snapshots.set(List.of());
        AslrRunner.Options one = setup.oneRun();
        status.set("run 1 of " + setup.runs() + ": " + String.join(" ", setup.label())
                + (setup.noAslr() ? " with ASLR off" : ""));
        background.submit(backend::aslrSettings, read -> {
            settings = read;
            randomizeVaSpace.set(read.randomizeVaSpace());
            runNext(setup, one, new ArrayList<>());
        }, this::failed);
    }

    /** Stops after the run in progress; the runs done so far are analysed. */
    public void cancel() {
        if (running.get()) {
            cancelled = true;
            status.set("stopping after the run in progress…");
        }
    }

    private void runNext(AslrSetup setup, AslrRunner.Options one, List<Snapshot> done) {
        background.submit(() -> runner.run(one).get(0), snap -> {
            done.add(snap);
            snapshots.set(List.copyOf(done));
            progress.set((double) done.size() / setup.runs());
            if (done.size() < setup.runs() && !cancelled) {
                status.set("run " + (done.size() + 1) + " of " + setup.runs() + "…");
                runNext(setup, one, done);
            } else {
                finish(setup, done);
            }
        }, this::failed);
    }

    private void finish(AslrSetup setup, List<Snapshot> done) {
        AslrReport r = AslrAnalysis.analyse(setup.label(), done, setup.noAslr(), randomizeVaSpace.get());
        report.set(r);
        AslrSettings s = settings;
        background.submit(() -> AslrEntropy.of(r, s, ExecutableKind.of(r)), rows -> {
            if (report.get() == r) {
                entropy.set(rows);
            }
        }, t -> { });
        running.set(false);
        status.set(done.size() < setup.runs()
                ? "stopped after " + done.size() + " of " + setup.runs() + " runs"
                : done.size() + " runs of " + String.join(" ", setup.label())
                + (setup.noAslr() ? ", ASLR off for the children" : ", ASLR as the machine sets it"));
    }

    private void failed(Throwable t) {
        running.set(false);
        int done = snapshots.get().size();
        status.set((done > 0 ? "after " + done + " runs: " : "") + ErrorLog.describe(t));
    }

    /** Saves every run's snapshot into {@code dir} as run-N-pidP.json; the status says where. */
    public void saveRuns(Path dir) {
        List<Snapshot> all = snapshots.get();
        if (all.isEmpty()) {
            return;
        }
        background.submit(() -> {
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Path f = dir.resolve(fileName(i, all.get(i)));
                SnapshotStore.save(all.get(i), f);
                written.add(f);
            }
            return written;
        }, written -> status.set("saved " + written.size() + " runs to " + dir),
                t -> status.set(ErrorLog.describe(t)));
    }

    /** "aslr-run1-pid4711.json". */
    static String fileName(int run, Snapshot s) {
        return "aslr-run" + (run + 1) + "-pid" + (s.process() == null ? 0 : s.process().pid()) + ".json";
    }
}
