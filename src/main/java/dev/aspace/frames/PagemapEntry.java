package dev.aspace.frames;

/**
 * One 64-bit entry of {@code /proc/PID/pagemap}, decoded as the kernel's
 * Documentation/admin-guide/mm/pagemap.rst lays it out: bits 0-54 the frame number (PFN) when
 * present, or bits 0-4 swap type and 5-54 swap offset when swapped; 55 soft-dirty; 56 exclusively
 * mapped; 57 uffd write-protected; 58 guard region; 61 file page or shared anonymous; 62 swapped;
 * 63 present. Without CAP_SYS_ADMIN the kernel reports PFN 0 (Linux 4.2+), the other bits stay true.
 *
 * <p>The static methods work on the raw value, so a million pages need no objects.
 */
public record PagemapEntry(long raw) {

    public static final long PFN_MASK = (1L << 55) - 1;
    public static final long SOFT_DIRTY = 1L << 55;
    public static final long EXCLUSIVE = 1L << 56;
    public static final long UFFD_WP = 1L << 57;
    public static final long GUARD = 1L << 58;
    public static final long FILE_OR_SHARED_ANON = 1L << 61;
    public static final long SWAPPED = 1L << 62;
    public static final long PRESENT = 1L << 63;
    private static final int SWAP_TYPE_BITS = 5;

    public static boolean isPresent(long raw) {
        return (raw & PRESENT) != 0;
    }

    public static boolean isSwapped(long raw) {
        return (raw & SWAPPED) != 0;
    }

    /** Present or swapped: the page has content somewhere. */
    public static boolean isPopulated(long raw) {
        return (raw & (PRESENT | SWAPPED)) != 0;
    }

    /** The frame number, or 0 when not present (or when the reader lacks CAP_SYS_ADMIN). */
    public static long pfn(long raw) {
        return isPresent(raw) ? raw & PFN_MASK : 0;
    }

    public boolean present() {
        return isPresent(raw);
    }

    public boolean swapped() {
        return isSwapped(raw);
    }

    public long pfn() {
        return pfn(raw);
    }

    /** Which swap area (index into /proc/swaps), or -1 when not swapped. */
    public int swapType() {
        return swapped() ? (int) (raw & ((1 << SWAP_TYPE_BITS) - 1)) : -1;
    }

    /** The page's slot in its swap area, or -1 when not swapped. */
    public long swapOffset() {
        return swapped() ? (raw & PFN_MASK) >>> SWAP_TYPE_BITS : -1;
    }

    public boolean softDirty() {
        return (raw & SOFT_DIRTY) != 0;
    }

    /** The page is mapped exactly once (its map count is 1). */
    public boolean exclusive() {
        return (raw & EXCLUSIVE) != 0;
    }

    public boolean uffdWriteProtected() {
        return (raw & UFFD_WP) != 0;
    }

    public boolean guard() {
        return (raw & GUARD) != 0;
    }

    public boolean fileOrSharedAnon() {
        return (raw & FILE_OR_SHARED_ANON) != 0;
    }
}
