package dev.aspace.demo;

import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;
import dev.aspace.snapshot.diff.RegionDiff;
import dev.aspace.snapshot.diff.RegionMatcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes an {@link ExperimentResult} from two snapshots of the child and two readings of free,
 * the regions paired by {@link RegionMatcher}: a region that only shrank, grew, split or merged
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
        List<Region> added = new ArrayList<>();
        List<Region> removed = new ArrayList<>();
        List<RegionChange> changed = new ArrayList<>();
        for (RegionMatcher.Pair p : RegionMatcher.match(before.regions(), after.regions(), true)) {
            if (p.before() == null) {
                added.add(p.after());
            } else if (p.after() == null) {
                removed.add(p.before());
            } else if (RegionDiff.of(p.before(), p.after()).changed()) {
                changed.add(new RegionChange(p.before(), p.after()));
            }
        }
        changed.sort(Comparator.comparingLong(RegionChange::magnitude).reversed());
        Optional<Region> focus = Optional.empty();
        if (focusAddress != 0) {
            focus = after.regions().stream().filter(r -> r.contains(focusAddress)).findFirst();
        }
        if (focus.isEmpty()) {
            focus = added.stream().max(Comparator.comparingLong(Region::size));
        }
        return new ExperimentResult(experiment, expectation, action, before, after, added, removed, changed,
                new MemoryDelta(memBefore, memAfter), focus);
    }

    /** The region before the experiment that {@code after} is a change of, or null when it is new or unchanged. */
    static Region prior(ExperimentResult result, Region after) {
        for (RegionChange c : result.changed()) {
            if (c.after().equals(after)) {
                return c.before();
            }
        }
        return null;
    }
}
