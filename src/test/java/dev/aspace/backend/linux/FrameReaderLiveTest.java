package dev.aspace.backend.linux;

import dev.aspace.frames.FrameReport;
import dev.aspace.frames.RegionFrames;
import dev.aspace.frames.Sharing;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.testutil.RawFrames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Frames of processes the test starts, checked against pagemap and kpagecount read by the test's
 * own reader ({@link RawFrames}): a forked child shares every frame of a written block with its
 * parent until it writes, then none; two processes share libc's text frames.
 */
class FrameReaderLiveTest {

    @BeforeAll
    static void needsRoot() {
        assumeTrue(FramePrivilege.granted(ProcPath.SYSTEM), "frame numbers need CAP_SYS_ADMIN (run the tests as root)");
    }

    @Test
    void forkedChildSharesEveryFrameUntilItWritesThenNone() throws Exception {
        int pages = 64;
        try (LiveProcess p = LiveProcess.start(LiveProcess.testHelper("fork_share").toString(), Integer.toString(pages))) {
            String[] ready = p.readLine().split(" ");
            assertEquals("ready", ready[0]);
            int parent = Integer.parseInt(ready[1].substring("parent=".length()));
            int child = Integer.parseInt(ready[2].substring("child=".length()));
            long addr = Long.parseUnsignedLong(ready[3].substring("addr=0x".length()), 16);
            FrameReader reader = new FrameReader();

            long[] parentPfns = RawFrames.pfns(parent, addr, pages);
            long[] childPfns = RawFrames.pfns(child, addr, pages);
            RegionFrames ours = block(reader, parent, addr, pages);
            RegionFrames theirs = block(reader, child, addr, pages);
            for (int i = 0; i < pages; i++) {
                assertNotEquals(0, parentPfns[i], "page " + i + " is present");
                assertEquals(parentPfns[i], childPfns[i], "page " + i + " shares its frame before the write");
                assertEquals(2, RawFrames.kpagecount(parentPfns[i]), "page " + i + " is mapped twice");
                assertEquals(parentPfns[i], ours.pfn(i), "aspace reads the parent's frame of page " + i);
                assertEquals(childPfns[i], theirs.pfn(i), "aspace reads the child's frame of page " + i);
                assertEquals(2, ours.mapcount(i));
                assertEquals(Sharing.SHARED, ours.sharing(i));
            }
            assertEquals(pages, ours.summary().shared());

            OutputStream in = p.process().getOutputStream();
            in.write("childwrite\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            p.awaitLine("written", Duration.ofSeconds(30));

            parentPfns = RawFrames.pfns(parent, addr, pages);
            childPfns = RawFrames.pfns(child, addr, pages);
            ours = block(reader, parent, addr, pages);
            theirs = block(reader, child, addr, pages);
            for (int i = 0; i < pages; i++) {
                assertNotEquals(parentPfns[i], childPfns[i], "page " + i + " has its own frame after the child wrote");
                assertEquals(1, RawFrames.kpagecount(parentPfns[i]));
                assertEquals(parentPfns[i], ours.pfn(i));
                assertEquals(childPfns[i], theirs.pfn(i));
                assertEquals(1, ours.mapcount(i));
                assertEquals(Sharing.EXCLUSIVE, theirs.sharing(i));
            }
            assertEquals(0, ours.summary().shared());
            assertEquals(pages, theirs.summary().exclusive());
        }
    }

    @Test
    void twoProcessesShareTheFramesOfLibcText() throws Exception {
        try (LiveProcess a = LiveProcess.sleep(); LiveProcess b = LiveProcess.sleep()) {
            long[] textA = libcText(a.pid());
            long[] textB = libcText(b.pid());
            int pages = (int) ((textA[1] - textA[0]) / RawFrames.PAGE);
            // page cache comes and goes under other processes' load: only pages that read the same
            // before and after aspace's read are compared
            long[] before = RawFrames.pfns(a.pid(), textA[0], pages);
            RegionFrames fa = new FrameReader().read(a.pid(), textA[0], textA[1] - 1).regions().get(0);
            long[] after = RawFrames.pfns(a.pid(), textA[0], pages);
            long[] rawB = RawFrames.pfns(b.pid(), textB[0], pages);
            int both = 0;
            int stable = 0;
            for (int i = 0; i < pages; i++) {
                if (before[i] != after[i]) {
                    continue;
                }
                stable++;
                int at = fa.indexOf(textA[0] + i * RawFrames.PAGE);
                assertEquals(before[i], at < 0 ? 0 : fa.pfn(at), "aspace reads libc text page " + i);
                if (before[i] != 0 && rawB[i] != 0) {
                    assertEquals(before[i], rawB[i], "libc text page " + i + " is one frame in both");
                    assertTrue(fa.mapcount(at) >= 2, "mapped by both: page " + i);
                    assertEquals(Sharing.SHARED, fa.sharing(at));
                    both++;
                }
            }
            assertTrue(stable > pages * 9 / 10, "most pages held still: " + stable + " of " + pages);
            assertTrue(both >= 10, "sleep runs libc code: at least 10 text pages are resident in both, got " + both);
            assertTrue(fa.summary().shared() >= both, "the summary counts the shared pages");
        }
    }

    private static RegionFrames block(FrameReader reader, int pid, long addr, int pages) {
        FrameReport r = reader.read(pid, addr, addr + pages * RawFrames.PAGE - 1);
        assertEquals(1, r.regions().size(), "the block is one region");
        RegionFrames f = r.regions().get(0);
        assertEquals(pages, f.size(), "every page of the block is read");
        return f;
    }

    private static long[] libcText(int pid) throws IOException {
        List<long[]> text = RawFrames.mappings(pid, "r-xp", "/libc.so.6");
        assertEquals(1, text.size(), "one libc text mapping in " + pid);
        return text.get(0);
    }
}
