package dev.aspace.snapshot.diff;

import dev.aspace.model.Region;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Which region of one read is which region of another: the one set of rules behind the diff, the
 * compare view, the live change highlights and the experiments. Pure.
 *
 * <p>Rules, most certain first; each pairs only regions still free, several with one key in
 * address order:
 * <ol>
 * <li>the same range with the same backing ({@link #sameBacking});</li>
 * <li>one process only: the same backing and the same start (a heap growing up, an mprotect of
 *     the tail) or the same end (a stack growing down);</li>
 * <li>named regions ({@code [heap]}, {@code [anon:x]}, a file and its offset and permissions) by
 *     name; file mappings by file and offset; the n-th mapping of a file (text without offsets);</li>
 * <li>between two runs only: anonymous regions by kind and neighbourhood: the named region below
 *     them and their size, then their place after it, then that region alone, then their size
 *     anywhere (within one process an anonymous region is its address: one elsewhere is new);</li>
 * <li>the same range whatever backs it (a file mapped over an anonymous region is the same place
 *     with another backing; text that names what the other leaves nameless);</li>
 * <li>one process only: a region left over is a piece of the old region it overlaps most (split,
 *     merged), so only a range nothing covered before is new. Several new pieces may share one old
 *     region.</li>
 * </ol>
 * Addresses say what a region is only within one address space, so rules 2 and 6 are used only
 * when both reads are of one process, and rule 4 only between two runs (ASLR: every base differs).
 */
public final class RegionMatcher {

    private RegionMatcher() {
    }

    /** A region of the first read and its match in the second; either is null when unmatched. */
    public record Pair(Region before, Region after) {
    }

    /**
     * Every region of both reads in one pair each, except that several pieces of the second may
     * share a region of the first (rule 6): first the matched and removed regions of {@code a} in
     * its order, then the added and split ones of {@code b}.
     */
    public static List<Pair> match(List<Region> a, List<Region> b, boolean sameProcess) {
        Region[] match = new Region[a.size()];
        boolean[] usedB = new boolean[b.size()];
        List<String> none = nulls(Math.max(a.size(), b.size()));
        pass(a, b, match, usedB, (r, x) -> r.start() + "|" + r.end() + "|" + backingKey(r), none, none);
        if (sameProcess) {
            pass(a, b, match, usedB, (r, x) -> "S|" + r.start() + "|" + backingKey(r), none, none);
            pass(a, b, match, usedB, (r, x) -> "E|" + r.end() + "|" + backingKey(r), none, none);
        }
        List<String> anchorsA = anchors(a);
        List<String> anchorsB = anchors(b);
        pass(a, b, match, usedB, (r, anchor) -> named(r) ? exactKey(r) : null, anchorsA, anchorsB);
        pass(a, b, match, usedB, (r, anchor) -> isFile(r) ? "F|" + r.path() + "|" + r.offset() : null, anchorsA, anchorsB);
        pass(a, b, match, usedB, (r, seg) -> seg, segments(a), segments(b));
        if (!sameProcess) {
            pass(a, b, match, usedB, (r, anchor) -> named(r) ? null
                    : r.kind() + "|" + withoutOrdinal(anchor) + "|" + r.size(), anchorsA, anchorsB);
            pass(a, b, match, usedB, (r, anchor) -> named(r) ? null : r.kind() + "|" + anchor, anchorsA, anchorsB);
            pass(a, b, match, usedB, (r, anchor) -> named(r) ? null : r.kind() + "|" + withoutOrdinal(anchor),
                    anchorsA, anchorsB);
            pass(a, b, match, usedB, (r, anchor) -> named(r) ? null : r.kind() + "|" + r.size(), anchorsA, anchorsB);
        }
        pass(a, b, match, usedB, (r, x) -> r.rangeText(), none, none);

        List<Pair> pairs = new ArrayList<>(a.size() + b.size());
        boolean[] pieceOf = new boolean[a.size()];
        List<Pair> rest = new ArrayList<>();
        for (int j = 0; j < b.size(); j++) {
            if (usedB[j]) {
                continue;
            }
            int i = sameProcess ? mostOverlapping(a, b.get(j)) : -1;
            if (i >= 0) {
                pieceOf[i] = true;
            }
            rest.add(new Pair(i < 0 ? null : a.get(i), b.get(j)));
        }
        for (int i = 0; i < a.size(); i++) {
            if (match[i] != null || !pieceOf[i]) {
                pairs.add(new Pair(a.get(i), match[i]));
            }
        }
        pairs.addAll(rest);
        return pairs;
    }

    /**
     * Whether two regions are backed by the same thing: both anonymous memory (named or not, as
     * {@code [heap]} or {@code [anon:x]}: a name is not a backing, and text often leaves it out),
     * or the same file: the same device and inode where both sides know them (else the same
     * path), mapped at a matching offset (an offset that moved with the start, as when the front
     * of a mapping is unmapped, is the same file page).
     */
    public static boolean sameBacking(Region a, Region b) {
        if (isFile(a) != isFile(b)) {
            return false;
        }
        if (!isFile(a)) {
            return true;
        }
        boolean known = a.inode() != 0 && b.inode() != 0;
        boolean sameFile = known ? a.inode() == b.inode() && a.device().equals(b.device()) : a.path().equals(b.path());
        return sameFile && (a.offset() == b.offset() || a.offset() - b.offset() == a.start() - b.start());
    }

    /** The identity of what backs a region, for rules 1 and 2 (offset relative to the start). */
    private static String backingKey(Region r) {
        if (!isFile(r)) {
            return "A";
        }
        String file = r.inode() != 0 ? r.device() + "|" + r.inode() : r.path();
        return "F|" + file + "|" + (r.offset() - r.start());
    }

    private static List<String> nulls(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
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
        if (free.isEmpty()) {
            return;
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

    /** Index of the region of {@code sorted} (by unsigned start) that overlaps {@code r} most, or -1. */
    static int mostOverlapping(List<Region> sorted, Region r) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {  // first region whose end is above r.start
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted.get(mid).end(), r.start()) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int best = -1;
        long bestOverlap = 0;
        for (int i = lo; i < sorted.size() && Long.compareUnsigned(sorted.get(i).start(), r.end()) < 0; i++) {
            Region o = sorted.get(i);
            long from = Long.compareUnsigned(o.start(), r.start()) > 0 ? o.start() : r.start();
            long to = Long.compareUnsigned(o.end(), r.end()) < 0 ? o.end() : r.end();
            long overlap = to - from;
            if (Long.compareUnsigned(overlap, bestOverlap) > 0) {
                best = i;
                bestOverlap = overlap;
            }
        }
        return best;
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

    static boolean isFile(Region r) {
        return !r.path().isEmpty() && !r.path().startsWith("[");
    }

    private static String exactKey(Region r) {
        return isFile(r) ? "F|" + r.path() + "|" + r.offset() + "|" + r.perms().rwx() : "S|" + r.path();
    }

    /** Both reads are of one process (the same pid, known). */
    public static boolean sameProcess(int pidA, int pidB) {
        return pidA != 0 && pidA == pidB;
    }
}
