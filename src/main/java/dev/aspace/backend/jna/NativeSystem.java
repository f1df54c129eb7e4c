package dev.aspace.backend.jna;

/** Small facts about the running system that only libc can tell. */
public final class NativeSystem {

    private NativeSystem() {
    }

    /** sysconf(_SC_PAGESIZE). */
    public static long pageSize() {
        return LibC.INSTANCE.sysconf(LibC.SC_PAGESIZE).longValue();
    }

    /** sysconf(_SC_CLK_TCK): the clock ticks per second of /proc/PID/stat times. */
    public static long clockTicks() {
        return LibC.INSTANCE.sysconf(LibC.SC_CLK_TCK).longValue();
    }

    /** The effective user id of this process (0 for root). */
    public static int effectiveUid() {
        return LibC.INSTANCE.geteuid();
    }
}
