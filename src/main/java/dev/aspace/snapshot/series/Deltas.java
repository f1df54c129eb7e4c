package dev.aspace.snapshot.series;

import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two frames, and the frame rebuilt from the one before and its changes.
 * A region is identified by its start: one that is gone is listed in {@code removed}; one that
 * is new or differs in anything (end, permissions, backing, smaps figures, kind, label) is
 * written whole as a row. Regions that did not change are shared, object for object, between
 * the frames rebuilt, so a cache of many frames costs little more than one.
 */
final class Deltas {

    private Deltas() {
    }

    record Change(List<Region> rows, long[] removed) {
    }

    static Change between(List<Region> before, List<Region> after) {
        Map<Long, Region> old = new HashMap<>(before.size() * 2);
        for (Region r : before) {
            old.put(r.start(), r);
        }
        List<Region> rows = new ArrayList<>();
        for (Region r : after) {
            Region was = old.remove(r.start());
            if (!r.equals(was)) {
                rows.add(r);
            }
        }
        Set<Long> replaced = new HashSet<>();
        for (Region r : rows) {
            replaced.add(r.start());
        }
        long[] removed = old.keySet().stream().filter(s -> !replaced.contains(s)).mapToLong(Long::longValue)
                .sorted().toArray();
        return new Change(rows, removed);
    }

    /**
     * The regions of a frame: those before, less the removed and the replaced, merged with the
     * rows, in address order. One pass over three lists in address order (the frame before, the
     * rows, the removed starts; every reader of frames checks the first two are), with no set of
     * boxed starts: rebuilding a frame of 60,000 regions spent a sixth of its time hashing them.
     *
     * @throws IllegalArgumentException the change does not fit the regions before (a removed start
     *         that is not there, or regions that end up overlapping, as lists out of order do)
     */
    static List<Region> apply(List<Region> before, List<Region> rows, long[] removed) {
        long[] gone = new long[removed.length];
        for (int k = 0; k < removed.length; k++) {
            gone[k] = removed[k] ^ Long.MIN_VALUE; // sorted as signed, these are in unsigned order
        }
        Arrays.sort(gone);
        List<Region> out = new ArrayList<>(before.size() + rows.size());
        int j = 0;
        int g = 0;
        for (Region r : before) {
            long start = r.start();
            if (g < gone.length && Long.compareUnsigned(gone[g] ^ Long.MIN_VALUE, start) < 0) {
                throw new IllegalArgumentException("it removes regions the frame before does not have");
            }
            boolean dropped = false;
            if (g < gone.length && (gone[g] ^ Long.MIN_VALUE) == start) {
                g++;
                dropped = true;
            }
            while (j < rows.size() && Long.compareUnsigned(rows.get(j).start(), start) < 0) {
                add(out, rows.get(j++));
            }
            if (!dropped && !(j < rows.size() && rows.get(j).start() == start)) {
                add(out, r);
            }
        }
        if (g < gone.length) {
            throw new IllegalArgumentException("it removes regions the frame before does not have");
        }
        while (j < rows.size()) {
            add(out, rows.get(j++));
        }
        return out;
    }

    private static void add(List<Region> out, Region r) {
        if (!out.isEmpty() && Long.compareUnsigned(r.start(), out.get(out.size() - 1).end()) < 0) {
            throw new IllegalArgumentException("region " + r.rangeText() + " overlaps "
                    + out.get(out.size() - 1).rangeText() + " of the frame before");
        }
        out.add(r);
    }
}
