package dev.aspace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aspace.backend.linux.FramePrivilege;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.testutil.AsNobody;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.testutil.RawFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code aspace frames} on processes the test starts: JSON against pagemap read directly, usage errors, user nobody. */
class FramesCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void jsonListsEachPresentPageWithTheFrameThatPagemapGives() throws Exception {
        assumeTrue(FramePrivilege.granted(ProcPath.SYSTEM), "frame numbers need CAP_SYS_ADMIN");
        int pages = 32;
        try (LiveProcess p = LiveProcess.start(LiveProcess.testHelper("fork_share").toString(), Integer.toString(pages))) {
            String[] ready = p.readLine().split(" ");
            int parent = Integer.parseInt(ready[1].substring("parent=".length()));
            long start = Long.parseUnsignedLong(ready[3].substring("addr=0x".length()), 16);
            long end = start + pages * RawFrames.PAGE;
            assertEquals(0, run("frames", Integer.toString(parent), "-A",
                    Long.toHexString(start) + "," + Long.toHexString(end - 1), "--json"), err.toString());
            JsonNode root = new ObjectMapper().readTree(out.toString());
            assertEquals(parent, root.get("pid").asInt());
            assertTrue(root.get("privileged").asBoolean());
            long[] raw = RawFrames.pagemap(parent, start, pages);
            JsonNode list = root.get("pages");
            assertEquals(pages, list.size(), "one entry per present page");
            for (int i = 0; i < pages; i++) {
                JsonNode page = list.get(i);
                assertEquals("0x" + Long.toHexString(start + i * RawFrames.PAGE), page.get("address").asText());
                assertEquals(RawFrames.pfn(raw[i]), page.get("pfn").asLong(), "pfn of page " + i);
                assertEquals(RawFrames.kpagecount(RawFrames.pfn(raw[i])), page.get("mapcount").asLong());
                assertEquals(2, page.get("mapcount").asLong(), "the parent and the forked child map it");
                List<String> flags = new ArrayList<>();
                page.get("flags").forEach(f -> flags.add(f.asText()));
                assertTrue(flags.contains("anonymous") && flags.contains("mmap"), "a written anonymous page: " + flags);
                assertEquals("shared", page.get("sharing").asText());
            }
            JsonNode region = root.get("regions").get(0);
            assertEquals("0x" + Long.toHexString(start), region.get("start").asText());
            assertEquals(pages, region.get("present").asInt());
            assertEquals(pages, region.get("shared").asInt());
        }
    }

    @Test
    void badRangeIsBadUsageAndAMissingProcessARuntimeCondition() {
        assertEquals(2, run("frames", "1", "-A", "zz"));
        assertTrue(err.toString().contains("-A LOW,HIGH"), err.toString());
        assertEquals(2, run("frames", "1", "-A", "2000,1000"));
        assertEquals(1, run("frames", "999999999"));
        assertEquals(1, err.toString().strip().split("\n").length - 2, err.toString());
    }

    @Test
    void userNobodyIsToldFrameNumbersNeedCapSysAdminAndSeesThePagemapBits(@TempDir Path dir) throws Exception {
        assumeTrue(AsNobody.possible(), "needs root and setpriv (util-linux) to switch to nobody");
        String cp = AsNobody.classpath(dir, AsNobody.CLI, List.of());
        try (LiveProcess target = LiveProcess.start("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "sleep", "600")) {
            target.awaitExec("sleep");
            String pid = Integer.toString(target.pid());
            Result asked = asNobody(cp, "frames", pid);
            assertEquals(1, asked.code, asked.err);
            assertEquals(1, asked.err.strip().split("\n").length, "one line: " + asked.err);
            assertTrue(asked.err.contains("CAP_SYS_ADMIN") && asked.err.contains("present, swapped"), asked.err);
            assertTrue(asked.out.contains("libc.so.6"), "the pages are still shown: " + asked.out);
            assertFalse(asked.out.contains("0x"), "no frame numbers: " + asked.out);

            Result plain = asNobody(cp, "frames", pid, "--pagemap-only", "--json");
            assertEquals(0, plain.code, plain.err);
            assertEquals("", plain.err);
            JsonNode root = new ObjectMapper().readTree(plain.out);
            assertFalse(root.get("privileged").asBoolean());
            assertTrue(root.get("pages").size() > 0);
            assertTrue(root.get("pages").get(0).get("pfn").isNull());
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result asNobody(String cp, String... args) throws IOException, InterruptedException {
        AsNobody.Result r = AsNobody.java(cp, List.of(), "dev.aspace.Launcher", List.of(args), 120);
        return new Result(r.code(), r.out(), r.err());
    }
}
