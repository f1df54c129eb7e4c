package dev.aspace.ui.vm;

/**
 * When a live tick re-reads smaps. Each tick reads only a cheap fingerprint; the full read
 * happens when the fingerprint moved, or now and then anyway (a change of permissions alone does
 * not move it) but rarely enough that a full read costs at most {@link #IDLE_DUTY} of the time.
 */
public final class RefreshPolicy {

    /**
     * Share of wall time that re-reading an unchanged process may take, counted in the read's
     * own wall time. A refresh costs the CPU several times that (the kernel printing smaps, the
     * parse, classifying, the diff, the garbage: about 0.57 s of CPU for a 0.12 s read of a
     * 60,000-map process, WatchCostBench): at 0.5 % watching it at 1 Hz cost 1.5-1.7 % of a core,
     * at 0.1 % (one re-read in two minutes) watching stays under 1 % of a core. Any change of size or
     * RSS is still seen within a tick, and F5 re-reads at once.
     */
    public static final double IDLE_DUTY = 0.001;

    /** Share of wall time that re-reading a process that keeps changing may take. */
    public static final double BUSY_DUTY = 0.25;

    /** Re-read an unchanged process at least this often, however cheap it is. */
    public static final long MIN_IDLE_NANOS = 30_000_000_000L;

    private RefreshPolicy() {
    }

    /**
     * @param fingerprintMoved the cheap signals differ from those of the last full read
     * @param sinceLastRead    nanoseconds since the last full read finished
     * @param lastReadCost     how long that read took, in nanoseconds
     */
    public static boolean shouldReread(boolean fingerprintMoved, long sinceLastRead, long lastReadCost) {
        if (fingerprintMoved) {
            return sinceLastRead >= (long) (lastReadCost / BUSY_DUTY) - lastReadCost;
        }
        long idleGap = Math.max(MIN_IDLE_NANOS, (long) (lastReadCost / IDLE_DUTY));
        return sinceLastRead >= idleGap;
    }
}
