package dev.aspace.frames;

import java.util.List;

/**
 * The frames of a process (or of a range of it): one {@link RegionFrames} per region read, in
 * address order, and whether frame numbers could be read.
 *
 * @param privileged false when the reader lacked CAP_SYS_ADMIN: no PFN, map count or flags
 */
public record FrameReport(int pid, boolean privileged, List<RegionFrames> regions) {

    public FrameReport {
        regions = List.copyOf(regions);
    }

    public FrameSummary total() {
        FrameSummary t = FrameSummary.EMPTY;
        for (RegionFrames r : regions) {
            t = t.plus(r.summary());
        }
        return t;
    }

    public long pages() {
        long n = 0;
        for (RegionFrames r : regions) {
            n += r.size();
        }
        return n;
    }
}
