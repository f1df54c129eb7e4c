package dev.aspace.demo;

import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes an {@link ExperimentResult} from two snapshots of the child and two readings of free. */
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
        Map<Long, Region> old = new HashMap<>();
        for (Region r : before.regions()) {
            old.put(r.start(), r);
        }
        List<Region> added = new ArrayList<>();
        List<RegionChange> changed = new ArrayList<>();
        Map<Long, Region> now = new HashMap<>();
        for (Region r : after.regions()) {
            now.put(r.start(), r);
            Region o = old.get(r.start());
            if (o == null) {
                added.add(r);
            } else if (differs(o, r)) {
                changed.add(new RegionChange(o, r));
            }
        }
        List<Region> removed = new ArrayList<>();
        for (Region r : before.regions()) {
            if (!now.containsKey(r.start())) {
                removed.add(r);
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

    private static boolean differs(Region a, Region b) {
        return a.end() != b.end() || !a.perms().equals(b.perms()) || a.rss() != b.rss() || a.pss() != b.pss()
                || !a.path().equals(b.path());
    }
}
