package dev.aspace.frames;

import java.util.ArrayList;
import java.util.List;

/**
 * The bits of {@code /proc/kpageflags} by the names the kernel's tools/mm/page-types.c prints
 * (its long names, without the one-letter prefix). Bits 0-26 are the stable ones of
 * include/uapi/linux/kernel-page-flags.h; 32-41 the kernel-hacking ones; 47-51 and 61-63 are
 * page-types' own slots for overloaded flags and for bits it takes from the pagemap entry. Names
 * come out as {@code page-types -r} gives them: overloaded flags expanded, pagemap bits added.
 */
public final class PageFlags {

    public static final int LOCKED = 0;
    public static final int ERROR = 1;
    public static final int REFERENCED = 2;
    public static final int UPTODATE = 3;
    public static final int DIRTY = 4;
    public static final int LRU = 5;
    public static final int ACTIVE = 6;
    public static final int SLAB = 7;
    public static final int WRITEBACK = 8;
    public static final int RECLAIM = 9;
    public static final int BUDDY = 10;
    public static final int MMAP = 11;
    public static final int ANON = 12;
    public static final int SWAPCACHE = 13;
    public static final int SWAPBACKED = 14;
    public static final int COMPOUND_HEAD = 15;
    public static final int COMPOUND_TAIL = 16;
    public static final int HUGE = 17;
    public static final int UNEVICTABLE = 18;
    public static final int HWPOISON = 19;
    public static final int NOPAGE = 20;
    public static final int KSM = 21;
    public static final int THP = 22;
    public static final int OFFLINE = 23;
    public static final int ZERO_PAGE = 24;
    public static final int IDLE = 25;
    public static final int PGTABLE = 26;
    public static final int RESERVED = 32;
    public static final int MLOCKED = 33;
    public static final int OWNER_2 = 34;
    public static final int PRIVATE = 35;
    public static final int PRIVATE_2 = 36;
    public static final int OWNER_PRIVATE = 37;
    public static final int ARCH = 38;
    public static final int SOFTDIRTY = 40;
    public static final int ARCH_2 = 41;
    public static final int ANON_EXCLUSIVE = 47;
    public static final int READAHEAD = 48;
    public static final int SLUB_FROZEN = 50;
    public static final int SLUB_DEBUG = 51;
    public static final int FILE = 61;
    public static final int SWAP = 62;
    public static final int MMAP_EXCLUSIVE = 63;

    private static final String[] NAMES = new String[64];

    static {
        String[][] table = {
            {"0", "locked"}, {"1", "error"}, {"2", "referenced"}, {"3", "uptodate"}, {"4", "dirty"},
            {"5", "lru"}, {"6", "active"}, {"7", "slab"}, {"8", "writeback"}, {"9", "reclaim"},
            {"10", "buddy"}, {"11", "mmap"}, {"12", "anonymous"}, {"13", "swapcache"}, {"14", "swapbacked"},
            {"15", "compound_head"}, {"16", "compound_tail"}, {"17", "huge"}, {"18", "unevictable"},
            {"19", "hwpoison"}, {"20", "nopage"}, {"21", "ksm"}, {"22", "thp"}, {"23", "offline"},
            {"24", "zero_page"}, {"25", "idle_page"}, {"26", "pgtable"},
            {"32", "reserved"}, {"33", "mlocked"}, {"34", "owner_2"}, {"35", "private"}, {"36", "private_2"},
            {"37", "owner_private"}, {"38", "arch"}, {"40", "softdirty"}, {"41", "arch_2"},
            {"47", "anon_exclusive"}, {"48", "readahead"}, {"50", "slub_frozen"}, {"51", "slub_debug"},
            {"61", "file"}, {"62", "swap"}, {"63", "mmap_exclusive"},
        };
        for (String[] row : table) {
            NAMES[Integer.parseInt(row[0])] = row[1];
        }
    }

    private PageFlags() {
    }

    public static boolean has(long flags, int bit) {
        return (flags & (1L << bit)) != 0;
    }

    /** The page-types name of one bit, or "bitN" for a bit it has no name for. */
    public static String name(int bit) {
        String n = NAMES[bit];
        return n == null ? "bit" + bit : n;
    }

    /**
     * page-types' expand_overloaded_flags: an anonymous page's owner_2 is anon_exclusive, a slab
     * page's active and error are slub_frozen and slub_debug, reclaim without writeback is
     * readahead; the pagemap entry adds softdirty, file, swap and mmap_exclusive.
     */
    public static long expand(long kpageflags, long pagemapEntry) {
        long f = kpageflags;
        if (has(f, ANON) && has(f, OWNER_2)) {
            f ^= (1L << OWNER_2) | (1L << ANON_EXCLUSIVE);
        }
        if (has(f, SLAB)) {
            if (has(f, ACTIVE)) {
                f ^= (1L << ACTIVE) | (1L << SLUB_FROZEN);
            }
            if (has(f, ERROR)) {
                f ^= (1L << ERROR) | (1L << SLUB_DEBUG);
            }
        }
        if ((f & ((1L << RECLAIM) | (1L << WRITEBACK))) == (1L << RECLAIM)) {
            f ^= (1L << RECLAIM) | (1L << READAHEAD);
        }
        if ((pagemapEntry & PagemapEntry.SOFT_DIRTY) != 0) {
            f |= 1L << SOFTDIRTY;
        }
        if ((pagemapEntry & PagemapEntry.FILE_OR_SHARED_ANON) != 0) {
            f |= 1L << FILE;
        }
        if ((pagemapEntry & PagemapEntry.SWAPPED) != 0) {
            f |= 1L << SWAP;
        }
        if ((pagemapEntry & PagemapEntry.EXCLUSIVE) != 0) {
            f |= 1L << MMAP_EXCLUSIVE;
        }
        return f;
    }

    /** The names of the set bits, lowest bit first (page-types' long-symbolic-flags order). */
    public static List<String> names(long flags) {
        List<String> out = new ArrayList<>(Long.bitCount(flags));
        for (long rest = flags; rest != 0; rest &= rest - 1) {
            out.add(name(Long.numberOfTrailingZeros(rest)));
        }
        return out;
    }
}
