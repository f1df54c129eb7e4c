package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;

/** Where the commands get their live data: one /proc backend per run. */
final class Backends {

    private static MemoryBackend live;

    private Backends() {
    }

    static synchronized MemoryBackend live() {
        if (live == null) {
            live = new LinuxBackend();
        }
        return live;
    }
}
