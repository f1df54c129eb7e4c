package dev.aspace.backend.linux;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.frames.FrameReport;
import dev.aspace.frames.PagemapEntry;
import dev.aspace.frames.RegionFrames;
import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Virtual pages to physical frames for a live process: pagemap for each page, then kpagecount
 * and kpageflags for each frame (with CAP_SYS_ADMIN), all read in bulk. Without the privilege
 * the pagemap bits alone (present, swapped, exclusive, soft-dirty) are read. Safe from any thread.
 */
public final class FrameReader {

    private final ProcPath proc;
    private final KpageReader kpage;
    /** Decided at the first read, not when the window builds its views. */
    private volatile Boolean privileged;
    private volatile PagemapReader pagemap;
    private volatile long pageSize;

    /** Reads the live /proc; the privilege is checked once, at the first read. */
    public FrameReader() {
        this(ProcPath.SYSTEM, null);
    }

    /** @param privileged whether to read frame numbers, map counts and flags; null: whether this process may */
    public FrameReader(ProcPath proc, Boolean privileged) {
        this.proc = proc;
        this.kpage = new KpageReader(proc);
        this.privileged = privileged;
    }

    /** Whether frame numbers, map counts and flags are read (CAP_SYS_ADMIN). */
    public boolean privileged() {
        Boolean p = privileged;
        if (p == null) {
            p = FramePrivilege.granted(proc);
            privileged = p;
        }
        return p;
    }

    public long pageSize() {
        long size = pageSize;
        if (size == 0) {
            size = PageSize.get();
            pageSize = size;
        }
        return size;
    }

    private PagemapReader pagemap() {
        PagemapReader p = pagemap;
        if (p == null) {
            p = new PagemapReader(proc.proc(""), pageSize(), true);
            pagemap = p;
        }
        return p;
    }

    /**
     * The populated pages of every region of {@code pid} that meets [low, high] (both inclusive,
     * unsigned; 0 and -1 for all), clipped to it.
     */
    public FrameReport read(int pid, long low, long high) {
        List<Region> regions = new LinuxBackend(proc).mappings(pid, MemoryBackend.Detail.MAPS).regions();
        long pageSize = pageSize();
        List<Region> chosen = new ArrayList<>();
        List<long[]> ranges = new ArrayList<>();
        for (Region r : regions) {
            if (Long.compareUnsigned(r.end() - 1, low) < 0 || Long.compareUnsigned(r.start(), high) > 0) {
                continue;
            }
            long from = Long.compareUnsigned(r.start(), low) >= 0 ? r.start() : low - Long.remainderUnsigned(low, pageSize);
            long to = Long.compareUnsigned(r.end() - 1, high) <= 0 ? r.end()
                    : high - Long.remainderUnsigned(high, pageSize) + pageSize;
            chosen.add(r);
            ranges.add(new long[] {from, to});
        }
        return new FrameReport(pid, privileged(), readAll(pid, chosen, ranges));
    }

    /** The populated pages of [start, end) of one region of {@code pid}. */
    public RegionFrames read(int pid, Region region, long start, long end) {
        return readAll(pid, List.of(region), List.<long[]>of(new long[] {start, end})).get(0);
    }

    /**
     * Pagemap region by region, then the kpage files once for all frames: one PFN-ordered pass
     * over the machine's frames, however the regions interleave in physical memory.
     */
    private List<RegionFrames> readAll(int pid, List<Region> regions, List<long[]> ranges) {
        List<PagemapReader.Populated> pages = new ArrayList<>(regions.size());
        int total = 0;
        for (long[] range : ranges) {
            PagemapReader.Populated p = pagemap().populated(pid, range[0], range[1]);
            pages.add(p);
            total += p.entries().length;
        }
        long[] counts = null;
        long[] flags = null;
        if (privileged()) {
            long[] pfns = new long[total];
            long[] shared = new long[total];
            int k = 0;
            for (PagemapReader.Populated p : pages) {
                for (long e : p.entries()) {
                    pfns[k] = PagemapEntry.pfn(e);
                    // pagemap's exclusive bit is the kernel's "precise map count is 1", the same count
                    // kpagecount gives: only frames mapped more than once need their count read
                    shared[k++] = (e & PagemapEntry.EXCLUSIVE) != 0 ? 0 : PagemapEntry.pfn(e);
                }
            }
            counts = new long[total];
            flags = new long[total];
            kpage.read(pfns, shared, total, counts, flags);
            for (int i = 0; i < total; i++) {
                if (pfns[i] != 0 && shared[i] == 0) {
                    counts[i] = 1;
                }
            }
        }
        List<RegionFrames> out = new ArrayList<>(regions.size());
        int at = 0;
        for (int i = 0; i < regions.size(); i++) {
            PagemapReader.Populated p = pages.get(i);
            int n = p.entries().length;
            out.add(new RegionFrames(regions.get(i), ranges.get(i)[0], ranges.get(i)[1], pageSize(), p.addresses(),
                    p.entries(), counts == null ? null : Arrays.copyOfRange(counts, at, at + n),
                    flags == null ? null : Arrays.copyOfRange(flags, at, at + n)));
            at += n;
        }
        return out;
    }
}
