package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.Recording;
import dev.aspace.snapshot.series.SeriesRecorder;
import dev.aspace.snapshot.series.StopReason;
import dev.aspace.testutil.GrowingProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A live process recorded into a series (version 2: frames after the first hold only what
 * changed): {@code aspace pmap -X FILE@I} prints what procps pmap printed for the process at
 * frame I.
 */
class SeriesFramePmapTest {

    @TempDir
    Path dir;

    @Test
    void eachFramePrintsWhatProcpsPmapPrintedWhenItWasRecorded() {
        assumeTrue(ProcpsRun.has("pmap"), "procps pmap is not installed");
        Path file = dir.resolve("rec.series");
        List<List<String>> live = new ArrayList<>();
        MemoryBackend backend = new LinuxBackend();
        try (GrowingProcess p = GrowingProcess.start()) {
            String pid = Integer.toString(p.pid());
            Supplier<Snapshot> source = () -> {
                Snapshot s = backend.snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
                live.add(ProcpsRun.lines(ProcpsRun.real(List.of("pmap", "-X", pid))));
                return s;
            };
            Recording end = new SeriesRecorder(file, source, Duration.ofSeconds(1), 50L << 20).run(4, r -> { },
                    new SeriesRecorder.Pacer() {
                        private long now;

                        @Override
                        public long nanoTime() {
                            return now;
                        }

                        @Override
                        public void await(long nanos) {
                            now += nanos;
                            p.grow(); // one more mapping: each frame after the first holds a change
                        }
                    });
            assertEquals(StopReason.COUNT_REACHED, end.stop(), end.describe());
        }
        for (int i = 0; i < 4; i++) {
            ProcpsRun.Result r = ProcpsRun.aspace("pmap", "-X", file + "@" + i);
            assertEquals(0, r.code(), r.err());
            PmapParity.assertSame("pmap -X " + file + "@" + i, live.get(i), r.lines());
        }
        ProcpsRun.Result last = ProcpsRun.aspace("pmap", "-X", file + "@-1");
        PmapParity.assertSame("pmap -X " + file + "@-1", live.get(3), last.lines());
    }
}
