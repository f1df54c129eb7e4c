package dev.aspace.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One picture of an address space: the process, its threads, its regions sorted by start
 * address, the machine's memory and setup at that moment, and where the picture came from.
 *
 * @param process  who the process is
 * @param threads  its threads, main thread first
 * @param regions  every mapping, sorted by unsigned start, none overlapping
 * @param rollup   the kernel's own sums ({@code smaps_rollup}), or null when not read
 * @param memory   system memory at that moment, or null when unknown (imported text)
 * @param machine  machine setup, or null when unknown
 * @param takenAt  when the read began
 * @param readTime how long reading took
 * @param source   live, file or imported
 * @param torn     true when the process changed its mappings during every attempt to read them,
 *                 so the regions may hold a mapping twice or miss one (see {@code LinuxBackend})
 * @param cgroup   the process's memory cgroup at that moment, or null when not read (imported
 *                 text, no memory controller)
 */
public record Snapshot(ProcessInfo process, List<ThreadInfo> threads, List<Region> regions, Smaps rollup,
                       SystemMemory memory, MachineSetup machine, Instant takenAt, Duration readTime,
                       Source source, boolean torn, CgroupMemory cgroup) {

    public Snapshot {
        threads = List.copyOf(threads);
        regions = List.copyOf(regions);
    }

    /** Without the process's memory cgroup (imported text, or none readable). */
    public Snapshot(ProcessInfo process, List<ThreadInfo> threads, List<Region> regions, Smaps rollup,
                    SystemMemory memory, MachineSetup machine, Instant takenAt, Duration readTime, Source source,
                    boolean torn) {
        this(process, threads, regions, rollup, memory, machine, takenAt, readTime, source, torn, null);
    }

    /** A whole snapshot: read at one moment, or from text that cannot say otherwise. */
    public Snapshot(ProcessInfo process, List<ThreadInfo> threads, List<Region> regions, Smaps rollup,
                    SystemMemory memory, MachineSetup machine, Instant takenAt, Duration readTime, Source source) {
        this(process, threads, regions, rollup, memory, machine, takenAt, readTime, source, false);
    }

    public Snapshot withRegions(List<Region> newRegions) {
        return new Snapshot(process, threads, newRegions, rollup, memory, machine, takenAt, readTime, source, torn, cgroup);
    }

    public Snapshot withSource(Source newSource) {
        return new Snapshot(process, threads, regions, rollup, memory, machine, takenAt, readTime, newSource, torn, cgroup);
    }

    public Snapshot withTorn(boolean isTorn) {
        return new Snapshot(process, threads, regions, rollup, memory, machine, takenAt, readTime, source, isTorn, cgroup);
    }

    public Snapshot withCgroup(CgroupMemory newCgroup) {
        return new Snapshot(process, threads, regions, rollup, memory, machine, takenAt, readTime, source, torn, newCgroup);
    }

    /** Sum of region sizes: the VSZ of ps and the total of pmap. */
    public long virtualSize() {
        long sum = 0;
        for (Region r : regions) {
            sum += r.size();
        }
        return sum;
    }
}
