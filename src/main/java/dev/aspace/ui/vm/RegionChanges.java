package dev.aspace.ui.vm;

import dev.aspace.model.Region;
import dev.aspace.snapshot.diff.Change;
import dev.aspace.snapshot.diff.RegionDiff;
import dev.aspace.snapshot.diff.RegionMatcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which regions appeared, grew, shrank, were replaced or vanished between two reads of one
 * process, the regions paired by {@link RegionMatcher} (the rules the diff and the experiments
 * use). A region now backed by something else (a file mapped over anonymous memory) is replaced;
 * one that moved is shown as appeared where it is and vanished where it was.
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
        Map<Long, RegionChange> changed = new HashMap<>();
        List<Region> vanished = new ArrayList<>();
        for (RegionMatcher.Pair p : RegionMatcher.match(before, after, true)) {
            RegionDiff d = RegionDiff.of(p.before(), p.after());
            Region r = p.after();
            if (r == null) {
                vanished.add(p.before());
            } else if (d.changes().contains(Change.ADDED)) {
                changed.put(r.start(), RegionChange.APPEARED);
            } else if (d.changes().contains(Change.BACKING)) {
                changed.put(r.start(), RegionChange.REPLACED);
            } else if (d.changes().contains(Change.MOVED)) {
                changed.put(r.start(), RegionChange.APPEARED);
                vanished.add(p.before());
            } else if (d.changes().contains(Change.GROWN)) {
                changed.put(r.start(), RegionChange.GREW);
            } else if (d.changes().contains(Change.SHRUNK)) {
                changed.put(r.start(), RegionChange.SHRANK);
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
