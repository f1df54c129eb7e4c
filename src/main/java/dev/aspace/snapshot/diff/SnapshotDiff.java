package dev.aspace.snapshot.diff;

import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Matches the regions of two snapshots and says how each differs. Pure; the snapshots may be of
 * one process at two moments or of two runs of one program (ASLR: every base differs).
 *
 * <p>Matching, most certain first:
 * <ol>
 * <li>file mappings by file, segment offset and permissions; then by file and offset alone
 *     (an mprotect changed the permissions);</li>
 * <li>named regions ({@code [heap]}, {@code [stack]}, {@code [vdso]}, {@code [anon:x]}) by name;</li>
 * <li>anonymous regions by kind and neighbourhood: the named region below them (their anchor)
 *     and their size; then the anchor and their place among the anonymous regions after it;
 *     then kind and anchor alone;
 *     then by kind and size anywhere;</li>
 * <li>whatever is left, by exact place and size.</li>
 * </ol>
 * Several regions with one key are paired in address order.
 */
public final class SnapshotDiff {

    private SnapshotDiff() {
    }

    public static DiffResult compare(Snapshot a, Snapshot b) {
        return compare(a.regions(), b.regions());
    }

    public static DiffResult compare(List<Region> a, List<Region> b) {
        Region[] match = new Region[a.size()];
        boolean[] usedB = new boolean[b.size()];
        List<String> anchorsA = anchors(a);
        List<String> anchorsB = anchors(b);
        pass(a, b, match, usedB, (r, anchor) -> named(r) ? exactKey(r) : null, anchorsA, anchorsB);
        pass(a, b, match, usedB, (r, anchor) -> isFile(r) ? "F|" + r.path() + "|" + r.offset() : null, anchorsA, anchorsB);
        // text without offsets (pmap's default format): the n-th mapping of the same file
        List<String> segA = segments(a);
        List<String> segB = segments(b);
        pass(a, b, match, usedB, (r, seg) -> seg, segA, segB);
        pass(a, b, match, usedB, (r, anchor) -> named(r) ? null
                : r.kind() + "|" + withoutOrdinal(anchor) + "|" + r.size(), anchorsA, anchorsB);
        pass(a, b, match, usedB, (r, anchor) -> named(r) ? null : r.kind() + "|" + anchor, anchorsA, anchorsB);
        pass(a, b, match, usedB, (r, anchor) -> named(r) ? null : r.kind() + "|" + withoutOrdinal(anchor), anchorsA, anchorsB);
        pass(a, b, match, usedB, (r, anchor) -> named(r) ? null : r.kind() + "|" + r.size(), anchorsA, anchorsB);
        // one side names what the other leaves nameless (pmap's default format prints [vsyscall] as [ anon ])
        pass(a, b, match, usedB, (r, anchor) -> r.rangeText(), anchorsA, anchorsB);

        List<RegionDiff> rows = new ArrayList<>(a.size() + b.size());
        for (int i = 0; i < a.size(); i++) {
            rows.add(RegionDiff.of(a.get(i), match[i]));
        }
        for (int j = 0; j < b.size(); j++) {
            if (!usedB[j]) {
                rows.add(RegionDiff.of(null, b.get(j)));
            }
        }
        rows.sort(Comparator.comparing(RegionDiff::region, (x, y) -> Long.compareUnsigned(x.start(), y.start())));
        return new DiffResult(rows);
    }

    private static String withoutOrdinal(String anchor) {
        int bar = anchor.lastIndexOf('#');
        return bar < 0 ? anchor : anchor.substring(0, bar);
    }

    private static void pass(List<Region> a, List<Region> b, Region[] match, boolean[] usedB,
                             BiFunction<Region, String, String> key, List<String> contextA, List<String> contextB) {
        Map<String, ArrayDeque<Integer>> free = new HashMap<>();
        for (int j = 0; j < b.size(); j++) {
            if (!usedB[j]) {
                String k = key.apply(b.get(j), contextB.get(j));
                if (k != null) {
                    free.computeIfAbsent(k, x -> new ArrayDeque<>()).add(j);
                }
            }
        }
        for (int i = 0; i < a.size(); i++) {
            if (match[i] != null) {
                continue;
            }
            String k = key.apply(a.get(i), contextA.get(i));
            ArrayDeque<Integer> q = k == null ? null : free.get(k);
            if (q != null && !q.isEmpty()) {
                int j = q.poll();
                usedB[j] = true;
                match[i] = b.get(j);
            }
        }
    }

    /**
     * For each region, the identity of the nearest named region at or below it and, for
     * anonymous ones, their ordinal after it: "F|/usr/lib/libc.so.6|2195456#0".
     */
    private static List<String> anchors(List<Region> regions) {
        List<String> out = new ArrayList<>(regions.size());
        String anchor = "start";
        int ordinal = 0;
        for (Region r : regions) {
            if (named(r)) {
                anchor = isFile(r) ? "F|" + r.path() + "|" + r.offset() : "S|" + r.path();
                ordinal = 0;
                out.add(anchor);
            } else {
                out.add(anchor + "#" + ordinal++);
            }
        }
        return out;
    }

    /** "F|libc.so.6|#2" for the third mapping of that file, null for others. */
    private static List<String> segments(List<Region> regions) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(regions.size());
        for (Region r : regions) {
            out.add(isFile(r) ? "F|" + r.path() + "|#" + seen.merge(r.path(), 1, Integer::sum) : null);
        }
        return out;
    }

    private static boolean named(Region r) {
        return !r.path().isEmpty();
    }

    private static boolean isFile(Region r) {
        return !r.path().isEmpty() && !r.path().startsWith("[");
    }

    private static String exactKey(Region r) {
        return isFile(r) ? "F|" + r.path() + "|" + r.offset() + "|" + r.perms().rwx() : "S|" + r.path();
    }
}
