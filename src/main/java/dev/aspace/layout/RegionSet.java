package dev.aspace.layout;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;

import java.util.List;

/**
 * A snapshot's regions as primitive arrays, checked once (sorted, not overlapping) and then laid
 * out as often as the view changes. Build one per snapshot and keep it: every layout of the same
 * regions reuses its arrays and its whole-space log scale (used to pan and zoom the log ribbon).
 * Immutable and safe to share between threads.
 */
public final class RegionSet {

    /** x86-64 with 4-level paging: the user half ends here, the kernel half starts at -2^47. */
    static final long USER_TOP_48 = 0x0000_8000_0000_0000L;
    static final long KERNEL_BASE_48 = 0xffff_8000_0000_0000L;
    /** 5-level paging (la57): 56-bit halves. */
    static final long USER_TOP_57 = 0x0100_0000_0000_0000L;
    static final long KERNEL_BASE_57 = 0xff00_0000_0000_0000L;

    private final List<Region> regions;
    final long[] starts;
    final long[] ends;
    final byte[] perms;
    final byte[] kinds;
    final long userTop;
    final long kernelBase;
    private volatile RibbonLayout wholeLog;

    private RegionSet(List<Region> regions) {
        int n = regions.size();
        this.regions = regions;
        this.starts = new long[n];
        this.ends = new long[n];
        this.perms = new byte[n];
        this.kinds = new byte[n];
        boolean la57 = false;
        long prevEnd = 0;
        for (int i = 0; i < n; i++) {
            Region r = regions.get(i);
            long s = r.start();
            long e = r.end();
            if (i > 0 && Long.compareUnsigned(s, prevEnd) < 0) {
                throw new IllegalArgumentException("regions must be sorted and not overlap: region " + i + " ("
                        + r.rangeText() + ") starts below the end of region " + (i - 1) + " (" + Long.toHexString(prevEnd) + ")");
            }
            starts[i] = s;
            ends[i] = e;
            perms[i] = (byte) permIndex(r.perms());
            kinds[i] = (byte) r.kind().ordinal();
            la57 |= Long.compareUnsigned(e - 1, USER_TOP_48) >= 0 && Long.compareUnsigned(s, KERNEL_BASE_48) < 0;
            prevEnd = e;
        }
        // a mapping inside the 47-bit hole means this machine has 57-bit addresses
        this.userTop = la57 ? USER_TOP_57 : USER_TOP_48;
        this.kernelBase = la57 ? KERNEL_BASE_57 : KERNEL_BASE_48;
    }

    /**
     * Checks and copies the regions' addresses.
     *
     * @throws IllegalArgumentException when regions are not sorted by start or overlap
     */
    public static RegionSet of(List<Region> sortedRegions) {
        return new RegionSet(List.copyOf(sortedRegions));
    }

    public int size() {
        return starts.length;
    }

    public List<Region> regions() {
        return regions;
    }

    public Region region(int i) {
        return regions.get(i);
    }

    /**
     * The kind of region i, from a byte array: loops over every region that need only the kind
     * (a ribbon looking for landmarks) stay out of 60,000 scattered Region objects.
     */
    public RegionKind kind(int i) {
        return KINDS[kinds[i]];
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    /** First address of the non-canonical hole on this machine (2^47, or 2^56 with la57). */
    public long userTop() {
        return userTop;
    }

    /** First address of the kernel half on this machine. */
    public long kernelBase() {
        return kernelBase;
    }

    /** Index of the first region whose last byte is at or above {@code address}; size() if none. */
    public int firstEndingAfter(long address) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(ends[mid] - 1, address) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the last region starting at or below {@code address}; -1 if none. */
    public int lastStartingAtOrBefore(long address) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** Index of the region containing {@code address}, or -1 when it is in a gap. */
    public int indexOf(long address) {
        int i = lastStartingAtOrBefore(address);
        return i >= 0 && Long.compareUnsigned(address, ends[i]) < 0 ? i : -1;
    }

    /** The log ribbon of the whole space, one unit of length per pixel: the coordinate log pan and zoom move in. */
    RibbonLayout wholeLog() {
        RibbonLayout w = wholeLog;
        if (w == null) {
            w = RibbonLayout.layout(this, Viewport.whole(1.0e9), Scale.LOG);
            wholeLog = w;
        }
        return w;
    }

    static int permIndex(Perms p) {
        return (p.read() ? 8 : 0) | (p.write() ? 4 : 0) | (p.exec() ? 2 : 0) | (p.shared() ? 1 : 0);
    }

    static Perms permOf(int index) {
        return Perms.of((index & 8) != 0, (index & 4) != 0, (index & 2) != 0, (index & 1) != 0);
    }

    static final RegionKind[] KINDS = RegionKind.values();
}
