package dev.aspace.snapshot.diff;

import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How each region of two snapshots differs, its regions paired by {@link RegionMatcher}. Pure; the
 * snapshots may be of one process at two moments or of two runs of one program (ASLR: every base
 * differs).
 */
public final class SnapshotDiff {

    private SnapshotDiff() {
    }

    public static DiffResult compare(Snapshot a, Snapshot b) {
        return compare(a.regions(), b.regions(), RegionMatcher.sameProcess(a.process().pid(), b.process().pid()));
    }

    /** Two lists of regions, taken as two runs (addresses say nothing about which region is which). */
    public static DiffResult compare(List<Region> a, List<Region> b) {
        return compare(a, b, false);
    }

    public static DiffResult compare(List<Region> a, List<Region> b, boolean sameProcess) {
        List<RegionDiff> rows = new ArrayList<>(a.size() + b.size());
        for (RegionMatcher.Pair p : RegionMatcher.match(a, b, sameProcess)) {
            rows.add(RegionDiff.of(p.before(), p.after()));
        }
        rows.sort(Comparator.comparing(RegionDiff::region, (x, y) -> Long.compareUnsigned(x.start(), y.start())));
        return new DiffResult(rows);
    }
}
