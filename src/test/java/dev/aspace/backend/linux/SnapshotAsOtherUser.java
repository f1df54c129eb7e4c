package dev.aspace.backend.linux;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.AspaceException;

/**
 * A tiny program the permission test runs as user nobody (setpriv): it snapshots a PID and
 * prints what came of it: "ok REGIONS" or "CLASSNAME: MESSAGE".
 */
public final class SnapshotAsOtherUser {

    private SnapshotAsOtherUser() {
    }

    public static void main(String[] args) {
        int pid = Integer.parseInt(args[0]);
        try {
            var s = new LinuxBackend().snapshot(pid, MemoryBackend.Detail.SMAPS);
            emit("ok " + s.regions().size());
        } catch (AspaceException e) {
            emit(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("java:S106") // the test reads this line from stdout
    private static void emit(String line) {
        System.out.println(line);
    }
}
