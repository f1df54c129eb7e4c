package dev.aspace.lab;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.CgroupSandbox;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.demo.Block;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.ExperimentResult;
import dev.aspace.demo.Experiments;
import dev.aspace.demo.MemoryUserRun;
import dev.aspace.demo.Pointers;
import dev.aspace.demo.Touch;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;
import dev.aspace.snapshot.locate.Location;
import dev.aspace.snapshot.locate.Locator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Carries out the lab's actions for real: on the app's memory-user child (through
 * {@link Experiments}, which measures before and after) and, for the census, on a {@code sleep}
 * it starts and ends itself. Blocking; the lab view calls it off the FX thread.
 */
public final class LiveLabRunner implements LabRunner {

    static final long MB = 1024 * 1024;
    static final long LAB_BLOCK = 100 * MB;
    static final long CONTAINER_LIMIT = 64 * MB;

    private final Experiments experiments;
    private final MemoryBackend backend;
    private Block untouched;

    public LiveLabRunner(Experiments experiments, MemoryBackend backend) {
        this.experiments = experiments;
        this.backend = backend;
    }

    @Override
    public List<Measurement> perform(LabAction action) throws IOException, InterruptedException {
        return switch (action) {
            case RUN_FREE -> {
                SystemMemory now = backend.systemMemory();
                yield List.of(new Measurement(now, now, null, null, 0));
            }
            case ALLOCATE_100MB_UNTOUCHED -> {
                ExperimentResult r = experiments.allocate(BlockKind.MMAP, LAB_BLOCK, 0, false);
                untouched = experiments.child().blocks().get(experiments.child().blocks().size() - 1);
                yield List.of(of(r, LAB_BLOCK));
            }
            case TOUCH_EVERYTHING -> {
                if (untouched == null || !experiments.child().blocks().contains(untouched)) {
                    experiments.allocate(BlockKind.MMAP, LAB_BLOCK, 0, false);
                    untouched = experiments.child().blocks().get(experiments.child().blocks().size() - 1);
                }
                yield List.of(of(experiments.touch(untouched, 100), LAB_BLOCK));
            }
            case MALLOC_100MB -> List.of(of(experiments.allocate(BlockKind.MALLOC, LAB_BLOCK, 100, false), LAB_BLOCK));
            case COUNT_REGIONS -> List.of(census());
            case COMPARE_SIZES -> compareSizes();
            case RUN_UNDER_LIMIT -> List.of(underLimit());
            case SHOW_POINTERS -> List.of(pointers());
        };
    }

    /**
     * The child's own pointers (as it printed them at start), each located in a read of its
     * address space now: region, ELF section and symbol (the ELF files are read here, off the UI thread).
     */
    private Measurement pointers() {
        Pointers p = experiments.child().pointers();
        if (!p.known()) {
            throw new IllegalStateException("this memory-user does not say where its pointers are: rebuild it (mvn compile)");
        }
        Snapshot s = backend.snapshot(experiments.child().pid(), MemoryBackend.Detail.MAPS);
        Locator locator = new Locator(s);
        List<Location> at = List.of(locator.locate(p.code()), locator.locate(p.data()), locator.locate(p.heap()),
                locator.locate(p.stack()));
        SystemMemory now = backend.systemMemory();
        return new Measurement(now, now, s, s, 0, null, at);
    }

    private static Measurement of(ExperimentResult r, long size) {
        return new Measurement(r.memory().before(), r.memory().after(), r.before(), r.after(), size);
    }

    /** before = a sleep this runner starts (and ends), after = this JVM, aspace itself. */
    private Measurement census() throws IOException, InterruptedException {
        Process sleep = new ProcessBuilder("sleep", "600").redirectErrorStream(true).start();
        try {
            Snapshot sleeping = snapshotOnceExeced(sleep);
            Snapshot jvm = backend.snapshot((int) ProcessHandle.current().pid(), MemoryBackend.Detail.SMAPS);
            SystemMemory now = backend.systemMemory();
            return new Measurement(now, now, sleeping, jvm, 0);
        } finally {
            sleep.destroyForcibly();
            sleep.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A just-forked child shows its parent's image until exec; wait until it is sleep. */
    private Snapshot snapshotOnceExeced(Process p) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Snapshot s = backend.snapshot((int) p.pid(), MemoryBackend.Detail.SMAPS);
            if (s.process().comm().equals("sleep")) {
                return s;
            }
            Thread.sleep(10);
        }
        throw ProcessGoneException.exitedWhileReading((int) p.pid());
    }

    /**
     * A memory-user of its own (not the app's child) asking for twice its cgroup's limit and
     * touching it: the cgroup is read when the program has ended, before it is removed.
     */
    private Measurement underLimit() throws InterruptedException {
        SystemMemory before = backend.systemMemory();
        try (CgroupSandbox box = CgroupSandbox.create(ProcPath.SYSTEM, CONTAINER_LIMIT)) {
            MemoryUserRun.Settings settings = new MemoryUserRun.Settings(2 * CONTAINER_LIMIT, Duration.ofSeconds(5),
                    BlockKind.MMAP, Touch.ONCE, 0);
            StringWriter lines = new StringWriter();
            PrintWriter sink = new PrintWriter(lines);
            MemoryUserRun.run(settings, box::wrap, sink, sink);
            return new Measurement(before, backend.systemMemory(), null, null, 2 * CONTAINER_LIMIT, box.read());
        }
    }

    private List<Measurement> compareSizes() {
        List<Measurement> out = new ArrayList<>();
        for (long mb : new long[] {50, 100, 200}) {
            ExperimentResult r = experiments.allocate(BlockKind.MMAP, mb * MB, 100, false);
            out.add(of(r, mb * MB));
            Block made = experiments.child().blocks().get(experiments.child().blocks().size() - 1);
            experiments.free(made);
        }
        return out;
    }
}
