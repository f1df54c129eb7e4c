package dev.aspace.demo;

import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes an {@link ExperimentResult} from two snapshots of the child and two readings of free.
 * Regions are matched by overlap, not by start: a region that only shrank, grew, split or merged
 * (mprotect inside a block; the kernel merging a new mmap with its neighbour; the JVM committing
 * part of a reservation) is a change of the region it overlaps, and only a range that nothing
 * covered before is new.
 */
public final class ExperimentDiff {

    private ExperimentDiff() {
    }

    /**
     * @param focusAddress an address the experiment is about (the block), or 0: the region holding
     *                     it after the experiment becomes the focus; else the biggest new region
     */
    public static ExperimentResult compute(Experiment experiment, String expectation, String action,
                                           Snapshot before, Snapshot after, SystemMemory memBefore,
                                           SystemMemory memAfter, long focusAddress) {
        List<Region> old = before.regions();
        List<Region> now = after.regions();
        List<Region> added = new ArrayList<>();
        List<RegionChange> changed = new ArrayList<>();
        for (Region r : now) {
            Region o = mostOverlapping(old, r);
            if (o == null) {
                added.add(r);
            } else if (differs(o, r)) {
                changed.add(new RegionChange(o, r));
            }
        }
        List<Region> removed = new ArrayList<>();
        for (Region r : old) {
            if (mostOverlapping(now, r) == null) {
                removed.add(r);
            }
        }
        changed.sort(Comparator.comparingLong(RegionChange::magnitude).reversed());
        Optional<Region> focus = Optional.empty();
        if (focusAddress != 0) {
            focus = now.stream().filter(r -> r.contains(focusAddress)).findFirst();
        }
        if (focus.isEmpty()) {
            focus = added.stream().max(Comparator.comparingLong(Region::size));
        }
        return new ExperimentResult(experiment, expectation, action, before, after, added, removed, changed,
                new MemoryDelta(memBefore, memAfter), focus);
    }

    /** The region of {@code sorted} (by unsigned start) that overlaps {@code r} most, or null. */
    static Region mostOverlapping(List<Region> sorted, Region r) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {  // first region whose end is above r.start
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted.get(mid).end(), r.start()) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Region best = null;
        long bestOverlap = 0;
        for (int i = lo; i < sorted.size() && Long.compareUnsigned(sorted.get(i).start(), r.end()) < 0; i++) {
            Region o = sorted.get(i);
            long from = Long.compareUnsigned(o.start(), r.start()) > 0 ? o.start() : r.start();
            long to = Long.compareUnsigned(o.end(), r.end()) < 0 ? o.end() : r.end();
            long overlap = to - from;
            if (Long.compareUnsigned(overlap, bestOverlap) > 0) {
                best = o;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private static boolean differs(Region a, Region b) {
        return a.start() != b.start() || a.end() != b.end() || !a.perms().equals(b.perms()) || a.rss() != b.rss()
                || a.pss() != b.pss() || !a.path().equals(b.path());
    }
}
