package dev.aspace.backend.linux;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.frames.RegionFrames;
import dev.aspace.frames.Residency;
import dev.aspace.model.Region;
import dev.aspace.share.FileSharing;

import java.util.List;

/** {@link FrameBackend} on /proc: pagemap, the kpage files, zoneinfo, and every process's maps and smaps. */
public final class LinuxFrames implements FrameBackend {

    private final ProcPath proc;
    private final PagemapReader pagemap;
    private final FrameReader frames;
    private final ShareReader share;

    /** The live /proc. */
    public LinuxFrames() {
        this(ProcPath.SYSTEM);
    }

    public LinuxFrames(ProcPath proc) {
        this.proc = proc;
        this.pagemap = new PagemapReader(proc.proc(""), 0, true);
        this.frames = new FrameReader(proc, null);
        this.share = new ShareReader(proc);
    }

    @Override
    public boolean privileged() {
        return frames.privileged();
    }

    @Override
    public long pageSize() {
        return frames.pageSize();
    }

    @Override
    public Residency residency(int pid, long start, long end) {
        return pagemap.read(pid, start, end);
    }

    @Override
    public RegionFrames frames(int pid, Region region, long start, long end) {
        return frames.read(pid, region, start, end);
    }

    @Override
    public List<Region> regions(int pid) {
        return new LinuxBackend(proc).mappings(pid, MemoryBackend.Detail.MAPS).regions();
    }

    @Override
    public long frameLimit() {
        return ZoneInfo.frameLimit(proc);
    }

    @Override
    public List<Integer> fileMappers(String path, String perms) {
        return FileMappers.find(proc, path, perms);
    }

    @Override
    public FileSharing fileSharing(String path, String perms, long offset) {
        return share.fileSharing(path, perms, offset);
    }
}
