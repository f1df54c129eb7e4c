package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.SeriesHeader;
import dev.aspace.snapshot.series.SeriesReader;
import dev.aspace.snapshot.series.SeriesWriter;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import java.time.Instant;

/**
 * The round trips at the scale the formats were made for: a stopped process with 60,024
 * mappings (src/test/c/many_maps.c) saved by {@code aspace snapshot} and recorded into a series;
 * {@code aspace pmap -X FILE} and {@code aspace pmap -X SERIES@I} print what procps pmap -X
 * printed for it, line for line (60,000 lines and more).
 */
class LargeProcessRoundTripTest {

    private static final int MAPPINGS = 60_000;

    @TempDir
    Path dir;

    @Test
    void aSixtyThousandRegionProcessPrintsAsProcpsDidFromItsFileAndFromEachFrameOfItsSeries() {
        assumeTrue(ProcpsRun.has("pmap"), "procps pmap is not installed");
        try (LiveProcess p = LiveProcess.startHelper("many_maps", Integer.toString(MAPPINGS))) {
            p.stop();
            String pid = Integer.toString(p.pid());
            List<String> procps = ProcpsRun.lines(ProcpsRun.real(List.of("pmap", "-X", pid)));
            assertTrue(procps.size() > MAPPINGS, procps.size() + " lines");

            Path file = dir.resolve("big.json");
            ProcpsRun.Result saved = ProcpsRun.aspace("snapshot", pid, "-o", file.toString());
            assertEquals(0, saved.code(), saved.err());
            ProcpsRun.Result fromFile = ProcpsRun.aspace("pmap", "-X", file.toString());
            assertEquals(0, fromFile.code(), fromFile.err());
            PmapParity.assertSame("pmap -X " + file, procps, fromFile.lines());

            Path series = dir.resolve("big.series");
            MemoryBackend backend = new LinuxBackend();
            try (SeriesWriter w = SeriesWriter.create(series, new SeriesHeader(Instant.now(),
                    Duration.ofSeconds(1), 1L << 30, p.pid(), "many_maps"))) {
                for (int i = 0; i < 3; i++) {
                    Snapshot s = backend.snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
                    assertTrue(w.append(s).written());
                }
            }
            assertEquals(3, SeriesReader.open(series).size());
            for (String frame : List.of("@0", "@2", "@-1")) {
                ProcpsRun.Result r = ProcpsRun.aspace("pmap", "-X", series + frame);
                assertEquals(0, r.code(), r.err());
                PmapParity.assertSame("pmap -X " + series + frame, procps, r.lines());
            }
        }
    }
}
