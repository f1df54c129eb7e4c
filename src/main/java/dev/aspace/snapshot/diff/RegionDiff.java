package dev.aspace.snapshot.diff;

import dev.aspace.model.Region;

import java.util.EnumSet;
import java.util.Set;

/**
 * One row of a diff: a region of the first snapshot, its match in the second, and how they
 * differ. {@code before} is null for an added region, {@code after} for a removed one.
 */
public record RegionDiff(Region before, Region after, Set<Change> changes) {

    public RegionDiff {
        changes = Set.copyOf(changes);
    }

    /** How {@code before} became {@code after}; either may be null (added, removed). */
    public static RegionDiff of(Region before, Region after) {
        if (before == null) {
            return new RegionDiff(null, after, EnumSet.of(Change.ADDED));
        }
        if (after == null) {
            return new RegionDiff(before, null, EnumSet.of(Change.REMOVED));
        }
        EnumSet<Change> c = EnumSet.noneOf(Change.class);
        if (!RegionMatcher.sameBacking(before, after)) {
            c.add(Change.BACKING);
        }
        // a stack that grows down keeps its end, a heap that grows up keeps its start, a piece of a
        // split region lies inside it: none of them moved
        if (before.start() != after.start() && before.end() != after.end()
                && !inside(after, before) && !inside(before, after)) {
            c.add(Change.MOVED);
        }
        long delta = after.size() - before.size();
        if (delta > 0) {
            c.add(Change.GROWN);
        } else if (delta < 0) {
            c.add(Change.SHRUNK);
        }
        if (!before.perms().equals(after.perms())) {
            c.add(Change.PERMS);
        }
        boolean measured = before.smaps() != null && after.smaps() != null; // maps-only text has no RSS
        if (measured && (before.rss() != after.rss() || before.pss() != after.pss())) {
            c.add(Change.RESIDENT);
        }
        if (c.isEmpty()) {
            c.add(Change.UNCHANGED);
        }
        return new RegionDiff(before, after, c);
    }

    /** The change that names the row: added/removed, else the first of moved, grown, shrunk, ... */
    public Change primary() {
        for (Change c : Change.values()) {
            if (changes.contains(c)) {
                return c;
            }
        }
        return Change.UNCHANGED;
    }

    public boolean changed() {
        return !changes.contains(Change.UNCHANGED);
    }

    /** after.start - before.start (two's complement: negative when it moved down); 0 when unmatched. */
    public long slide() {
        return before == null || after == null ? 0 : after.start() - before.start();
    }

    public long sizeDelta() {
        return size(after) - size(before);
    }

    /** Change of resident size; 0 when a side was read without smaps (its RSS is unknown). */
    public long rssDelta() {
        return unmeasured() ? 0 : (after == null ? 0 : after.rss()) - (before == null ? 0 : before.rss());
    }

    public long pssDelta() {
        return unmeasured() ? 0 : (after == null ? 0 : after.pss()) - (before == null ? 0 : before.pss());
    }

    private boolean unmeasured() {
        return before != null && before.smaps() == null || after != null && after.smaps() == null;
    }

    /** The region as it is now (after), or as it was when removed. */
    public Region region() {
        return after != null ? after : before;
    }

    private static boolean inside(Region inner, Region outer) {
        return Long.compareUnsigned(inner.start(), outer.start()) >= 0 && Long.compareUnsigned(inner.end(), outer.end()) <= 0;
    }

    private static long size(Region r) {
        return r == null ? 0 : r.size();
    }
}
