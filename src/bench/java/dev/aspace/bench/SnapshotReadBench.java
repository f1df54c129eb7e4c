package dev.aspace.bench;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aspace.backend.MemoryBackend.Detail;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Reading a version 2 snapshot of 60,024 regions (src/test/c/many_maps.c, its text uncompressed so
 * only the binding is compared): {@code tokens} is aspace's {@code SnapshotReader}, which binds
 * token by token and checks as it goes (caps, smaps keys per row, NUL, JSON paths in its
 * messages); {@code databind} is jackson-databind binding the same document into records (each
 * region row an array-shaped record) and turning them into regions, with none of those checks: a
 * lower bound of what a databind reader would cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SnapshotReadBench {

    private byte[] json;
    private final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(String format, int version, List<String> smapsKeys, List<String> regionColumns, List<Row> regions) {
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Row(String start, String end, String perms, String offset, String device, long inode, String path,
                      String kind, String label, long[] smaps, List<String> vmFlags) {
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        try (LiveProcess p = LiveProcess.startHelper("many_maps", "60000")) {
            Snapshot s = new LinuxBackend().snapshot(p.pid(), Detail.SMAPS);
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            SnapshotCodec.write(s, gz);
            json = new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray())).readAllBytes();
        }
        if (tokens().regions().size() != databind().size()) {
            throw new IllegalStateException("the two readers disagree");
        }
    }

    @Benchmark
    public Snapshot tokens() throws IOException {
        return SnapshotCodec.read(new ByteArrayInputStream(json), "bench");
    }

    @Benchmark
    public List<Region> databind() throws IOException {
        File f = mapper.readValue(json, File.class);
        SmapsLayout layout = new SmapsLayout(f.smapsKeys(), Collections.nCopies(f.smapsKeys().size(), true));
        List<Region> out = new ArrayList<>(f.regions().size());
        for (Row r : f.regions()) {
            Smaps m = r.smaps() == null ? null : new Smaps(layout, r.smaps(), r.vmFlags());
            out.add(new Region(hex(r.start()), hex(r.end()), Perms.parse(r.perms()), hex(r.offset()), r.device(),
                    r.inode(), r.path(), m, RegionKind.valueOf(r.kind()), r.label()));
        }
        return out;
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s, 2, s.length(), 16);
    }
}
