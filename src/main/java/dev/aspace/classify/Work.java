package dev.aspace.classify;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.RegionSearch;

import java.util.Arrays;

/**
 * The regions of one process in ascending address order and the kind and label found so far
 * for each. Passes fill in what they can prove and leave the rest {@link RegionKind#UNCLASSIFIED}.
 */
final class Work {

    final Region[] regions;
    final RegionKind[] kinds;
    final String[] labels;

    Work(Region[] sorted) {
        this.regions = sorted;
        this.kinds = new RegionKind[sorted.length];
        this.labels = new String[sorted.length];
        Arrays.fill(kinds, RegionKind.UNCLASSIFIED);
    }

    int size() {
        return regions.length;
    }

    boolean open(int i) {
        return kinds[i] == RegionKind.UNCLASSIFIED;
    }

    /** Region i with the kind and label found for it. */
    Region classified(int i) {
        return regions[i].classified(kinds[i], labels[i]);
    }

    void set(int i, RegionKind kind, String label) {
        kinds[i] = kind;
        labels[i] = label;
    }

    /** True when region {@code i + 1} exists and begins exactly where region {@code i} ends. */
    boolean adjacentAbove(int i) {
        return i + 1 < regions.length && regions[i + 1].start() == regions[i].end();
    }

    /** Private anonymous memory with no name: {@code 7f2e848d4000-7f2e848e1000 rw-p 00000000 00:00 0}. */
    boolean plainAnonymous(int i) {
        Region r = regions[i];
        return r.path().isEmpty() && r.inode() == 0 && !r.perms().shared();
    }

    /** A {@code ---p} region of plain anonymous memory. */
    boolean anonymousNoAccess(int i) {
        return plainAnonymous(i) && regions[i].perms().none();
    }

    /** Index of the region containing {@code address}, or -1 (binary search over unsigned starts). */
    int indexOf(long address) {
        return Math.max(-1, RegionSearch.indexOf(Arrays.asList(regions), address));
    }
}
