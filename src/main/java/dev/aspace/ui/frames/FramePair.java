package dev.aspace.ui.frames;

import dev.aspace.backend.FrameBackend;
import dev.aspace.frames.PagemapEntry;
import dev.aspace.frames.RegionFrames;
import dev.aspace.model.ByteSize;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One reading for the physical view: the selected region's frames, the frames of the matching
 * region of another process (the same addresses in a fork; the same file and permissions
 * elsewhere), the machine's frame space, and the sharing line. Read off the FX thread.
 *
 * @param b           the other process's region, or null when there is none to compare with
 * @param frameLimit  one past the highest frame number of the machine
 * @param shared      frames mapped by both regions
 * @param sharingLine "libc.so.6 text, 1.3 MiB: mapped by 97 processes; here RSS 1.2 MiB, PSS 22 KiB"
 */
public record FramePair(int pidA, RegionFrames a, int pidB, RegionFrames b, long frameLimit, int shared, String sharingLine) {

    /**
     * Reads the pair.
     *
     * @param other the other process, or 0 to find one: a fork of the memory-user, else another process mapping the file
     */
    public static FramePair read(FrameBackend backend, int pid, Region region, List<Integer> forks, int other) {
        RegionFrames a = backend.frames(pid, region, region.start(), region.end());
        boolean file = region.inode() != 0 && region.path().startsWith("/");
        List<Integer> mappers = file ? backend.fileMappers(region.path(), region.perms().toString()) : List.of();
        int pidB = other;
        if (pidB == 0) {
            pidB = !forks.isEmpty() ? forks.get(0) : mappers.stream().filter(p -> p != pid).findFirst().orElse(0);
        }
        RegionFrames b = null;
        if (pidB > 0 && forks.contains(pidB)) {
            b = sameRange(backend, pidB, region);
        } else if (pidB > 0) {
            Region match = match(backend, pidB, region);
            if (match != null) {
                b = backend.frames(pidB, match, match.start(), match.end());
            }
        }
        int shared = 0;
        if (b != null && a.privileged()) {
            Set<Long> frames = new HashSet<>();
            for (int i = 0; i < a.size(); i++) {
                if (PagemapEntry.isPresent(a.entry(i))) {
                    frames.add(a.pfn(i));
                }
            }
            for (int i = 0; i < b.size(); i++) {
                if (PagemapEntry.isPresent(b.entry(i)) && frames.contains(b.pfn(i))) {
                    shared++;
                }
            }
        }
        return new FramePair(pid, a, pidB, b, backend.frameLimit(), shared, sharingLine(region, a, mappers));
    }

    /** A fork has its parent's layout: the same range of it, or null once it is gone. */
    private static RegionFrames sameRange(FrameBackend backend, int fork, Region region) {
        try {
            return backend.frames(fork, region, region.start(), region.end());
        } catch (ProcessGoneException e) {
            return null;
        }
    }

    /** The region of {@code pid} at the same addresses (a fork), else with the same file, permissions and offset. */
    static Region match(FrameBackend backend, int pid, Region region) {
        List<Region> regions;
        try {
            regions = backend.regions(pid);
        } catch (RuntimeException e) {
            return null;
        }
        for (Region r : regions) {
            if (r.start() == region.start() && r.end() == region.end() && r.path().equals(region.path())) {
                return r;
            }
        }
        for (Region r : regions) {
            if (!region.path().isEmpty() && r.path().equals(region.path()) && r.perms().equals(region.perms())
                    && r.offset() == region.offset()) {
                return r;
            }
        }
        return null;
    }

    /** "libc.so.6 text, 1.3 MiB": the file's name, which part of it the region maps, the region's size. */
    static String title(Region region) {
        String name = !region.path().isEmpty() ? region.path().substring(region.path().lastIndexOf('/') + 1)
                : region.kind() == RegionKind.UNCLASSIFIED && !region.label().isEmpty() ? region.label() // a block's range
                : "anonymous memory";
        String part = region.perms().exec() ? "text" : region.perms().write() ? "data" : "read-only data";
        return name + " " + part + ", " + ByteSize.format(region.size());
    }

    /** "libc.so.6 text, 1.3 MiB: mapped by 97 processes; here RSS 1.2 MiB, PSS 22 KiB". */
    static String sharingLine(Region region, RegionFrames a, List<Integer> mappers) {
        StringBuilder sb = new StringBuilder(title(region));
        if (!mappers.isEmpty()) {
            sb.append(": mapped by ").append(mappers.size()).append(mappers.size() == 1 ? " process" : " processes");
        }
        long rss = 0;
        double pss = 0;
        for (int i = 0; i < a.size(); i++) {
            if (PagemapEntry.isPresent(a.entry(i))) {
                rss += a.pageSize();
                pss += a.privileged() ? a.pageSize() / (double) Math.max(1, a.mapcount(i)) : 0;
            }
        }
        if (region.smaps() != null) {
            rss = region.smaps().rss();
            pss = region.smaps().pss();
        }
        sb.append("; here RSS ").append(ByteSize.format(rss));
        if (region.smaps() != null || a.privileged()) {
            sb.append(", PSS ").append(ByteSize.format((long) pss));
        }
        return sb.toString();
    }
}
