package dev.aspace.procfs;

import dev.aspace.backend.linux.CgroupReader;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.model.CgroupLevel;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.MalformedInputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cgroup parsers on files copied from this machine's v1 hierarchy and a v2 tree in the kernel's documented format. */
class CgroupTextTest {

    private static final Path RES = Path.of("src/test/resources/cgroup");

    private static List<String> lines(String name) throws IOException {
        return Files.readAllLines(RES.resolve(name));
    }

    @Test
    void procCgroupGivesEachControllersPathAndTheUnifiedOne() throws IOException {
        Map<String, String> c = CgroupText.controllers("cgroup", lines("v1/proc-self-cgroup"));
        assertTrue(c.get("memory").startsWith("/"), c.toString());
        assertTrue(c.containsKey(""), "the v2 line 0::/path: " + c);
        assertEquals(Map.of("", "/system.slice/app.service", "cpu", "/a", "cpuacct", "/a"),
                CgroupText.controllers("x", List.of("0::/system.slice/app.service", "3:cpu,cpuacct:/a")));
    }

    @Test
    void v1UnlimitedAndV2MaxAreNoLimit() throws IOException {
        assertEquals(-1, CgroupText.limit("v1", Files.readString(RES.resolve("v1/memory.limit_in_bytes"))));
        assertEquals(-1, CgroupText.limit("f", "9223372036854771712\n"));
        assertEquals(-1, CgroupText.limit("f", "max\n"));
        assertEquals(67108864, CgroupText.limit("f", "67108864\n"));
    }

    @Test
    void flatKeyedFilesKeepTheKernelsKeysAndValues() throws IOException {
        Map<String, Long> stat = CgroupText.flatKeyed("memory.stat", lines("v1/memory.stat"));
        assertEquals(42, stat.size());
        assertTrue(stat.containsKey("total_rss") && stat.containsKey("hierarchical_memory_limit"), stat.keySet().toString());
        Map<String, Long> oom = CgroupText.flatKeyed("oom_control", lines("v1/memory.oom_control"));
        assertEquals(List.of("oom_kill_disable", "under_oom", "oom_kill"), List.copyOf(oom.keySet()));
    }

    @Test
    void malformedLinesAreRejectedWithFileAndLine() {
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> CgroupText.flatKeyed("memory.events", List.of("low 0", "high x")));
        assertTrue(e.getMessage().startsWith("memory.events:line 2: "), e.getMessage());
        assertThrows(MalformedInputException.class, () -> CgroupText.number("memory.current", "-5"));
        assertThrows(MalformedInputException.class, () -> CgroupText.controllers("cgroup", List.of("nonsense")));
    }

    @Test
    void v2TreeGivesTheTightestAncestorLimitAndTheUsageSplit() {
        CgroupReader reader = new CgroupReader(ProcPath.under(RES.resolve("v2-service")));
        CgroupMemory c = reader.memory(4242).orElseThrow();
        assertEquals(2, c.version());
        assertEquals("/system.slice/app.service", c.path());
        assertEquals(2L << 30, c.limit(), "its own memory.max");
        assertEquals(1L << 30, c.effectiveLimit(), "the slice's 1 GiB is tighter");
        assertEquals("/system.slice", c.tightest().orElseThrow().path());
        assertEquals(List.of(new CgroupLevel("/system.slice/app.service", 2L << 30, 805306368),
                new CgroupLevel("/system.slice", 1L << 30, -1), new CgroupLevel("/", -1, -1)), c.levels());
        assertEquals(734003200, c.usage());
        assertEquals(1069547520, c.peak());
        assertEquals(524288000, c.anon());
        assertEquals(188743680, c.file());
        assertEquals(20971520, c.kernel());
        assertEquals(1, c.oomKills());
        assertEquals(-1, c.swapLimit(), "memory.swap.max is max");
        assertTrue(c.pressure().startsWith("some avg10="), c.pressure());
    }
}
