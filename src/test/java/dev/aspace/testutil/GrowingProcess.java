package dev.aspace.testutil;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.Recording;
import dev.aspace.snapshot.series.SeriesRecorder;
import dev.aspace.snapshot.series.StopReason;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A live process whose address space grows on request: python3 that maps one more page of
 * {@code /bin/sh} (offset 0 each time, so the kernel cannot merge it with the last) for every
 * {@link #grow()}, or by itself on a clock ({@link #ticking}). Each grow adds exactly one region.
 * For recorded series: frames that differ.
 */
public final class GrowingProcess implements AutoCloseable {

    private static final String SCRIPT = String.join("\n",
            "import mmap, sys, time",
            "f = open('/bin/sh', 'rb')",
            "maps = []",
            "print('ready', flush=True)",
            "every = float(sys.argv[1])",
            "while every > 0 and len(maps) < 2000:",
            "    maps.append(mmap.mmap(f.fileno(), 4096, access=mmap.ACCESS_READ))",
            "    time.sleep(every)",
            "for line in sys.stdin:",
            "    maps.append(mmap.mmap(f.fileno(), 4096, access=mmap.ACCESS_READ))",
            "    print('mapped', flush=True)",
            "");

    private final LiveProcess process;
    private final OutputStream stdin;

    private GrowingProcess(LiveProcess process) {
        this.process = process;
        this.stdin = process.process().getOutputStream();
    }

    /** Grows on {@link #grow()} only. */
    public static GrowingProcess start() {
        return start(0);
    }

    /** Grows by itself, one region every {@code seconds} (up to 2000 regions). */
    public static GrowingProcess ticking(double seconds) {
        return start(seconds);
    }

    private static GrowingProcess start(double seconds) {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        LiveProcess p = LiveProcess.start(python, "-u", "-c", SCRIPT, Double.toString(seconds));
        p.awaitLine("ready", Duration.ofSeconds(30));
        return new GrowingProcess(p);
    }

    public int pid() {
        return process.pid();
    }

    /** Maps one more region and returns once it is mapped. */
    public void grow() {
        try {
            stdin.write("map\n".getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid() + " is gone", e);
        }
        process.awaitLine("mapped", Duration.ofSeconds(30));
    }

    /**
     * Records {@code frames} frames of a new growing process into {@code file} (one more region
     * in each frame than in the one before; no waiting between frames) and returns them as
     * written.
     */
    public static List<Snapshot> recordSeries(Path file, int frames) {
        MemoryBackend backend = new LinuxBackend();
        List<Snapshot> written = new ArrayList<>();
        try (GrowingProcess p = start()) {
            Recording end = new SeriesRecorder(file, () -> backend.snapshot(p.pid(), MemoryBackend.Detail.SMAPS),
                    Duration.ofSeconds(1), 50L << 20).run(frames, r -> written.add(r.frame()), new SeriesRecorder.Pacer() {
                        private long now;

                        @Override
                        public long nanoTime() {
                            return now;
                        }

                        @Override
                        public void await(long nanos) {
                            now += nanos;
                            p.grow();
                        }
                    });
            if (end.stop() != StopReason.COUNT_REACHED) {
                throw new IllegalStateException(end.describe());
            }
        }
        return written;
    }

    @Override
    public void close() {
        process.close();
    }
}
