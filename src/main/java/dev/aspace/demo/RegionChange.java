package dev.aspace.demo;

import dev.aspace.model.Region;

/** A region after an experiment, and the region before it that it overlaps most, when they differ. */
public record RegionChange(Region before, Region after) {

    public long sizeDelta() {
        return after.size() - before.size();
    }

    public long rssDelta() {
        return after.rss() - before.rss();
    }

    public long pssDelta() {
        return after.pss() - before.pss();
    }

    /** How much it moved, for ranking changes by interest. */
    long magnitude() {
        return Math.abs(sizeDelta()) + Math.abs(rssDelta()) + Math.abs(pssDelta())
                + (before.perms().equals(after.perms()) ? 0 : Long.MAX_VALUE / 4);
    }
}
