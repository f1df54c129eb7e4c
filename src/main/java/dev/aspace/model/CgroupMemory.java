package dev.aspace.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process's memory cgroup as the kernel accounts it at one moment: the figure that decides when
 * the process is reclaimed or killed inside a container or a systemd slice, where {@code free} and
 * /proc/meminfo show the whole machine. All sizes in bytes; -1 where this cgroup version or kernel
 * has no such figure, or (for limits) where there is no limit.
 *
 * @param version   1 or 2
 * @param path      the cgroup's path below its hierarchy's root, as /proc/PID/cgroup gives it
 * @param limit     memory.max (v2) or memory.limit_in_bytes (v1); -1: no limit
 * @param high      memory.high (v2; throttling and reclaim above it); -1: none, or v1
 * @param usage     memory.current (v2) or memory.usage_in_bytes (v1)
 * @param peak      memory.peak (v2, Linux 5.19+) or memory.max_usage_in_bytes (v1); -1: unknown
 * @param swapLimit memory.swap.max (v2) or memory.memsw.limit_in_bytes (v1, memory plus swap); -1: none
 * @param swapUsage memory.swap.current (v2) or memory.memsw.usage_in_bytes (v1, memory plus swap); -1: unknown
 * @param stat      memory.stat, key to value as the kernel prints it (byte counts in bytes)
 * @param events    memory.events (v2: low, high, max, oom, oom_kill, ...); v1: oom_control's
 *                  counters (oom_kill, under_oom, oom_kill_disable) and failcnt
 * @param pressure  memory.pressure's lines (v2 with PSI), or "" where there is none
 * @param levels    this cgroup and each ancestor up to the hierarchy's root, this one first
 */
public record CgroupMemory(int version, String path, long limit, long high, long usage, long peak,
                           long swapLimit, long swapUsage, Map<String, Long> stat, Map<String, Long> events,
                           String pressure, List<CgroupLevel> levels) {

    public CgroupMemory {
        stat = Map.copyOf(stat);
        events = Map.copyOf(events);
        levels = List.copyOf(levels);
    }

    /** The level whose limit is the tightest (the one that decides), or empty when none is limited. */
    public Optional<CgroupLevel> tightest() {
        CgroupLevel best = null;
        for (CgroupLevel l : levels) {
            if (l.limit() >= 0 && (best == null || l.limit() < best.limit())) {
                best = l;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The limit that applies: the tightest of this cgroup's and its ancestors', or -1 for none. */
    public long effectiveLimit() {
        return tightest().map(CgroupLevel::limit).orElse(-1L);
    }

    /** Anonymous memory charged: v2 stat "anon", v1 "total_rss" (or "rss"). */
    public long anon() {
        return version == 2 ? stat("anon") : firstOf("total_rss", "rss");
    }

    /** Page cache charged: v2 stat "file", v1 "total_cache" (or "cache"). */
    public long file() {
        return version == 2 ? stat("file") : firstOf("total_cache", "cache");
    }

    /**
     * Kernel memory charged: v2 stat "kernel" (Linux 5.18+), else its parts; v1: what usage holds
     * beyond anon and file.
     */
    public long kernel() {
        if (version == 2) {
            if (stat.containsKey("kernel")) {
                return stat("kernel");
            }
            return stat("kernel_stack") + stat("pagetables") + stat("sec_pagetables") + stat("percpu")
                    + stat("sock") + stat("vmalloc") + stat("slab");
        }
        return Math.max(0, usage - anon() - file());
    }

    /**
     * Why {@code free} inside a container shows the host's memory, in one sentence: meminfo is not
     * cgroup-aware, the limit is what the kernel enforces.
     */
    public String whyFreeDiffers(SystemMemory machine) {
        String total = machine == null ? "the whole machine's memory" : "the machine's " + ByteSize.format(machine.memTotal());
        long limit = effectiveLimit();
        if (limit < 0) {
            return "No cgroup limit applies: free's figures (" + total + ") are what this process can have.";
        }
        return "free and /proc/meminfo show " + total + " even here: they are not cgroup-aware; "
                + ByteSize.format(limit) + " is what the kernel enforces, by reclaim and then the OOM killer.";
    }

    /** How often the cgroup's OOM killer killed a process in it (events "oom_kill"), or 0. */
    public long oomKills() {
        return events.getOrDefault("oom_kill", 0L);
    }

    private long stat(String key) {
        return stat.getOrDefault(key, 0L);
    }

    private long firstOf(String key, String fallback) {
        Long v = stat.get(key);
        return v != null ? v : stat(fallback);
    }
}
