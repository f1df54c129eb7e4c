package dev.aspace.bench;

import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.diff.DiffResult;
import dev.aspace.snapshot.diff.SnapshotDiff;
import dev.aspace.snapshot.importers.ImportContext;
import dev.aspace.snapshot.importers.ImportResult;
import dev.aspace.snapshot.importers.TextImport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Import speed on real captures (smaps with 1072 regions, vmmap -wide with 391) and on a
 * generated pmap -XX text with 65530 regions (vm.max_map_count), and the diff of two such
 * snapshots. Figures per file, detection and classification included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class ImportBench {

    @Param({"smaps-01-googleinterns-memfd-deleted-vsyscall.txt", "vmmap-03-macos10.13.3-x86_64-wide-full.txt",
            "generated-pmap-XX-65530"})
    public String input;

    private byte[] text;
    private TextImport importer;
    private Snapshot a;
    private Snapshot b;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        importer = TextImports.importer();
        text = input.startsWith("generated") ? generatedPmapXx(65530, 0) : Files.readAllBytes(Path.of("src/test/resources/fixtures", input));
        a = read(text);
        b = read(input.startsWith("generated") ? generatedPmapXx(65530, 0x1000000) : text);
    }

    private ImportResult importOnce(byte[] bytes) {
        return importer.read(new ByteArrayInputStream(bytes), ImportContext.of(input, Instant.EPOCH), input);
    }

    private Snapshot read(byte[] bytes) {
        return importOnce(bytes).snapshot();
    }

    @Benchmark
    public ImportResult importText() {
        return importOnce(text);
    }

    @Benchmark
    public DiffResult diff() {
        return SnapshotDiff.compare(a, b);
    }

    /** pmap -XX as procps-ng 4.0.2 prints it, one 8 KiB anonymous or file mapping per line. */
    static byte[] generatedPmapXx(int regions, long shift) {
        StringBuilder sb = new StringBuilder(regions * 260);
        sb.append("4711:   ./generated\n");
        sb.append("         Address Perm   Offset Device  Inode Size KernelPageSize MMUPageSize  Rss Pss Pss_Dirty"
                + " Referenced Anonymous Swap Locked THPeligible              VmFlags Mapping\n");
        long total = 0;
        for (int i = 0; i < regions; i++) {
            long start = 0x7f0000000000L + shift + i * 0x4000L;
            boolean file = i % 3 == 0;
            sb.append(String.format("%16x %s %08x  %s %6d %4d %14d %11d %4d %3d %9d %10d %9d %4d %6d %11d %20s %s%n",
                    start, file ? "r--p" : "rw-p", file ? i * 8192L : 0, file ? "fe:00" : "00:00", file ? 1000 + i : 0,
                    8, 4, 4, 8, 4, 0, 8, file ? 0 : 8, 0, 0, 0, file ? "rd mr mw me" : "rd wr mr mw me ac",
                    file ? "lib" + (i % 50) + ".so" : ""));
            total += 8;
        }
        sb.append(" ".repeat(45)).append("==== \n").append(" ".repeat(45)).append(total).append(" KB \n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
