package dev.aspace.lab;

import dev.aspace.backend.linux.FramePrivilege;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.demo.AllocationGuard;
import dev.aspace.demo.Block;
import dev.aspace.demo.Experiments;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.demo.MemoryUserListener;
import dev.aspace.frames.FrameMatch;
import dev.aspace.testutil.RawFrames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two frame steps of the lab on a real run, with the privilege: what the lab measured and how it
 * judged, against pagemap and kpagecount read by the test's own reader ({@link RawFrames}).
 */
class FrameStepsLiveTest {

    private MemoryUserController child;
    private LiveLabRunner runner;

    @BeforeEach
    void start() {
        assumeTrue(FramePrivilege.granted(ProcPath.SYSTEM), "frame numbers need CAP_SYS_ADMIN");
        child = MemoryUserController.start();
        LinuxBackend backend = new LinuxBackend();
        runner = new LiveLabRunner(new Experiments(child, backend, AllocationGuard.DEFAULT), backend);
    }

    @AfterEach
    void stop() {
        if (child != null) {
            child.close();
        }
    }

    /** Pages of libc's text present in both and with the same frame, as the test reads them. */
    private record Raw(long both, long same, long leastCount) {
    }

    private Raw rawLibc() throws IOException {
        int self = (int) ProcessHandle.current().pid();
        long[] a = RawFrames.mappings(child.pid(), "r-xp", "/libc.so.6").get(0);
        long[] b = RawFrames.mappings(self, "r-xp", "/libc.so.6").get(0);
        int pages = (int) ((a[1] - a[0]) / RawFrames.PAGE);
        long[] ea = RawFrames.pagemap(child.pid(), a[0], pages);
        long[] eb = RawFrames.pagemap(self, b[0], pages);
        long both = 0, same = 0, least = Long.MAX_VALUE;
        for (int i = 0; i < pages; i++) {
            if (ea[i] < 0 && eb[i] < 0) {
                both++;
                if (RawFrames.pfn(ea[i]) == RawFrames.pfn(eb[i])) {
                    same++;
                    least = Math.min(least, RawFrames.kpagecount(RawFrames.pfn(ea[i])));
                }
            }
        }
        return new Raw(both, same, least);
    }

    @Test
    void libcTextOfMemoryUserAndAspaceIsOneCopyInRamAsPagemapSays() throws Exception {
        Raw before = rawLibc();
        List<Measurement> m = runner.perform(LabAction.COMPARE_LIBC_FRAMES);
        Raw after = rawLibc();
        FrameMatch f = m.get(0).frames().get(0);

        assertTrue(f.privileged());
        assertEquals(child.pid(), f.pidA());
        assertEquals(ProcessHandle.current().pid(), f.pidB());
        // the JVM keeps faulting libc pages in while it runs: the lab's read lies between the test's two
        assertTrue(before.both() <= f.presentBoth() && f.presentBoth() <= after.both(),
                "present in both: test read " + before.both() + " then " + after.both() + ", lab " + f.presentBoth());
        assertTrue(before.same() <= f.sameFrame() && f.sameFrame() <= after.same(),
                "same frame: test read " + before.same() + " then " + after.same() + ", lab " + f.sameFrame());
        assertTrue(after.both() > 0 && after.same() == after.both(), "pagemap: one copy of libc's text " + after);
        assertTrue(after.leastCount() >= 2 && f.minMapcount() >= 2,
                "kpagecount: each frame mapped by both at least: test " + after.leastCount() + ", lab " + f.minMapcount());

        LabStep step = AddressSpacesLab.libcOnce();
        assertEquals(0, step.rightChoice().applyAsInt(m), "'yes: one copy in RAM, mapped by both'");
        String reveal = step.reveal().apply(m);
        assertTrue(reveal.contains(f.sameFrame() + " of the " + f.presentBoth() + " share a frame"), reveal);
        assertTrue(reveal.contains("/proc/kpagecount says "), reveal);
    }

    @Test
    void forkSharesEveryFrameOfTheBlockUntilTheForkWritesThenNone() throws Exception {
        // When the fork has written, the test reads both pagemaps itself (the lab waits on the same event,
        // and the fork lives until this listener returns: the controller reads its replies on this thread).
        AtomicReference<long[][]> seen = new AtomicReference<>();
        child.addListener(new MemoryUserListener() {
            @Override
            public void event(String name, Map<String, String> fields) {
                if (name.equals("forkwrote")) {
                    try {
                        Block b = child.blocks().get(child.blocks().size() - 1);
                        int pages = (int) (b.size() / RawFrames.PAGE);
                        long[] parent = RawFrames.pfns(child.pid(), b.address(), pages);
                        long[] fork = RawFrames.pfns(Integer.parseInt(fields.get("fork")), b.address(), pages);
                        long[] counts = new long[pages];
                        for (int i = 0; i < pages; i++) {
                            counts[i] = RawFrames.kpagecount(parent[i]);
                        }
                        seen.set(new long[][] {parent, fork, counts});
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        });
        int blocks = child.blocks().size();
        List<Measurement> m = runner.perform(LabAction.FORK_THEN_WRITE);
        FrameMatch forked = m.get(0).frames().get(0);
        FrameMatch written = m.get(0).frames().get(1);
        long pages = LiveLabRunner.FORK_BLOCK / RawFrames.PAGE;

        assertEquals(pages, forked.pages());
        assertEquals(pages, forked.sameFrame(), "right after fork every page of the block is one frame for both");
        assertEquals(2, forked.minMapcount(), "kpagecount: parent and fork");
        assertEquals(2, forked.maxMapcount(), "kpagecount: parent and fork");

        long[][] raw = seen.get();
        assertNotNull(raw, "the test read pagemap when the fork had written");
        long rawSame = 0;
        for (int i = 0; i < pages; i++) {
            assertTrue(raw[0][i] != 0 && raw[1][i] != 0, "page " + i + " present in both");
            rawSame += raw[0][i] == raw[1][i] ? 1 : 0;
            assertEquals(1, raw[2][i], "kpagecount of the parent's frame " + i + " after the fork wrote");
        }
        assertEquals(0, rawSame, "pagemap read by the test: the fork has a frame of its own for every page");
        assertEquals(pages, written.presentBoth());
        assertEquals(rawSame, written.sameFrame(), "the lab's figure after the write");

        LabStep step = AddressSpacesLab.forkSharedUntilWritten();
        assertEquals(0, step.rightChoice().applyAsInt(m), "'all of them after fork, none after the fork wrote'");
        String reveal = step.reveal().apply(m);
        assertTrue(reveal.contains("Right after fork: " + pages + " present in both, " + pages
                + " share a frame (the same PFN in both pagemaps; /proc/kpagecount: each of those frames is mapped 2 times)"),
                reveal);
        assertTrue(reveal.contains("After the fork wrote its copy: " + pages + " present in both, 0 share a frame"), reveal);
        assertEquals(blocks, child.blocks().size(), "the lab freed its block");
        assertTrue(child.forks().isEmpty(), "and ended its fork");
    }
}
