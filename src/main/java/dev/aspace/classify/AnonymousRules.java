package dev.aspace.classify;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;

/** Anonymous memory no earlier rule claimed: malloc arenas, guard pages, JIT code, the rest. */
final class AnonymousRules {

    /** glibc HEAP_MAX_SIZE on 64-bit: 2 * DEFAULT_MMAP_THRESHOLD_MAX = 2 * 4 * 1024 * 1024 * sizeof(long). */
    static final long ARENA_64 = 64L << 20;
    /** The same on 32-bit: 2 * 512 KiB. */
    static final long ARENA_32 = 1L << 20;
    /** Guard pages are a few pages (glibc: 1; HotSpot's stack guard zones: a handful); larger holes are reservations. */
    static final long GUARD_MAX = 64L << 10;

    /** "anonymous r--" and the like, by {@link #accessIndex}: made once, not once per region. */
    private static final String[] ANONYMOUS_LABELS = new String[8];

    static {
        for (int i = 0; i < 8; i++) {
            Perms p = Perms.of((i & 4) != 0, (i & 2) != 0, (i & 1) != 0, false);
            ANONYMOUS_LABELS[i] = p.write() ? "anonymous" : "anonymous " + p.rwx();
        }
    }

    private AnonymousRules() {
    }

    private static int accessIndex(Perms p) {
        return (p.read() ? 4 : 0) | (p.write() ? 2 : 0) | (p.exec() ? 1 : 0);
    }

    static void apply(Work w) {
        arenas(w, arenaSize(w));
        stackGuards(w);
        for (int i = 0; i < w.size(); i++) {
            rest(w, i);   // a method per region in each pass: see SpecialNames.apply
        }
    }

    /** A 32-bit process has no address at or above 4 GiB. */
    private static long arenaSize(Work w) {
        if (w.size() == 0) {
            return ARENA_64;
        }
        long top = w.regions[w.size() - 1].end();
        return Long.compareUnsigned(top, 1L << 32) <= 0 ? ARENA_32 : ARENA_64;
    }

    /**
     * glibc's non-main arenas: it maps HEAP_MAX_SIZE aligned to HEAP_MAX_SIZE as PROT_NONE and
     * opens the start read-write as the arena grows, so the pair fills one aligned slot:
     * <pre>
     * 7f4ec4000000-7f4ec4021000 rw-p 00000000 00:00 0
     * 7f4ec4021000-7f4ec8000000 ---p 00000000 00:00 0
     * </pre>
     * Nothing in maps says malloc made it; the shape does, so the label carries a question mark.
     */
    private static void arenas(Work w, long size) {
        String mib = size >= (1L << 20) ? (size >> 20) + " MiB" : (size >> 10) + " KiB";
        for (int i = 0; i < w.size(); i++) {
            arena(w, i, size, mib);
        }
    }

    private static void arena(Work w, int i, long size, String mib) {
        Region r = w.regions[i];
        if (!w.open(i) || !w.plainAnonymous(i) || !readWrite(r.perms()) || (r.start() & (size - 1)) != 0) {
            return;
        }
        if (r.size() == size) {
            w.set(i, RegionKind.MALLOC_ARENA, "malloc arena? (full " + mib + " aligned heap)");
        } else if (Long.compareUnsigned(r.size(), size) < 0 && w.adjacentAbove(i) && w.open(i + 1)
                && w.anonymousNoAccess(i + 1) && w.regions[i + 1].end() - r.start() == size) {
            w.set(i, RegionKind.MALLOC_ARENA, "malloc arena? (" + mib + "-aligned rw-p + ---p)");
            w.set(i + 1, RegionKind.MALLOC_ARENA, "malloc arena reserve? (---p)");
        }
    }

    /**
     * {@code ---p} directly below a stack: glibc's guard page under each thread stack, and below
     * it any further no-access pages (HotSpot's stack guard zones):
     * <pre>
     * 7f2e82ef9000-7f2e82efa000 ---p 00000000 00:00 0     guard page below stack of worker-2
     * 7f2e82efa000-7f2e836fa000 rw-p 00000000 00:00 0     stack of worker-2 (sp 0x7f2e836f8eb0)
     * </pre>
     */
    private static void stackGuards(Work w) {
        for (int i = w.size() - 2; i >= 0; i--) {
            stackGuard(w, i);
        }
    }

    private static void stackGuard(Work w, int i) {
        if (!w.open(i) || !w.anonymousNoAccess(i) || !w.adjacentAbove(i)) {
            return;
        }
        RegionKind above = w.kinds[i + 1];
        if (above == RegionKind.THREAD_STACK || above == RegionKind.MAIN_STACK) {
            w.set(i, RegionKind.GUARD, "guard page below " + w.labels[i + 1]);
        } else if (above == RegionKind.GUARD && w.labels[i + 1].startsWith("guard page below ")) {
            w.set(i, RegionKind.GUARD, w.labels[i + 1]);
        }
    }

    private static void rest(Work w, int i) {
        if (!w.open(i)) {
            return;
        }
        Region r = w.regions[i];
        Perms p = r.perms();
        if (p.exec()) {
            // 7f4f49000000-7f4f494c0000 rwxp 00000000 00:00 0   (HotSpot's code cache)
            w.set(i, RegionKind.EXECUTABLE_ANONYMOUS, "executable anonymous " + p + " (JIT code?)");
        } else if (p.none()) {
            if (isGuardPage(w, i)) {
                // 7f4f48bfc000-7f4f48bfd000 ---p between two rw-p blocks
                w.set(i, RegionKind.GUARD, "guard page");
            } else {
                // 88c00000-d6800000 ---p 00000000 00:00 0   (reserved address space, e.g. a JVM's heap)
                w.set(i, RegionKind.ANONYMOUS, "reserved, no access");
            }
        } else {
            w.set(i, RegionKind.ANONYMOUS, ANONYMOUS_LABELS[accessIndex(p)]);
        }
    }

    /** A small no-access block directly below anonymous memory, or inside an anonymous block. */
    private static boolean isGuardPage(Work w, int i) {
        if (w.regions[i].size() > GUARD_MAX || !w.adjacentAbove(i)) {
            return false;
        }
        Region above = w.regions[i + 1];
        return above.path().isEmpty() && above.inode() == 0 && !above.perms().none();
    }

    private static boolean readWrite(Perms p) {
        return p.read() && p.write() && !p.exec();
    }
}
