package dev.aspace.demo;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs experiments on a memory-user child and measures them: a smaps snapshot of the child and
 * free's figures before, the command, the same after. Shared by the CLI and the GUI (no JavaFX).
 * Blocking: call off the FX thread.
 */
public final class Experiments {

    private final MemoryUserController child;
    private final MemoryBackend backend;
    private final AllocationGuard guard;

    public Experiments(MemoryUserController child, MemoryBackend backend, AllocationGuard guard) {
        this.child = child;
        this.backend = backend;
        this.guard = guard;
    }

    public MemoryUserController child() {
        return child;
    }

    /**
     * Allocates and touches the first {@code touchPercent} % (0: none). Refused, with both numbers,
     * beyond MemAvailable minus the margin unless {@code allowOvercommit}.
     *
     * @throws MemoryUserException when refused or the child fails
     */
    public ExperimentResult allocate(BlockKind kind, long bytes, int touchPercent, boolean allowOvercommit) {
        SystemMemory mem = backend.systemMemory();
        guard.refusal(bytes, mem, allowOvercommit, "ticking 'allow overcommit'").ifPresent(msg -> {
            throw new MemoryUserException(msg);
        });
        Experiment e = Experiment.allocating(kind);
        Block[] made = new Block[1];
        return measure(e, bytes, () -> {
            made[0] = child.allocate(kind, bytes);
            if (touchPercent > 0) {
                child.touch(made[0], touchPercent);
            }
            return made[0].address();
        }, () -> made[0].describe() + (touchPercent > 0 ? ", touched " + touchPercent + " %" : ", not touched"));
    }

    public ExperimentResult touch(Block b, int percent) {
        return measure(Experiment.TOUCH, b.size() * percent / 100, () -> {
            child.touch(b, percent);
            return b.address();
        }, () -> "touched the first " + percent + " % of " + b.describe());
    }

    /** Starts a paced walk; the result is measured right after it starts (watch the strip for the rest). */
    public ExperimentResult walk(Block b, double mbPerSecond, int percent) {
        return measure(Experiment.WALK, b.size(), () -> {
            child.walk(b, mbPerSecond, percent);
            return b.address();
        }, () -> "walking " + percent + " % of " + b.describe() + " at " + mbPerSecond + " MiB/s");
    }

    public ExperimentResult stream(Block b) {
        return measure(Experiment.STREAM, b.size(), () -> {
            child.stream(b);
            return b.address();
        }, () -> "streaming over " + b.describe());
    }

    public ExperimentResult stop(Block b) {
        return measure(Experiment.STOP, b.size(), () -> {
            child.stop(b);
            return b.address();
        }, () -> "stopped walking " + b.describe());
    }

    public ExperimentResult free(Block b) {
        return measure(Experiment.FREE, b.size(), () -> {
            child.free(b);
            return 0;
        }, () -> "freed " + b.describe());
    }

    public ExperimentResult mlock(Block b) {
        return measure(Experiment.MLOCK, b.size(), () -> {
            child.mlock(b);
            return b.address();
        }, () -> "mlock'ed " + b.describe());
    }

    public ExperimentResult dontNeed(Block b) {
        long[] advised = new long[1];
        return measure(Experiment.DONTNEED, b.size(), () -> {
            advised[0] = child.dontNeed(b);
            return b.address();
        }, () -> "madvise(MADV_DONTNEED) on " + Sizes.human(advised[0]) + " of " + b.describe());
    }

    public ExperimentResult protectPage(Block b, long pageIndex) {
        long[] page = new long[1];
        return measure(Experiment.PROTECT, b.size(), () -> {
            page[0] = child.protectPage(b, pageIndex);
            return page[0];
        }, () -> "mprotect(0x" + Long.toHexString(page[0]) + ", one page, PROT_NONE) inside " + b.describe());
    }

    public ExperimentResult fork() {
        int[] pid = new int[1];
        return measure(Experiment.FORK, 0, () -> {
            pid[0] = child.fork();
            return 0;
        }, () -> "forked copy " + pid[0] + " of memory-user " + child.pid());
    }

    /**
     * Has the newest fork write its copy of the block page by page at {@code mbPerSecond}; measured
     * right after it starts (the frames views show the split as it goes).
     *
     * @throws MemoryUserException when there is no fork
     */
    public ExperimentResult forkWrite(Block b, double mbPerSecond) {
        List<Integer> forks = child.forks();
        if (forks.isEmpty()) {
            throw new MemoryUserException("There is no fork to write: press Fork first, then let the fork write");
        }
        int fork = forks.get(forks.size() - 1);
        return measure(Experiment.FORK_WRITE, b.size(), () -> {
            child.forkWrite(fork, b, mbPerSecond);
            return b.address();
        }, () -> "fork " + fork + " writing its copy of " + b.describe() + " at " + mbPerSecond + " MiB/s");
    }

    public ExperimentResult startThread() {
        int[] tid = new int[1];
        return measure(Experiment.THREAD, 0, () -> {
            tid[0] = child.startThread();
            return 0;
        }, () -> "started thread " + tid[0]);
    }

    public ExperimentResult loadLibrary(String name) {
        return measure(Experiment.LOAD_LIBRARY, 0, () -> {
            child.loadLibrary(name);
            return 0;
        }, () -> "dlopen(" + name + ", RTLD_NOW)");
    }

    private ExperimentResult measure(Experiment e, long bytes, LongSupplier action, Supplier<String> said) {
        String expectation = e.expectation(bytes, child.facts());
        Snapshot before = backend.snapshot(child.pid(), MemoryBackend.Detail.SMAPS);
        // free is the whole machine's: read it as close around the action as possible, so that
        // other processes have the least time to move it
        SystemMemory memBefore = backend.systemMemory();
        long focus = action.getAsLong();
        SystemMemory memAfter = backend.systemMemory();
        Snapshot after = backend.snapshot(child.pid(), MemoryBackend.Detail.SMAPS);
        return ExperimentDiff.compute(e, expectation, said.get(), before, after, memBefore, memAfter, focus);
    }
}
