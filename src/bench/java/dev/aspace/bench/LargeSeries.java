package dev.aspace.bench;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.SeriesHeader;
import dev.aspace.snapshot.series.SeriesWriter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a large series for measuring the window on it, with the real writer, from one real
 * snapshot of a live process: each following frame gives back or touches the pages of a share
 * of its writable one-page regions (what src/test/c/changing_maps.c does, many times faster than
 * a 1 Hz recording could), so frames are deltas or, when most regions change, key frames.
 * Usage (after a bench build): java -cp ... dev.aspace.bench.LargeSeries PID OUT BYTES CHANGED_PER_MILLE
 */
public final class LargeSeries {

    private LargeSeries() {
    }

    public static void main(String[] args) {
        int pid = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long target = Long.parseLong(args[2]);
        int perMille = Integer.parseInt(args[3]);
        Snapshot base = new LinuxBackend().snapshot(pid, MemoryBackend.Detail.SMAPS);
        SplittableRandom random = new SplittableRandom(17);
        List<Region> regions = new ArrayList<>(base.regions());
        long started = System.nanoTime();
        try (SeriesWriter w = SeriesWriter.create(out, new SeriesHeader(base.takenAt(), Duration.ofSeconds(1),
                target + (64L << 20), pid, base.process().comm()), true)) {
            for (int f = 0; w.bytes() < target; f++) {
                if (f > 0) {
                    for (int i = 0; i < regions.size(); i++) {
                        Region r = regions.get(i);
                        if (r.smaps() != null && r.perms().write() && random.nextInt(1000) < perMille) {
                            regions.set(i, r.withSmaps(toggled(r.smaps(), r.size())));
                        }
                    }
                }
                Snapshot s = new Snapshot(base.process(), base.threads(), List.copyOf(regions), base.rollup(),
                        base.memory(), base.machine(), base.takenAt().plusSeconds(f), base.readTime(), base.source(),
                        false, base.cgroup());
                if (!w.append(s).written()) {
                    break;
                }
                if (f % 500 == 0) {
                    System.out.printf("frame %d, %d MiB, %.0f s%n", f, w.bytes() >> 20, (System.nanoTime() - started) / 1e9);
                }
            }
            System.out.printf("%d frames, %d bytes%n", w.frames(), w.bytes());
        }
    }

    /** Resident (one page, dirty, anonymous) when it was not, and given back when it was. */
    private static Smaps toggled(Smaps m, long size) {
        SmapsLayout layout = m.layout();
        long[] v = m.values().clone();
        long page = m.rss() == 0 ? size : 0;
        for (String k : List.of("Rss", "Pss", "Pss_Dirty", "Private_Dirty", "Referenced", "Anonymous")) {
            int i = layout.indexOf(k);
            if (i >= 0) {
                v[i] = page;
            }
        }
        return new Smaps(layout, v, m.vmFlags());
    }
}
