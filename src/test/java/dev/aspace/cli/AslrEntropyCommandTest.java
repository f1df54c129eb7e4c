package dev.aspace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aspace.testutil.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code aspace aslr --json} on real runs of a copy of sleep: configured bits from the sysctls the test reads. */
class AslrEntropyCommandTest {

    @Test
    void configuredEntropyBesideTheSpreadAndTheLibrariesAsOneGroup(@TempDir Path dir) throws Exception {
        Path sleep = dir.resolve("sleep");
        Files.copy(Path.of("/bin/sleep"), sleep);
        // cat, not Files.readString: the JDK's sized read of a sysctl file returns its first byte only
        int rndBits = Integer.parseInt(Tools.run("cat", "/proc/sys/vm/mmap_rnd_bits").trim());
        int rvs = Integer.parseInt(Tools.run("cat", "/proc/sys/kernel/randomize_va_space").trim());
        ProcpsRun.Result r = ProcpsRun.aspace("aslr", "--runs", "6", "--delay", "100", "--json", "--", sleep.toString(), "5");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(rndBits, j.get("settings").get("mmapRndBits").asInt());
        boolean libcSeen = false;
        for (JsonNode e : j.get("entropy")) {
            String name = e.get("object").asText();
            if (name.contains("/libc.so")) {
                libcSeen = true;
                int configured = rvs == 0 ? 0 : rndBits;
                assertEquals(configured, e.get("configuredBits").asInt());
                // a spread never exceeds what is configured (carries would make "varied bits" exceed it)
                assertTrue(e.get("spreadBits").asInt() <= configured, e.toString());
            }
        }
        assertTrue(libcSeen, r.out());
        if (rvs > 0) {
            JsonNode groups = j.get("leakOneKnowAll");
            assertFalse(groups.isEmpty(), "libc and ld.so move together: " + r.out());
            boolean together = false;
            for (JsonNode g : groups) {
                String members = g.get("members").toString();
                together |= members.contains("libc.so") && members.contains("ld-linux");
                assertFalse(members.contains("libc.so") && members.contains("stack (top)"), members);
            }
            assertTrue(together, groups.toString());
        }
        ProcpsRun.Result text = ProcpsRun.aspace("aslr", "--runs", "2", "--delay", "100", "--", sleep.toString(), "5");
        assertTrue(text.out().contains("carries into higher bits"), text.out());
        assertTrue(text.out().contains("LEAK ONE, KNOW ALL"), text.out());
    }
}
