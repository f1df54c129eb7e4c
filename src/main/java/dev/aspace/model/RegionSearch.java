package dev.aspace.model;

import java.util.List;

/** Finds the region holding an address among regions sorted by unsigned start, none overlapping. */
public final class RegionSearch {

    private RegionSearch() {
    }

    /**
     * The index of the region containing {@code address}; where none does, {@code -(insertion point) - 1},
     * as {@link java.util.Collections#binarySearch} answers, so a caller can name the gap's neighbours.
     */
    public static int indexOf(List<Region> sorted, long address) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Region r = sorted.get(mid);
            if (Long.compareUnsigned(address, r.start()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(address, r.end()) >= 0) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }
}
