package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;

import java.nio.file.Path;

/** Where the commands get their data: the live /proc backend, and saved snapshot files. */
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

    static Snapshot loadSnapshot(Path file) {
        throw new UnsupportedOperationException("snapshot files: waiting for SnapshotStore");
    }
}
