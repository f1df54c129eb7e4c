package dev.aspace.model;

/**
 * What {@code free} shows, from {@code /proc/meminfo}, all in bytes, plus the commit figures.
 * Fields the kernel does not print are -1 ({@code MemAvailable} before Linux 3.14, for instance;
 * {@code LowTotal}/{@code HighTotal} exist only on kernels with high memory).
 */
public record SystemMemory(long memTotal, long memFree, long memAvailable, long buffers, long cached,
                           long sReclaimable, long shmem, long swapTotal, long swapFree,
                           long commitLimit, long committedAs,
                           long lowTotal, long lowFree, long highTotal, long highFree,
                           long usedAsPrinted, String usedDefinition) {

    /** With the low/high split; "used" not printed by anyone (read from the kernel). */
    public SystemMemory(long memTotal, long memFree, long memAvailable, long buffers, long cached,
                        long sReclaimable, long shmem, long swapTotal, long swapFree,
                        long commitLimit, long committedAs,
                        long lowTotal, long lowFree, long highTotal, long highFree) {
        this(memTotal, memFree, memAvailable, buffers, cached, sReclaimable, shmem, swapTotal, swapFree,
                commitLimit, committedAs, lowTotal, lowFree, highTotal, highFree, -1, null);
    }

    /** Without the low/high memory split (unknown, as on every 64-bit kernel). */
    public SystemMemory(long memTotal, long memFree, long memAvailable, long buffers, long cached,
                        long sReclaimable, long shmem, long swapTotal, long swapFree,
                        long commitLimit, long committedAs) {
        this(memTotal, memFree, memAvailable, buffers, cached, sReclaimable, shmem, swapTotal, swapFree,
                commitLimit, committedAs, -1, -1, -1, -1);
    }

    /** Page cache plus reclaimable slab, as procps-ng counts "cache". */
    public long cache() {
        return cached + Math.max(0, sReclaimable);
    }

    /** The buff/cache column of {@code free}. */
    public long buffCache() {
        return buffers + cache();
    }

    /**
     * The same figures with the "used" column another tool printed, and how that tool computed it:
     * free's "used" changed meaning between procps versions, and a capture keeps what it showed.
     */
    public SystemMemory withUsedAsPrinted(long bytes, String definition) {
        return new SystemMemory(memTotal, memFree, memAvailable, buffers, cached, sReclaimable, shmem, swapTotal,
                swapFree, commitLimit, committedAs, lowTotal, lowFree, highTotal, highFree, bytes, definition);
    }

    /** Whether "used" is the column a captured {@code free} printed rather than computed here. */
    public boolean usedIsPrinted() {
        return usedAsPrinted >= 0;
    }

    /**
     * The "used" column: as printed, for a capture that printed it (see {@link #usedDefinition});
     * otherwise procps-ng 4's: total minus available, and where the kernel has no MemAvailable,
     * total - free - buffers - cache (the old "-/+ buffers/cache" figure).
     * (procps-ng 4.0.2's own free prints total - free there; the CLI computes its columns itself.)
     */
    public long used() {
        if (usedIsPrinted()) {
            return usedAsPrinted;
        }
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
