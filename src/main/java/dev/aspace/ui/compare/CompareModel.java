package dev.aspace.ui.compare;

import dev.aspace.layout.RegionSet;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.snapshot.diff.Change;
import dev.aspace.snapshot.diff.DiffResult;
import dev.aspace.snapshot.diff.RegionDiff;
import dev.aspace.snapshot.diff.SnapshotDiff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the compare view shows, without JavaFX: the snapshots in order, each as a {@link RegionSet}
 * for its ribbon, the diff of every neighbouring pair (its lines join ribbon i to ribbon i+1), and
 * the diff of any chosen pair for the table. Diffs are computed once and kept.
 */
public final class CompareModel {

    /**
     * A line between two ribbons: region {@code from} of ribbon {@code upper} matches region
     * {@code to} of ribbon {@code upper + 1}.
     */
    public record Link(int upper, int from, int to, RegionDiff diff) {
    }

    private final List<Snapshot> snapshots;
    private final List<RegionSet> sets;
    private final List<List<Link>> links;
    private final Map<Long, DiffResult> pairDiffs = new HashMap<>();

    /** @throws IllegalArgumentException with fewer than two snapshots */
    public CompareModel(List<Snapshot> snapshots) {
        if (snapshots.size() < 2) {
            throw new IllegalArgumentException("compare needs two or more snapshots, got " + snapshots.size());
        }
        this.snapshots = List.copyOf(snapshots);
        List<RegionSet> s = new ArrayList<>();
        for (Snapshot snap : this.snapshots) {
            s.add(RegionSet.of(snap.regions()));
        }
        this.sets = List.copyOf(s);
        List<List<Link>> l = new ArrayList<>();
        for (int i = 0; i + 1 < this.snapshots.size(); i++) {
            l.add(links(i, diff(i, i + 1)));
        }
        this.links = List.copyOf(l);
    }

    public int size() {
        return snapshots.size();
    }

    public Snapshot snapshot(int i) {
        return snapshots.get(i);
    }

    public RegionSet regionSet(int i) {
        return sets.get(i);
    }

    /** The lines between ribbon {@code upper} and ribbon {@code upper + 1}. */
    public List<Link> links(int upper) {
        return links.get(upper);
    }

    /** The diff from snapshot a to snapshot b (kept after the first call). */
    public synchronized DiffResult diff(int a, int b) {
        return pairDiffs.computeIfAbsent(((long) a << 32) | b, k -> SnapshotDiff.compare(snapshots.get(a), snapshots.get(b)));
    }

    /** The rows of the table for a pair: every row, or only those that differ. */
    public List<RegionDiff> rows(int a, int b, boolean onlyChanged) {
        DiffResult d = diff(a, b);
        return onlyChanged ? d.changedRows() : d.rows();
    }

    /** Number of rows of a pair carrying a change, e.g. how many regions moved. */
    public long count(int a, int b, Change change) {
        return diff(a, b).count(change);
    }

    /** A short title for a ribbon: "#1 sleep, live pid 4711" or "#2 sleep, pid 4711 from run2.json". */
    public String title(int i) {
        Snapshot s = snapshots.get(i);
        String name = s.process() == null ? "unknown process" : s.process().comm();
        String pid = s.process() == null ? "" : "pid " + s.process().pid();
        String origin;
        if (s.source() == null) {
            origin = pid;
        } else if (s.source().type() == Source.Type.LIVE) {
            origin = "live " + pid;
        } else {
            origin = (pid.isEmpty() ? "" : pid + " from ") + s.source().description();
        }
        return "#" + (i + 1) + " " + name + (origin.isEmpty() ? "" : ", " + origin);
    }

    private List<Link> links(int upper, DiffResult diff) {
        Map<Region, Integer> a = indexOf(snapshots.get(upper).regions());
        Map<Region, Integer> b = indexOf(snapshots.get(upper + 1).regions());
        List<Link> out = new ArrayList<>();
        for (RegionDiff d : diff.rows()) {
            if (d.before() != null && d.after() != null) {
                Integer from = a.get(d.before());
                Integer to = b.get(d.after());
                if (from != null && to != null) {
                    out.add(new Link(upper, from, to, d));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Region objects to their index: the diff hands back the snapshot's own Region instances. */
    private static Map<Region, Integer> indexOf(List<Region> regions) {
        Map<Region, Integer> m = new IdentityHashMap<>(regions.size() * 2);
        for (int i = 0; i < regions.size(); i++) {
            m.put(regions.get(i), i);
        }
        return m;
    }
}
