package dev.aspace.ui.experiments;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.demo.AllocationGuard;
import dev.aspace.demo.Block;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.ChildCgroup;
import dev.aspace.demo.ChildExit;
import dev.aspace.demo.ChildFacts;
import dev.aspace.demo.Experiment;
import dev.aspace.demo.ExperimentResult;
import dev.aspace.demo.Experiments;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.demo.MemoryUserListener;
import dev.aspace.demo.Sizes;
import dev.aspace.model.AspaceException;
import dev.aspace.model.ByteSize;
import dev.aspace.ui.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The state of the allocation controls and what they do: the fields as typed, the blocks the
 * memory-user child holds, what to expect, the log of measured results. Each action says what to
 * expect (computed from the child's own page size and thread stack), runs on the {@link
 * Background} seam (it reads /proc and waits for the child), then logs the measured result and
 * tells the {@link Listener}. Tests drive it with {@link Background#direct()}, without a window.
 */
public final class AllocationModel {

    /** What the main window hears. Called on the FX thread. */
    public interface Listener {
        /** Something changed: refresh, and highlight {@code result.focus()} (the result holds the new snapshot). */
        void changed(ExperimentResult result);

        /** The child died (OOM kill, kill -9, ...). */
        default void childExited(ChildExit exit) {
        }

        /**
         * Ends this child and starts a new one, in a memory cgroup of its own with this limit, or
         * in aspace's own cgroup when {@code limitBytes} is 0.
         */
        default void restart(long limitBytes) {
        }
    }

    /** How a new block is touched. */
    public enum TouchChoice {
        NONE("touch none"), ONCE("touch all"), FIRST("touch first");

        private final String label;

        TouchChoice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Results kept in the log, newest first. */
    static final int LOG_ENTRIES = 20;

    private final MemoryUserController controller;
    private final Experiments experiments;
    private final Background background;
    private final Listener listener;
    private final ChildFacts facts;

    private final StringProperty size = new SimpleStringProperty(this, "size", "64");
    private final ObjectProperty<BlockKind> via = new SimpleObjectProperty<>(this, "via", BlockKind.MMAP);
    private final ObjectProperty<TouchChoice> touch = new SimpleObjectProperty<>(this, "touch", TouchChoice.ONCE);
    private final IntegerProperty percent = new SimpleIntegerProperty(this, "percent", 50);
    private final BooleanProperty overcommit = new SimpleBooleanProperty(this, "overcommit");
    private final StringProperty rate = new SimpleStringProperty(this, "rate", "4");
    private final StringProperty page = new SimpleStringProperty(this, "page", "1");
    private final StringProperty library = new SimpleStringProperty(this, "library", "libz.so.1");
    private final ObservableList<Block> blocks = FXCollections.observableArrayList();
    private final ObjectProperty<Block> selectedBlock = new SimpleObjectProperty<>(this, "selectedBlock");
    private final BooleanProperty limited = new SimpleBooleanProperty(this, "limited");
    private final StringProperty limit = new SimpleStringProperty(this, "limit", "64");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper exited = new ReadOnlyBooleanWrapper(this, "exited");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper expectation = new ReadOnlyStringWrapper(this, "expectation", "");
    private final ReadOnlyStringWrapper log = new ReadOnlyStringWrapper(this, "log", "");
    private final ReadOnlyStringWrapper walkStatus = new ReadOnlyStringWrapper(this, "walkStatus", "");
    private final ReadOnlyObjectWrapper<ExperimentResult> lastResult = new ReadOnlyObjectWrapper<>(this, "lastResult");
    private final Deque<String> entries = new ArrayDeque<>();

    public AllocationModel(MemoryUserController controller, MemoryBackend backend, Background background,
                           Listener listener) {
        this.controller = controller;
        this.experiments = new Experiments(controller, backend, AllocationGuard.DEFAULT);
        this.background = background;
        this.listener = listener;
        this.facts = controller.facts();
        controller.addListener(new MemoryUserListener() {
            @Override
            public void event(String name, Map<String, String> fields) {
                if (name.equals("rate")) {
                    onFxThread(() -> walkStatus.set("block " + fields.get("block") + " walking at " + fields.get("mbps")
                            + " MiB/s"));
                } else if (name.equals("walked")) {
                    onFxThread(() -> walkStatus.set("block " + fields.get("block") + ": walk done"));
                } else if (name.equals("forkwrote")) {
                    onFxThread(() -> walkStatus.set("fork " + fields.get("fork") + " wrote its copy of block "
                            + fields.get("block")));
                }
            }

            @Override
            public void exited(ChildExit exit) {
                onFxThread(() -> {
                    if (!exit.expected()) {
                        error.set(exit.describe());
                    }
                    exited.set(true);
                    listener.childExited(exit);
                });
            }
        });
    }

    /** The child's events arrive on its reader thread: through the seam, so they land on the FX thread. */
    private void onFxThread(Runnable r) {
        background.submit(() -> Boolean.TRUE, ok -> r.run(), t -> { });
    }

    // ---- the fields ---------------------------------------------------------------------------

    /** The size to allocate as typed: 64M, 1G, 512K, 100MiB; a plain number is MiB. */
    public StringProperty sizeProperty() {
        return size;
    }

    public ObjectProperty<BlockKind> viaProperty() {
        return via;
    }

    public ObjectProperty<TouchChoice> touchProperty() {
        return touch;
    }

    /** K of "touch first K %", and of Touch K % and Walk slowly. */
    public IntegerProperty percentProperty() {
        return percent;
    }

    public BooleanProperty overcommitProperty() {
        return overcommit;
    }

    /** The walk's rate in MiB/s, as typed. */
    public StringProperty rateProperty() {
        return rate;
    }

    /** Which page of the block mprotect takes, as typed. */
    public StringProperty pageProperty() {
        return page;
    }

    public StringProperty libraryProperty() {
        return library;
    }

    /** The blocks the child holds. */
    public ObservableList<Block> blocks() {
        return FXCollections.unmodifiableObservableList(blocks);
    }

    /** The block the block actions work on. */
    public ObjectProperty<Block> selectedBlockProperty() {
        return selectedBlock;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the child is gone: nothing more can be done. */
    public ReadOnlyBooleanProperty exitedProperty() {
        return exited.getReadOnlyProperty();
    }

    /** The last refusal or failure, "" when the last action went well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Expect: ..." of the action running or last run. */
    public ReadOnlyStringProperty expectationProperty() {
        return expectation.getReadOnlyProperty();
    }

    /** The results so far, newest first: what was expected, then what was measured. */
    public ReadOnlyStringProperty logProperty() {
        return log.getReadOnlyProperty();
    }

    /** How the walk on a block is going (the child's rate events). */
    public ReadOnlyStringProperty walkStatusProperty() {
        return walkStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExperimentResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public MemoryUserController controller() {
        return controller;
    }

    /** Whether Restart starts the child under the limit of {@link #limitProperty()}. */
    public BooleanProperty limitedProperty() {
        return limited;
    }

    /** The memory limit of the child's own cgroup as typed: a plain number is MiB. */
    public StringProperty limitProperty() {
        return limit;
    }

    /** Where this child runs, short: under its own cgroup's limit, or in aspace's cgroup. */
    public String limitStatus() {
        return controller.ownCgroup().map(c -> "runs in its own cgroup, limit " + ByteSize.format(c.limit()))
                .orElse("runs without a limit of its own");
    }

    /** The child's cgroup below the hierarchy's root, or "" when it has none of its own. */
    public String cgroupPath() {
        return controller.ownCgroup().map(ChildCgroup::path).orElse("");
    }

    /** Shows a line from outside the model (a restart that could not be made) where refusals show. */
    public void report(String line) {
        error.set(line);
    }

    /** The child's page size and default thread stack, which the expectations quote. */
    public ChildFacts facts() {
        return facts;
    }

    // ---- the actions --------------------------------------------------------------------------

    /** Allocates a block of the typed size the chosen way, touching it as chosen. */
    public void allocate() {
        long bytes = size();
        if (bytes <= 0) {
            return;
        }
        BlockKind kind = via.get();
        int touched = switch (touch.get()) {
            case NONE -> 0;
            case ONCE -> 100;
            case FIRST -> percent.get();
        };
        boolean over = overcommit.get();
        run(Experiment.allocating(kind), bytes, () -> experiments.allocate(kind, bytes, touched, over));
    }

    /** Maps a file ({@link BlockKind#FILE}) or shared memory ({@link BlockKind#SHM}) of the typed size, touched. */
    public void allocateOther(BlockKind kind) {
        long bytes = size();
        if (bytes > 0) {
            boolean over = overcommit.get();
            run(Experiment.allocating(kind), bytes, () -> experiments.allocate(kind, bytes, 100, over));
        }
    }

    public void touch() {
        int p = percent.get();
        onBlock(Experiment.TOUCH, b -> experiments.touch(b, p));
    }

    public void walk() {
        double r = rate();
        int p = percent.get();
        onBlock(Experiment.WALK, b -> experiments.walk(b, r, p));
    }

    public void stream() {
        onBlock(Experiment.STREAM, experiments::stream);
    }

    public void stop() {
        onBlock(Experiment.STOP, experiments::stop);
    }

    public void free() {
        onBlock(Experiment.FREE, experiments::free);
    }

    public void mlock() {
        onBlock(Experiment.MLOCK, experiments::mlock);
    }

    public void dontNeed() {
        onBlock(Experiment.DONTNEED, experiments::dontNeed);
    }

    public void protectPage() {
        long p = page();
        onBlock(Experiment.PROTECT, b -> experiments.protectPage(b, p));
    }

    /** Ends the child and starts another, under the typed limit when limited (also once the child is gone). */
    public void restart() {
        long bytes = 0;
        if (limited.get()) {
            try {
                bytes = Sizes.parse(limit.get(), "Limit");
            } catch (IllegalArgumentException e) {
                error.set(e.getMessage());
                return;
            }
        }
        error.set("");
        listener.restart(bytes);
    }

    public void fork() {
        run(Experiment.FORK, 0, experiments::fork);
    }

    /** The newest fork writes its copy of the chosen block at the typed rate (copy-on-write, page by page). */
    public void forkWrite() {
        double r = rate();
        onBlock(Experiment.FORK_WRITE, b -> experiments.forkWrite(b, r));
    }

    public void startThread() {
        run(Experiment.THREAD, 0, experiments::startThread);
    }

    public void loadLibrary() {
        String lib = library.get() == null ? "" : library.get().strip();
        run(Experiment.LOAD_LIBRARY, 0, () -> experiments.loadLibrary(lib));
    }

    private void onBlock(Experiment e, Function<Block, ExperimentResult> action) {
        Block b = selectedBlock.get();
        if (b == null) {
            error.set("Select a block in the list first (allocate one if there is none).");
            return;
        }
        run(e, b.size(), () -> action.apply(b));
    }

    private void run(Experiment e, long bytes, Callable<ExperimentResult> work) {
        if (busy.get() || exited.get()) {
            return; // one experiment at a time, in order; none once the child is gone
        }
        error.set("");
        expectation.set("Expect: " + e.expectation(bytes, facts));
        busy.set(true);
        background.submit(work, this::show, t -> fail(t instanceof AspaceException ? t.getMessage()
                : e.title() + " failed: " + t));
    }

    private void show(ExperimentResult r) {
        busy.set(false);
        refreshBlocks();
        entries.addFirst("Expected: " + r.expectation() + "\nMeasured:\n" + String.join("\n", r.lines()));
        while (entries.size() > LOG_ENTRIES) {
            entries.removeLast();
        }
        log.set(String.join("\n\n", entries));
        lastResult.set(r);
        listener.changed(r);
    }

    private void fail(String message) {
        busy.set(false);
        refreshBlocks();
        error.set(message);
    }

    /** The child's blocks now; the chosen one stays chosen, else the newest is. */
    private void refreshBlocks() {
        Block chosen = selectedBlock.get();
        blocks.setAll(controller.blocks());
        if (chosen != null && blocks.contains(chosen)) {
            selectedBlock.set(chosen);
        } else {
            selectedBlock.set(blocks.isEmpty() ? null : blocks.get(blocks.size() - 1));
        }
    }

    private long size() {
        try {
            return Sizes.parse(size.get(), "Size");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return -1;
        }
    }

    private double rate() {
        try {
            double r = Double.parseDouble(rate.get().strip());
            if (r > 0 && !Double.isInfinite(r)) {
                return r;
            }
        } catch (NumberFormatException e) {
            // the default below
        }
        rate.set("4");
        return 4;
    }

    private long page() {
        try {
            return Long.parseLong(page.get().strip());
        } catch (NumberFormatException e) {
            return -1; // the child names the valid range
        }
    }
}
