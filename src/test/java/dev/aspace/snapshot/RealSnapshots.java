package dev.aspace.snapshot;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.importers.TextImport;
import dev.aspace.testutil.Fixtures;

import java.util.List;

/** Snapshots made of real data: a live process read by LinuxBackend, captured pmap text. */
final class RealSnapshots {

    private RealSnapshots() {
    }

    /** A live process as LinuxBackend reads it: smaps, rollup, threads, classified; memory and machine setup. */
    static Snapshot live(int pid) {
        return new LinuxBackend().snapshot(pid, MemoryBackend.Detail.SMAPS);
    }

    /** pmap -XX text from Ubuntu 18.04 (every smaps column and VmFlags), with the sums as its rollup. */
    static Snapshot importedWithSmaps() {
        Snapshot s = TextImport.with(List.of())
                .read(Fixtures.path("pmapXX-01-ubuntu18.04-procps3.3.12-VmFlagsMapping-joined.txt"), 1024)
                .snapshot();
        return new Snapshot(s.process(), s.threads(), s.regions(), sums(s.regions()), s.memory(), s.machine(),
                s.takenAt(), s.readTime(), s.source());
    }

    private static Smaps sums(List<Region> regions) {
        SmapsLayout layout = regions.get(0).smaps().layout();
        long[] total = new long[layout.size()];
        for (Region r : regions) {
            for (int i = 0; i < total.length; i++) {
                total[i] += r.smaps().value(i);
            }
        }
        return new Smaps(layout, total, List.of());
    }
}
