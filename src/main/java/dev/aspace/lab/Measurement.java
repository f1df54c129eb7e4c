package dev.aspace.lab;

import dev.aspace.frames.FrameMatch;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;
import dev.aspace.snapshot.locate.Location;

import java.util.List;

/**
 * What one lab action measured on this machine: the system's memory and (where the action
 * concerns a process) its address space, before and after.
 *
 * @param memoryBefore free's figures before the action
 * @param memoryAfter  free's figures after it
 * @param before       the process before the action, or null when the action has no process
 * @param after        the process after the action, or null
 * @param sizeBytes    the size the action asked for (an allocation), or 0
 * @param cgroup       the cgroup the action ran in, read when it ended, or null
 * @param pointers     what the process's own pointers are (main, a global, a heap block, a local), or empty
 * @param frames       two processes' pages compared frame by frame, one per moment measured, or empty
 */
public record Measurement(SystemMemory memoryBefore, SystemMemory memoryAfter, Snapshot before, Snapshot after,
                          long sizeBytes, CgroupMemory cgroup, List<Location> pointers, List<FrameMatch> frames) {

    public Measurement {
        pointers = List.copyOf(pointers);
        frames = List.copyOf(frames);
    }

    /** Without frames. */
    public Measurement(SystemMemory memoryBefore, SystemMemory memoryAfter, Snapshot before, Snapshot after,
                       long sizeBytes, CgroupMemory cgroup, List<Location> pointers) {
        this(memoryBefore, memoryAfter, before, after, sizeBytes, cgroup, pointers, List.of());
    }

    /** Without pointers. */
    public Measurement(SystemMemory memoryBefore, SystemMemory memoryAfter, Snapshot before, Snapshot after,
                       long sizeBytes, CgroupMemory cgroup) {
        this(memoryBefore, memoryAfter, before, after, sizeBytes, cgroup, List.of());
    }

    /** Without a cgroup: the action ran in the app's own. */
    public Measurement(SystemMemory memoryBefore, SystemMemory memoryAfter, Snapshot before, Snapshot after,
                       long sizeBytes) {
        this(memoryBefore, memoryAfter, before, after, sizeBytes, null);
    }

    public long usedDelta() {
        return memoryAfter.used() - memoryBefore.used();
    }

    public long freeDelta() {
        return memoryAfter.memFree() - memoryBefore.memFree();
    }

    public long availableDelta() {
        return memoryAfter.available() - memoryBefore.available();
    }

    public long buffCacheDelta() {
        return memoryAfter.buffCache() - memoryBefore.buffCache();
    }

    /** Change of the process's resident set (sum over regions), 0 without a process. */
    public long rssDelta() {
        return before == null || after == null ? 0 : rss(after) - rss(before);
    }

    /** Change of the process's virtual size, 0 without a process. */
    public long vszDelta() {
        return before == null || after == null ? 0 : after.virtualSize() - before.virtualSize();
    }

    private static long rss(Snapshot s) {
        long sum = 0;
        for (var r : s.regions()) {
            sum += r.rss();
        }
        return sum;
    }
}
