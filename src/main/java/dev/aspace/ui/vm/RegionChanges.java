package dev.aspace.ui.vm;

import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which regions appeared, grew, shrank or vanished between two reads of one process. A region is
 * the same region when it keeps its start (a heap growing up, a mapping extended by the kernel
 * merging a neighbour) or its end (a stack growing down).
 *
 * @param changed  new regions that changed, by start address
 * @param vanished old regions with no successor
 */
public record RegionChanges(Map<Long, RegionChange> changed, List<Region> vanished) {

    public static final RegionChanges NONE = new RegionChanges(Map.of(), List.of());

    public RegionChanges {
        changed = Map.copyOf(changed);
        vanished = List.copyOf(vanished);
    }

    public static RegionChanges between(List<Region> before, List<Region> after) {
        Map<Long, Region> byStart = new HashMap<>(before.size() * 2);
        Map<Long, Region> byEnd = new HashMap<>(before.size() * 2);
        for (Region r : before) {
            byStart.put(r.start(), r);
            byEnd.put(r.end(), r);
        }
        Set<Region> matched = new HashSet<>();
        Map<Long, RegionChange> changed = new HashMap<>();
        for (Region r : after) {
            Region old = byStart.get(r.start());
            if (old == null) {
                old = byEnd.get(r.end());
            }
            if (old == null || matched.contains(old)) {
                changed.put(r.start(), RegionChange.APPEARED);
                continue;
            }
            matched.add(old);
            int cmp = Long.compareUnsigned(r.size(), old.size());
            if (cmp > 0) {
                changed.put(r.start(), RegionChange.GREW);
            } else if (cmp < 0) {
                changed.put(r.start(), RegionChange.SHRANK);
            }
        }
        List<Region> vanished = new ArrayList<>();
        for (Region r : before) {
            if (!matched.contains(r)) {
                vanished.add(r);
            }
        }
        return new RegionChanges(changed, vanished);
    }

    public boolean isEmpty() {
        return changed.isEmpty() && vanished.isEmpty();
    }

    /** The change of a region of the newer read, or null when it did not change. */
    public RegionChange of(Region r) {
        return changed.get(r.start());
    }
}
