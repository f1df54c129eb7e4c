package dev.aspace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code aspace share} on processes the test starts, against their smaps_rollup and smaps read by the test. */
class ShareCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void processFiguresEqualSmapsRollupAndFilesSumSmaps() throws Exception {
        try (LiveProcess a = LiveProcess.sleep(); LiveProcess b = LiveProcess.sleep()) {
            a.stop();
            b.stop();
            // PSS moves whenever any process on the machine maps or unmaps a shared page: compare a
            // read that both rollups before and after agree with
            for (int attempt = 0; attempt < 20; attempt++) {
                Map<String, Long> beforeA = rollup(a.pid());
                Map<String, Long> beforeB = rollup(b.pid());
                assertEquals(0, run("share", Integer.toString(a.pid()), Integer.toString(b.pid()), "--json"), err.toString());
                if (!beforeA.equals(rollup(a.pid())) || !beforeB.equals(rollup(b.pid()))) {
                    continue;
                }
                JsonNode root = new ObjectMapper().readTree(out.toString());
                assertEquals(2, root.get("processes").size());
                for (JsonNode p : root.get("processes")) {
                    Map<String, Long> r = p.get("pid").asInt() == a.pid() ? beforeA : beforeB;
                    assertEquals(r.get("Rss"), p.get("rss").asLong(), "rss of " + p.get("pid"));
                    assertEquals(r.get("Pss"), p.get("pss").asLong(), "pss of " + p.get("pid"));
                    assertEquals(r.get("Private_Clean") + r.get("Private_Dirty"), p.get("uss").asLong(), "uss");
                    assertEquals(r.get("Swap"), p.get("swap").asLong(), "swap");
                    assertTrue(p.get("command").asText().startsWith("sleep"), p.toString());
                }
                JsonNode libc = null;
                for (JsonNode f : root.get("files")) {
                    if (f.get("path").asText().endsWith("/libc.so.6")) {
                        libc = f;
                    }
                }
                assertNotNull(libc, "libc is a mapped file: " + out);
                assertEquals(2, libc.get("pids").size(), "both sleeps map libc");
                String path = libc.get("path").asText();
                assertEquals(fileRss(a.pid(), path) + fileRss(b.pid(), path), libc.get("rss").asLong(),
                        "libc's RSS is the sum of its mappings' Rss in both smaps");
                return;
            }
            fail("the rollups never held still for one read");
        }
    }

    @Test
    void aMissingProcessIsListedWithTheReasonAndExit1() throws Exception {
        assertEquals(1, run("share", "999999999", "--json"));
        JsonNode u = new ObjectMapper().readTree(out.toString()).get("unreadable").get(0);
        assertEquals(999999999, u.get("pid").asInt());
        assertEquals("no such process", u.get("reason").asText());
        assertEquals(2, run("share", "-5"));
    }

    /** smaps_rollup's "Key: N kB" lines, in bytes. */
    private static Map<String, Long> rollup(int pid) throws IOException {
        Map<String, Long> m = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[2].equals("kB")) {
                m.put(f[0].substring(0, f[0].length() - 1), Long.parseLong(f[1]) * 1024);
            }
        }
        return m;
    }

    /** The Rss of every smaps entry of {@code path}, summed, in bytes. */
    private static long fileRss(int pid, String path) throws IOException {
        long sum = 0;
        boolean in = false;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 0 && f[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                in = f.length >= 6 && f[5].equals(path);
            } else if (in && f[0].equals("Rss:")) {
                sum += Long.parseLong(f[1]) * 1024;
            }
        }
        return sum;
    }
}
