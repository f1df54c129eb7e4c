package dev.aspace.ui.compare;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Two runs of `sleep`, each read live (maps and smaps) through the Linux backend: two ASLR layouts of one program. */
final class TwoSleeps {

    private TwoSleeps() {
    }

    /** Skips the calling test class unless ASLR is fully on (randomize_va_space 2): without it the runs do not differ. */
    static List<Snapshot> takeWithAslr() {
        try {
            assumeTrue(Files.readString(Path.of("/proc/sys/kernel/randomize_va_space")).trim().equals("2"),
                    "needs ASLR (randomize_va_space 2) for the two runs to differ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return take();
    }

    static List<Snapshot> take() {
        LinuxBackend backend = new LinuxBackend();
        try (LiveProcess first = LiveProcess.sleep(); LiveProcess second = LiveProcess.sleep()) {
            awaitAsleep(first.pid());
            awaitAsleep(second.pid());
            return List.of(backend.snapshot(first.pid(), MemoryBackend.Detail.SMAPS),
                    backend.snapshot(second.pid(), MemoryBackend.Detail.SMAPS));
        }
    }

    /**
     * Waits until the process blocks (state S): only then has the loader mapped its libraries and
     * is sleep in nanosleep, so both runs are read at the same point.
     */
    private static void awaitAsleep(int pid) {
        Path stat = Path.of("/proc", Integer.toString(pid), "stat");
        try {
            for (int i = 0; i < 1000; i++) {
                String s = Files.readString(stat);
                if (s.charAt(s.lastIndexOf(')') + 2) == 'S') {
                    return;
                }
                Thread.sleep(5);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sleep " + pid + " is gone", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("sleep " + pid + " never went to sleep");
    }
}
