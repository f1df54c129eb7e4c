package dev.aspace.backend.linux;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.CgroupUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A cgroup made below this test's own memory cgroup (never elsewhere), a process put in it, read
 * by CgroupReader and by the test itself, then removed with nothing left behind.
 */
class CgroupSandboxLiveTest {

    private static CgroupSandbox sandbox(long limit) {
        try {
            return CgroupSandbox.create(ProcPath.SYSTEM, limit);
        } catch (CgroupUnavailableException e) {
            assumeTrue(false, "no cgroup can be made here: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void aProcessInTheSandboxIsReadWithItsLimitAndTheSandboxGoesAway() throws Exception {
        CgroupReader reader = new CgroupReader(ProcPath.SYSTEM);
        CgroupReader.Place own = reader.place((int) ProcessHandle.current().pid()).orElseThrow();
        Path dir;
        Process sleeper;
        try (CgroupSandbox box = sandbox(64L << 20)) {
            assertTrue(box.path().startsWith(own.path()), "below our own cgroup: " + box.path());
            sleeper = new ProcessBuilder(box.wrap(List.of("sleep", "60"))).start();
            int pid = (int) sleeper.pid();
            Optional<CgroupReader.Place> place = await(() -> reader.place(pid).filter(p -> p.path().equals(box.path())));
            assertTrue(place.isPresent(), "the process is in the sandbox before it runs its command");
            dir = place.get().dir();
            CgroupMemory c = reader.memory(pid).orElseThrow();
            String limitFile = c.version() == 1 ? "memory.limit_in_bytes" : "memory.max";
            assertEquals(Long.parseLong(Files.readString(dir.resolve(limitFile)).strip()), c.limit());
            assertEquals(64L << 20, c.limit());
            assertEquals(64L << 20, c.effectiveLimit());
            assertEquals(box.path(), c.levels().get(0).path());
            assertEquals(own.path(), c.levels().get(1).path());
            assertTrue(c.usage() > 0 && c.usage() < (64L << 20), "usage " + c.usage());
            // the shell that joined the cgroup execs sleep: read the process once it is sleep
            assertTrue(await(() -> Optional.of(pid).filter(x -> comm(x).equals("sleep"))).isPresent(), "sleep runs");
            CgroupMemory recorded = new LinuxBackend().snapshot(pid, MemoryBackend.Detail.SMAPS).cgroup();
            assertEquals(box.path(), recorded.path(), "a snapshot records the cgroup view");
            assertEquals(64L << 20, recorded.effectiveLimit());
        }
        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS), "the process left in it was ended");
        assertFalse(Files.exists(dir), "the cgroup is removed: " + dir);
    }

    private static String comm(int pid) {
        try {
            return Files.readString(Path.of("/proc", Integer.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static <T> Optional<T> await(Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v;
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }
}
