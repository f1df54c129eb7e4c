package dev.aspace.frames;

import dev.aspace.model.Region;

import java.util.Arrays;
import java.util.List;

/**
 * The populated pages (present or swapped) of one region, in address order, with their pagemap
 * entries and, read with CAP_SYS_ADMIN, each frame's map count and flags. Sparse: a 1 TiB
 * reservation with three pages touched holds three pages. Arrays are owned (copied in), so an
 * instance is immutable and safe to share between threads.
 *
 * @see PagemapEntry
 */
public final class RegionFrames {

    private final Region region;
    private final long start;
    private final long end;
    private final long pageSize;
    private final long[] addresses;
    private final long[] entries;
    private final long[] mapcounts;
    private final long[] kflags;
    private final boolean privileged;
    private FrameSummary summary;

    /**
     * @param region    the mapping the pages belong to
     * @param start     first address read (page aligned, inside the region)
     * @param end       end of what was read
     * @param mapcounts kpagecount per page, null without the privilege
     * @param kflags    kpageflags per page, null without the privilege
     */
    public RegionFrames(Region region, long start, long end, long pageSize, long[] addresses, long[] entries,
                        long[] mapcounts, long[] kflags) {
        if (addresses.length != entries.length
                || (mapcounts != null && mapcounts.length != addresses.length)
                || (kflags != null && kflags.length != addresses.length)) {
            throw new IllegalArgumentException("one address, entry, map count and flags word per page");
        }
        this.region = region;
        this.start = start;
        this.end = end;
        this.pageSize = pageSize;
        this.addresses = addresses.clone();
        this.entries = entries.clone();
        this.privileged = mapcounts != null && kflags != null;
        this.mapcounts = privileged ? mapcounts.clone() : null;
        this.kflags = privileged ? kflags.clone() : null;
    }

    public Region region() {
        return region;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long pageSize() {
        return pageSize;
    }

    /** Whether frame numbers, map counts and flags were read (CAP_SYS_ADMIN). */
    public boolean privileged() {
        return privileged;
    }

    /** How many populated pages. */
    public int size() {
        return addresses.length;
    }

    public long address(int i) {
        return addresses[i];
    }

    public long entry(int i) {
        return entries[i];
    }

    public PagemapEntry pagemap(int i) {
        return new PagemapEntry(entries[i]);
    }

    /** The frame number; 0 when not present or without the privilege. */
    public long pfn(int i) {
        return privileged ? PagemapEntry.pfn(entries[i]) : 0;
    }

    /** kpagecount: how many page table entries map the frame; -1 when unknown. */
    public long mapcount(int i) {
        return privileged && PagemapEntry.isPresent(entries[i]) ? mapcounts[i] : -1;
    }

    /** The kpageflags word, expanded as page-types -r does; 0 when unknown. */
    public long flags(int i) {
        long k = privileged && PagemapEntry.isPresent(entries[i]) ? kflags[i] : 0;
        return PageFlags.expand(k, entries[i]);
    }

    public List<String> flagNames(int i) {
        return PageFlags.names(flags(i));
    }

    public Sharing sharing(int i) {
        return Sharing.of(entries[i], privileged ? mapcounts[i] : 0, privileged ? kflags[i] : 0, privileged);
    }

    /** The index of the page at {@code address}, or -1 when that page is not populated. */
    public int indexOf(long address) {
        long page = address - Long.remainderUnsigned(address - start, pageSize);
        int i = firstAtOrAfter(page);
        return i < addresses.length && addresses[i] == page ? i : -1;
    }

    /** The index of the first populated page at or above {@code address} ({@link #size()} when none). */
    public int firstAtOrAfter(long address) {
        int lo = 0;
        int hi = addresses.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(addresses[mid], address) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The frame numbers of the present pages, in address order (0s without the privilege). */
    public long[] pfns() {
        return Arrays.stream(entries).filter(PagemapEntry::isPresent).map(e -> privileged ? PagemapEntry.pfn(e) : 0)
                .toArray();
    }

    public synchronized FrameSummary summary() {
        if (summary == null) {
            long present = 0, exclusive = 0, shared = 0, zero = 0, thp = 0, ksm = 0, swapped = 0;
            for (int i = 0; i < entries.length; i++) {
                long e = entries[i];
                if (!PagemapEntry.isPresent(e)) {
                    swapped++;
                    continue;
                }
                present++;
                Sharing s = sharing(i);
                switch (s) {
                    case ZERO -> zero++;
                    case KSM -> ksm++;
                    case SHARED -> shared++;
                    default -> exclusive++;
                }
                if (privileged && PageFlags.has(kflags[i], PageFlags.THP)) {
                    thp++;
                }
            }
            summary = new FrameSummary(present, exclusive, shared, zero, thp, ksm, swapped);
        }
        return summary;
    }
}
