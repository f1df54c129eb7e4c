package dev.aspace.bench;

import dev.aspace.backend.MemoryBackend.Detail;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A full snapshot of a process with 60,000 mappings (src/test/c/many_maps.c) against the kernel's
 * own cost of producing its smaps text (issue 2: the snapshot's median within 1.25x of
 * {@code cat /proc/PID/smaps > /dev/null}).
 *
 * <ul>
 *   <li>{@code snapshot}: {@link LinuxBackend#snapshot} with {@link Detail#SMAPS}: smaps read and
 *       parsed, smaps_rollup, status, cmdline, comm, threads, meminfo, machine setup, and the
 *       regions classified;</li>
 *   <li>{@code catSmaps}: the reference, what {@code cat /proc/PID/smaps > /dev/null} does: read the
 *       file to its end into a discarded 128 KiB buffer, as cat does (the kernel hands out about
 *       one page per read() whatever the size asked for);</li>
 *   <li>{@code mapsOnly}: {@link Detail#MAPS}, for comparison.</li>
 * </ul>
 * Sample mode reports percentiles; the figure is the median (p0.50) of snapshot over the
 * median of catSmaps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SnapshotBench {

    private static final int MAPPINGS = 60_000;

    private final LinuxBackend backend = new LinuxBackend();
    /** Direct, so each read(2) lands in it as cat's does (no JNI copy, no malloc per call). */
    private final ByteBuffer discard = ByteBuffer.allocateDirect(128 * 1024);
    private LiveProcess process;
    private Path smaps;

    @Setup(Level.Trial)
    public void start() {
        process = LiveProcess.startHelper("many_maps", Integer.toString(MAPPINGS));
        smaps = Path.of("/proc", Integer.toString(process.pid()), "smaps");
        int regions = backend.snapshot(process.pid(), Detail.SMAPS).regions().size();
        if (regions < MAPPINGS) {
            throw new IllegalStateException("many_maps has only " + regions + " regions");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        process.close();
    }

    @Benchmark
    public Snapshot snapshot() {
        return backend.snapshot(process.pid(), Detail.SMAPS);
    }

    @Benchmark
    public Snapshot mapsOnly() {
        return backend.snapshot(process.pid(), Detail.MAPS);
    }

    @Benchmark
    public long catSmaps() throws IOException {
        long total = 0;
        try (FileChannel in = FileChannel.open(smaps)) {
            int n;
            while ((n = in.read(discard.clear())) > 0) {
                total += n;
            }
        }
        return total;
    }
}
