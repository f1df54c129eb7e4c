package dev.aspace.cli;

import java.io.UncheckedIOException;
import java.io.IOException;
import dev.aspace.testutil.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aspace.backend.linux.CgroupSandbox;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.model.CgroupUnavailableException;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** aspace cgroup PID on a process the test puts in a limited cgroup below its own. */
class CgroupCommandTest {

    @Test
    void aLimitedProcessShowsItsLimitUsageAndTheSentenceOnFree() throws Exception {
        CgroupSandbox box;
        try {
            box = CgroupSandbox.create(ProcPath.SYSTEM, 48L << 20);
        } catch (CgroupUnavailableException e) {
            assumeTrue(false, "no cgroup can be made here: " + e.getMessage());
            return;
        }
        try (box; LiveProcess sleeper = LiveProcess.start(box.wrap(List.of("sleep", "60")).toArray(String[]::new))) {
            String pid = Integer.toString(sleeper.pid());
            awaitIn(sleeper.pid(), box.path());
            ProcpsRun.Result text = ProcpsRun.aspace("cgroup", pid);
            assertEquals(0, text.code(), text.err());
            assertTrue(text.out().contains(box.path()), text.out());
            assertTrue(text.out().contains("limit      48 MiB"), text.out());
            assertTrue(text.out().contains("free and /proc/meminfo show the machine's"), text.out());

            ProcpsRun.Result json = ProcpsRun.aspace("cgroup", "--json", pid);
            assertEquals(0, json.code(), json.err());
            JsonNode n = new ObjectMapper().readTree(json.out());
            assertEquals(48L << 20, n.get("limit").asLong());
            assertEquals(box.path(), n.get("limitSetOn").asText());
            assertTrue(n.get("usage").asLong() > 0);
            assertEquals(box.path(), n.get("levels").get(0).get("path").asText());
        }
    }

    @Test
    void anUnlimitedProcessSaysNoLimitAndNullInJson() throws Exception {
        try (LiveProcess sleeper = LiveProcess.sleep()) {
            String pid = Integer.toString(sleeper.pid());
            ProcpsRun.Result json = ProcpsRun.aspace("cgroup", "--json", pid);
            assumeTrue(json.code() == 0, "no memory controller here: " + json.err());
            JsonNode n = new ObjectMapper().readTree(json.out());
            assumeTrue(n.get("limit").isNull(), "this test's own cgroup is limited");
            ProcpsRun.Result text = ProcpsRun.aspace("cgroup", pid);
            assertTrue(text.out().contains("limit      no limit"), text.out());
            assertTrue(text.out().contains("No cgroup limit applies"), text.out());
        }
    }

    @Test
    void aMissingProcessIsOneLineWithExitOne() {
        ProcpsRun.Result r = ProcpsRun.aspace("cgroup", "999999999");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains("999999999"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private static void awaitIn(int pid, String path) throws Exception {
        Path cgroup = Path.of("/proc", Integer.toString(pid), "cgroup");
        Await.until("the process in " + path, Duration.ofSeconds(10), () -> {
            try {
                return Files.readString(cgroup).contains(path + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
