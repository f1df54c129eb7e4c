package dev.aspace.backend;

import dev.aspace.backend.linux.LinuxFrames;
import dev.aspace.frames.RegionFrames;
import dev.aspace.frames.Residency;
import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.share.FileSharing;

import java.util.List;

/**
 * Where the views behind the abstraction read physical memory: which pages are in RAM, the frames
 * under them and how they are shared, and who maps a file. The Linux implementation reads pagemap,
 * kpagecount, kpageflags and every process's maps and smaps; every method is safe to call from
 * any thread.
 *
 * @see MemoryBackend the address spaces themselves
 */
public interface FrameBackend {

    /** What the CLI and the windows say when frame numbers cannot be read. */
    String NO_FRAME_NUMBERS = "frame numbers need CAP_SYS_ADMIN (root): showing only what pagemap gives"
            + " without it (present, swapped, exclusively mapped, soft-dirty), no PFN, map count or page flags";

    /** This machine's frames: /proc and /sys; the privilege is checked at the first read. */
    static FrameBackend live() {
        return new LinuxFrames();
    }

    /** Whether frame numbers, map counts and flags can be read (CAP_SYS_ADMIN). */
    boolean privileged();

    /** The machine's page size in bytes. */
    long pageSize();

    /**
     * Which pages of [start, end) of {@code pid} are present or swapped.
     *
     * @throws dev.aspace.model.ProcessGoneException  no such process
     * @throws dev.aspace.model.AccessDeniedException not allowed to read its pagemap
     */
    Residency residency(int pid, long start, long end);

    /**
     * The populated pages of [start, end) of one region of {@code pid}, with their frames when
     * {@link #privileged()}.
     *
     * @throws dev.aspace.model.ProcessGoneException no such process
     */
    RegionFrames frames(int pid, Region region, long start, long end);

    /**
     * The populated pages of [start, end) of {@code pid}, whichever mappings they are in: the
     * range read as one region of its own, for a view of pages rather than of a mapping.
     *
     * @throws dev.aspace.model.ProcessGoneException no such process
     */
    default RegionFrames frames(int pid, long start, long end) {
        Region range = Region.unclassified(start, end, Perms.parse("---p"), 0, "", 0, "", null);
        return frames(pid, range, start, end);
    }

    /**
     * The regions of {@code pid} as the kernel lists them, unclassified: one read of its maps.
     *
     * @throws dev.aspace.model.ProcessGoneException no such process
     */
    List<Region> regions(int pid);

    /** One past the highest frame number of the machine. */
    long frameLimit();

    /** The processes mapping {@code path} with these permissions ("r-xp"), in pid order. */
    List<Integer> fileMappers(String path, String perms);

    /** Every process mapping this part of the file, with its RSS and PSS, and those that could not be read. */
    FileSharing fileSharing(String path, String perms, long offset);
}
