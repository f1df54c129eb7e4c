package dev.aspace.backend.linux;

import dev.aspace.backend.MemoryBackend.Detail;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second read of maps, made on a helper thread while the first read is classified, decides
 * whether a read is whole: on the files of a stopped live process copied into a /proc tree, a read
 * is whole while maps is the kernel's text of that moment, and marked torn on every attempt when
 * maps lists one mapping otherwise than smaps did (its sizes still add up, so only this check
 * can tell).
 */
class SecondMapsReadTest {

    @Test
    void aReadIsMarkedTornWhenTheSecondReadOfMapsDiffers(@TempDir Path root) throws IOException {
        try (LiveProcess p = LiveProcess.sleep()) {
            int pid = p.pid();
            Path from = Path.of("/proc", Integer.toString(pid));
            Path to = Files.createDirectories(root.resolve("proc").resolve(Integer.toString(pid)));
            new ProcessBuilder("kill", "-STOP", Integer.toString(pid)).start().waitFor();
            try {
                for (String name : new String[] {"stat", "status", "cmdline", "comm", "smaps", "smaps_rollup", "maps"}) {
                    Files.write(to.resolve(name), Files.readAllBytes(from.resolve(name)));
                }
            } finally {
                new ProcessBuilder("kill", "-CONT", Integer.toString(pid)).start().waitFor();
            }
            LinuxBackend backend = new LinuxBackend(ProcPath.under(root), 2);

            Snapshot whole = backend.mappings(pid, Detail.SMAPS);
            assertFalse(whole.torn(), "maps as the kernel printed it with smaps: whole");
            assertTrue(whole.regions().size() > 5);

            String maps = Files.readString(to.resolve("maps"), StandardCharsets.ISO_8859_1);
            String changed = maps.replaceFirst(" r--p ", " r--s ");
            assertNotEquals(maps, changed, "a read-only private mapping to change");
            Files.writeString(to.resolve("maps"), changed, StandardCharsets.ISO_8859_1);
            Snapshot torn = backend.mappings(pid, Detail.SMAPS);
            assertTrue(torn.torn(), "maps lists a mapping otherwise than smaps: torn");
            assertEquals(whole.regions(), torn.regions(), "the read kept is the smaps read, marked");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
