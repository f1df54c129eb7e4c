package dev.aspace.bench;

import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.FrameSummary;
import dev.aspace.snapshot.series.SeriesReader;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the timeline asks of a series, timed: open (index, summaries, frame 0: what it needs to
 * show the first frame), then steps to the next frame (scrubbing forwards), steps back, and jumps
 * to random frames, each the read of one frame as the timeline's background task does it. Run
 * with the window's heap limit ({@code -Xmx512m}); the peak heap after collections is reported.
 * Usage (after a bench build): java -Xmx512m -cp ... dev.aspace.bench.SeriesScrub FILE
 */
public final class SeriesScrub {

    private SeriesScrub() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        SeriesReader r = SeriesReader.open(file);
        long indexed = System.nanoTime() - t0;
        List<FrameSummary> summaries = r.summaries();
        Snapshot first = r.frame(0);
        long opened = System.nanoTime() - t0;
        System.out.printf("%s: %d frames, %d MiB; open + summaries + frame 0 (%d regions): %.0f ms (open/index"
                + " %.0f ms)%n", file, summaries.size(), file.toFile().length() >> 20, first.regions().size(),
                opened / 1e6, indexed / 1e6);
        int n = r.size();
        SplittableRandom random = new SplittableRandom(5);
        int start = n / 2 + random.nextInt(n / 4);
        report("forward, 300 steps of +1", time(r, start, 300, 1, null));
        report("back, 120 steps of -1", time(r, start + 300, 120, -1, null));
        report("random jumps, 200", time(r, 0, 200, 0, random));
        long lastAfterGc = afterLastGc();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap: max %d MiB; live after the last collection of the run %d MiB; after a full"
                + " collection at the end (series still open) %d MiB%n", rt.maxMemory() >> 20, lastAfterGc >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static long[] time(SeriesReader r, int from, int count, int step, SplittableRandom random) {
        long[] ms = new long[count];
        int at = from;
        for (int i = 0; i < count; i++) {
            at = random != null ? random.nextInt(r.size()) : Math.floorMod(at + step, r.size());
            long t = System.nanoTime();
            if (r.frame(at).regions().isEmpty()) {
                throw new IllegalStateException("frame " + at + " has no regions");
            }
            ms[i] = (System.nanoTime() - t) / 1_000;
        }
        return ms;
    }

    private static void report(String what, long[] micros) {
        long[] s = micros.clone();
        Arrays.sort(s);
        System.out.printf("%s: median %.1f ms, p95 %.1f ms, max %.1f ms%n", what, s[s.length / 2] / 1e3,
                s[(int) (s.length * 0.95)] / 1e3, s[s.length - 1] / 1e3);
    }

    private static long afterLastGc() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                sum += p.getCollectionUsage().getUsed();
            }
        }
        return sum;
    }
}
