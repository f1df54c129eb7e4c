package dev.aspace.model;

/**
 * What {@code free} shows, from {@code /proc/meminfo}, all in bytes, plus the commit figures.
 * Fields the kernel does not print are -1 ({@code MemAvailable} before Linux 3.14, for instance).
 */
public record SystemMemory(long memTotal, long memFree, long memAvailable, long buffers, long cached,
                           long sReclaimable, long shmem, long swapTotal, long swapFree,
                           long commitLimit, long committedAs) {

    /** Page cache plus reclaimable slab, as procps-ng counts "cache". */
    public long cache() {
        return cached + Math.max(0, sReclaimable);
    }

    /** The buff/cache column of {@code free}. */
    public long buffCache() {
        return buffers + cache();
    }

    /**
     * The "used" column of procps-ng 4: total minus available; where the kernel has no
     * MemAvailable, total - free - buffers - cache (as procps does).
     */
    public long used() {
        long u = memAvailable >= 0 ? memTotal - memAvailable : memTotal - memFree - buffCache();
        return u < 0 ? memTotal - memFree : u;
    }

    /** The "available" column: MemAvailable, or free memory where the kernel has none. */
    public long available() {
        return memAvailable >= 0 ? memAvailable : memFree;
    }

    public long swapUsed() {
        return swapTotal - swapFree;
    }
}
