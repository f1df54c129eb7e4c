package dev.aspace.layout;

import dev.aspace.model.RegionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Fragmentation as Sysinternals VMMap's "Largest" column shows it: the free holes of the user
 * half, the largest of them, and where a new anonymous {@code mmap} of a given size would go.
 * Pure; addresses unsigned.
 */
public final class FreeSpace {

    /** Linux never maps below {@code vm.mmap_min_addr} (65536 by default on x86-64 distributions). */
    public static final long MIN_ADDR = 0x10000;
    private static final long PAGE = 4096;

    /** A free range {@code [start, end)}. */
    public record Hole(long start, long end) {
        public long size() {
            return end - start;
        }
    }

    private final List<Hole> holes;
    private final long userTop;
    private final long mmapTop;

    private FreeSpace(List<Hole> holes, long userTop, long mmapTop) {
        this.holes = holes;
        this.userTop = userTop;
        this.mmapTop = mmapTop;
    }

    /** The free space of a region set (its user half: up to 2^47, or 2^56 with 5-level paging). */
    public static FreeSpace of(RegionSet set) {
        // TASK_SIZE: the last page below the non-canonical hole is never mapped
        long top = set.userTop() - PAGE;
        List<Hole> holes = new ArrayList<>();
        long at = MIN_ADDR;
        long stackStart = -1;
        for (int i = 0; i < set.size(); i++) {
            long s = set.start(i);
            if (Long.compareUnsigned(s, top) >= 0) {
                break; // the kernel half ([vsyscall]) is not the process's to map
            }
            if (Long.compareUnsigned(s, at) > 0) {
                holes.add(new Hole(at, s));
            }
            if (Long.compareUnsigned(set.end(i), at) > 0) {
                at = set.end(i);
            }
            if (stackStart == -1 && set.kind(i) == RegionKind.MAIN_STACK) {
                stackStart = s;
            }
        }
        if (Long.compareUnsigned(at, top) < 0) {
            holes.add(new Hole(at, top));
        }
        return new FreeSpace(List.copyOf(holes), top, mmapTop(set, stackStart, top));
    }

    /**
     * The top of the mmap area, where the kernel's top-down search starts ({@code mm->mmap_base}):
     * not in /proc, but the first mapping the kernel placed (the dynamic loader) ends there, so it
     * is the end of the highest mapping below the main stack.
     */
    private static long mmapTop(RegionSet set, long stackStart, long top) {
        long limit = stackStart == -1 ? top : stackStart;
        long best = -1;
        for (int i = 0; i < set.size(); i++) {
            if (Long.compareUnsigned(set.start(i), limit) >= 0) {
                break;
            }
            best = set.end(i);
        }
        return best == -1 ? limit : best;
    }

    /** The free holes of the user half, lowest first. */
    public List<Hole> holes() {
        return holes;
    }

    /** The largest free hole of the user half (VMMap's "Largest"); null when there is none. */
    public Hole largest() {
        Hole best = null;
        for (Hole h : holes) {
            if (best == null || Long.compareUnsigned(h.size(), best.size()) > 0) {
                best = h;
            }
        }
        return best;
    }

    /** The first address past the user half that can be mapped (TASK_SIZE). */
    public long userTop() {
        return userTop;
    }

    /** Where the kernel's top-down search for a new mapping starts (see {@link #of}). */
    public long mmapTop() {
        return mmapTop;
    }

    /** How many holes could take {@code bytes} (rounded up to whole pages). */
    public int holesFitting(long bytes) {
        long n = pages(bytes);
        int count = 0;
        for (Hole h : holes) {
            if (Long.compareUnsigned(h.size(), n) >= 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Where {@code mmap(NULL, bytes, ...)} would be placed now by Linux's default top-down
     * allocator ({@code vm_unmapped_area} from {@code mmap_base} down): the top of the highest hole
     * below the mmap area's top that is large enough. Null when no hole is. Mappings the kernel
     * aligns to huge pages (anonymous ones of a multiple of 2 MiB on kernels from 6.7) may land
     * lower, at the next 2 MiB boundary.
     */
    public Hole mmapWouldGo(long bytes) {
        long n = pages(bytes);
        for (int i = holes.size() - 1; i >= 0; i--) {
            Hole h = holes.get(i);
            if (Long.compareUnsigned(h.start(), mmapTop) >= 0) {
                continue;
            }
            long end = Long.compareUnsigned(h.end(), mmapTop) < 0 ? h.end() : mmapTop;
            if (Long.compareUnsigned(end - h.start(), n) >= 0) {
                return new Hole(end - n, end);
            }
        }
        return null;
    }

    /**
     * The sizes of mmap that the top-down search would place in the hole holding {@code address}:
     * {lowest exclusive, highest inclusive} in bytes, or null when none would go there (the hole is
     * above the mmap area's top, or a higher hole takes every size it could).
     */
    public long[] mmapSizesLandingIn(long address) {
        long above = 0; // the largest size a higher hole below the mmap top can take
        for (int i = holes.size() - 1; i >= 0; i--) {
            Hole h = holes.get(i);
            long room = Long.compareUnsigned(h.start(), mmapTop) >= 0 ? 0
                    : (Long.compareUnsigned(h.end(), mmapTop) < 0 ? h.end() : mmapTop) - h.start();
            boolean here = Long.compareUnsigned(address, h.start()) >= 0 && Long.compareUnsigned(address, h.end()) < 0;
            if (here) {
                return Long.compareUnsigned(room, above) > 0 ? new long[] {above, room} : null;
            }
            if (Long.compareUnsigned(room, above) > 0) {
                above = room;
            }
        }
        return null;
    }

    private static long pages(long bytes) {
        return Math.max(PAGE, (bytes + PAGE - 1) & -PAGE);
    }
}
