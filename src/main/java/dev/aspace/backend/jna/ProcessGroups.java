package dev.aspace.backend.jna;

/** Ends a process group: every process a command started, wherever its parent went. */
public final class ProcessGroups {

    static final int SIGKILL = 9;
    static final int SIGTERM = 15;

    private ProcessGroups() {
    }

    /** Whether any process (a zombie included) is still in the group. */
    public static boolean alive(int pgid) {
        return LibC.INSTANCE.kill(-pgid, 0) == 0;
    }

    /**
     * SIGTERM to the group, then SIGKILL to what is left after {@code graceMillis}; returns once
     * the group is empty or, should a process linger unkillable (D state), after a second more.
     */
    public static void end(int pgid, long graceMillis) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("not a process group of its own: " + pgid);
        }
        LibC.INSTANCE.kill(-pgid, SIGTERM);
        if (awaitEmpty(pgid, graceMillis)) {
            return;
        }
        LibC.INSTANCE.kill(-pgid, SIGKILL);
        awaitEmpty(pgid, 1000);
    }

    private static boolean awaitEmpty(int pgid, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (alive(pgid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
