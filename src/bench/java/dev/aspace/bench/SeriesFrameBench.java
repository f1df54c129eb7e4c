package dev.aspace.bench;

import dev.aspace.backend.MemoryBackend.Detail;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotCodec;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one key frame of a series of the 60,024-region process (src/test/c/many_maps.c), what
 * a jump to any frame of its recording costs most: {@code rowsAsNumbers} is a version 3 frame,
 * {@code rowsAsJson} the same snapshot as a version 2 frame. Run in the app image's JVM (C1 only,
 * serial collector), as the window reads them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:+UseSerialGC", "-Xmn160m", "-XX:TieredStopAtLevel=1",
        "-XX:CICompilerCount=1"})
public class SeriesFrameBench {

    private byte[] numbers;
    private byte[] json;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        try (LiveProcess p = LiveProcess.startHelper("many_maps", "60000")) {
            Snapshot s = new LinuxBackend().snapshot(p.pid(), Detail.SMAPS);
            ByteArrayOutputStream v3 = new ByteArrayOutputStream();
            SnapshotCodec.writeRowsFrame(s, s.regions(), null, v3);
            numbers = v3.toByteArray();
            ByteArrayOutputStream v2 = new ByteArrayOutputStream();
            SnapshotCodec.writeFrame(s, s.regions(), null, v2);
            json = v2.toByteArray();
        }
        if (!rowsAsNumbers().equals(rowsAsJson())) {
            throw new IllegalStateException("the two frames read differently");
        }
        System.out.printf("%nframe of 60,024 regions: version 3 %d bytes, version 2 %d bytes%n", numbers.length,
                json.length);
    }

    @Benchmark
    public Snapshot rowsAsNumbers() throws IOException {
        return SnapshotCodec.readRowsFrame(new ByteArrayInputStream(numbers), "bench").snapshot();
    }

    @Benchmark
    public Snapshot rowsAsJson() throws IOException {
        return SnapshotCodec.readFrame(new ByteArrayInputStream(json), "bench").snapshot();
    }
}
