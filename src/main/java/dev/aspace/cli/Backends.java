package dev.aspace.cli;

import dev.aspace.backend.linux.LinuxBackend;

/** Where the commands get their live data: one /proc backend per run. */
final class Backends {

    private static LinuxBackend live;

    private Backends() {
    }

    static synchronized LinuxBackend live() {
        if (live == null) {
            live = new LinuxBackend();
        }
        return live;
    }
}
