package dev.aspace.lab;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.CgroupSandbox;
import dev.aspace.backend.linux.FrameReader;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.demo.Block;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.ExperimentResult;
import dev.aspace.demo.Experiments;
import dev.aspace.demo.MemoryUserListener;
import dev.aspace.demo.MemoryUserRun;
import dev.aspace.demo.Pointers;
import dev.aspace.demo.Touch;
import dev.aspace.frames.FrameMatch;
import dev.aspace.frames.RegionFrames;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.Region;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Carries out the lab's actions for real: on the app's memory-user child (through
 * {@link Experiments}, which measures before and after) and, for the census, on a {@code sleep}
 * it starts and ends itself. Blocking; the lab view calls it off the FX thread.
 */
public final class LiveLabRunner implements LabRunner {

    static final long MB = 1024 * 1024;
    static final long LAB_BLOCK = 100 * MB;
    static final long CONTAINER_LIMIT = 64 * MB;
    static final long FORK_BLOCK = 4 * MB;
    /** Fast enough to be over at once, slow enough to be a page-by-page write. */
    private static final double FORK_WRITE_MB_PER_SECOND = 64;
    private static final Duration FORK_WRITE_LIMIT = Duration.ofSeconds(60);
    private static final Pattern LIBC = Pattern.compile(".*/libc(\\.so\\.6|-[0-9.]+\\.so)");

    private final Experiments experiments;
    private final MemoryBackend backend;
    private final FrameReader frames;
    private Block untouched;

    public LiveLabRunner(Experiments experiments, MemoryBackend backend) {
        this(experiments, backend, new FrameReader());
    }

    public LiveLabRunner(Experiments experiments, MemoryBackend backend, FrameReader frames) {
        this.experiments = experiments;
        this.backend = backend;
        this.frames = frames;
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
            case COMPARE_LIBC_FRAMES -> List.of(libcFrames());
            case FORK_THEN_WRITE -> List.of(forkThenWrite());
        };
    }

    /** libc's text (its executable mapping) in memory-user and in aspace, compared page by page by file offset. */
    private Measurement libcFrames() {
        int user = experiments.child().pid();
        int self = (int) ProcessHandle.current().pid();
        Snapshot a = backend.snapshot(user, MemoryBackend.Detail.MAPS);
        Snapshot b = backend.snapshot(self, MemoryBackend.Detail.MAPS);
        Region textA = libcText(a, null);
        Region textB = libcText(b, textA);
        RegionFrames fa = frames.read(user, textA, textA.start(), textA.end());
        RegionFrames fb = frames.read(self, textB, textB.start(), textB.end());
        SystemMemory now = backend.systemMemory();
        return new Measurement(now, now, a, b, textA.size(), null, List.of(), List.of(FrameMatch.of(user, fa, self, fb)));
    }

    /** The executable mapping of libc in {@code s}; with {@code like}, the one of the same file and offset. */
    private static Region libcText(Snapshot s, Region like) {
        return s.regions().stream()
                .filter(r -> r.perms().exec() && LIBC.matcher(r.path()).matches())
                .filter(r -> like == null || (r.path().equals(like.path()) && r.offset() == like.offset()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("process " + s.process().pid() + " has no "
                        + (like == null ? "libc text mapping" : "mapping of " + like.path() + " at offset 0x"
                        + Long.toHexString(like.offset())) + ": is it statically linked?"));
    }

    /**
     * A written block in memory-user and a fork of it, frames read right after the fork and again
     * once the fork has written every page of its copy (its "forkwrote" event); the fork and the
     * block are gone afterwards.
     */
    private Measurement forkThenWrite() throws InterruptedException {
        SystemMemory memoryBefore = backend.systemMemory();
        experiments.allocate(BlockKind.MMAP, FORK_BLOCK, 100, false);
        List<Block> blocks = experiments.child().blocks();
        Block block = blocks.get(blocks.size() - 1);
        int parent = experiments.child().pid();
        CompletableFuture<Map<String, String>> wrote = new CompletableFuture<>();
        MemoryUserListener hear = new MemoryUserListener() {
            @Override
            public void event(String name, Map<String, String> fields) {
                if (name.equals("forkwrote") && String.valueOf(block.id()).equals(fields.get("block"))) {
                    wrote.complete(fields);
                }
            }
        };
        experiments.child().addListener(hear);
        int fork = -1;
        try {
            experiments.fork();
            List<Integer> forks = experiments.child().forks();
            fork = forks.get(forks.size() - 1);
            Snapshot s = backend.snapshot(parent, MemoryBackend.Detail.MAPS);
            Region region = s.regions().stream().filter(r -> r.contains(block.address())).findFirst()
                    .orElseThrow(() -> ProcessGoneException.exitedWhileReading(parent));
            FrameMatch forked = blockFrames(parent, fork, region, block);
            experiments.forkWrite(block, FORK_WRITE_MB_PER_SECOND);
            try {
                wrote.get(FORK_WRITE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("fork " + fork + " did not finish writing its copy within "
                        + FORK_WRITE_LIMIT.toSeconds() + " s");
            }
            FrameMatch written = blockFrames(parent, fork, region, block);
            return new Measurement(memoryBefore, backend.systemMemory(), s, s, FORK_BLOCK, null, List.of(),
                    List.of(forked, written));
        } finally {
            experiments.child().removeListener(hear);
            if (fork > 0) {
                experiments.child().unfork(fork);
            }
            experiments.free(block);
        }
    }

    private FrameMatch blockFrames(int parent, int fork, Region region, Block block) {
        return FrameMatch.of(parent, frames.read(parent, region, block.address(), block.end()),
                fork, frames.read(fork, region, block.address(), block.end()));
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
