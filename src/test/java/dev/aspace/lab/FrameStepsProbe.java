package dev.aspace.lab;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.AllocationGuard;
import dev.aspace.demo.Experiments;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.frames.FrameMatch;
import dev.aspace.testutil.RawFrames;

import java.util.List;

/**
 * Run as user nobody by {@link FrameStepsWithoutRootTest}: takes the lab's two frame steps on a
 * memory-user of its own and prints, one {@code key=value} a line, how each was judged, what it
 * revealed (newlines as " | ") and its figures; and, from the test's own pagemap reader around the
 * lab's read, the largest frame number the kernel gave and libc's pages mapped more than once in both.
 */
public final class FrameStepsProbe {

    private FrameStepsProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (MemoryUserController child = MemoryUserController.start()) {
            LinuxBackend backend = new LinuxBackend();
            LiveLabRunner runner = new LiveLabRunner(new Experiments(child, backend, AllocationGuard.DEFAULT), backend);
            int self = (int) ProcessHandle.current().pid();
            long[] rawBefore = twiceMapped(child.pid(), self);
            List<Measurement> libc = runner.perform(LabAction.COMPARE_LIBC_FRAMES);
            long[] rawAfter = twiceMapped(child.pid(), self);
            print("libc", AddressSpacesLab.libcOnce(), libc);
            System.out.println("rawTwiceBefore=" + rawBefore[0]);
            System.out.println("rawTwiceAfter=" + rawAfter[0]);
            System.out.println("rawLargestPfn=" + Math.max(rawBefore[1], rawAfter[1]));
            print("fork", AddressSpacesLab.forkSharedUntilWritten(), runner.perform(LabAction.FORK_THEN_WRITE));
        }
    }

    private static void print(String key, LabStep step, List<Measurement> m) {
        System.out.println(key + "Right=" + step.rightChoice().applyAsInt(m));
        System.out.println(key + "Reveal=" + step.reveal().apply(m).replace("\n", " | "));
        List<FrameMatch> frames = m.get(0).frames();
        for (int i = 0; i < frames.size(); i++) {
            FrameMatch f = frames.get(i);
            System.out.println(key + i + "=" + f.privileged() + " " + f.pages() + " " + f.presentBoth() + " "
                    + f.sameFrame() + " " + f.mappedTwiceOrMore() + " " + f.apart() + " " + f.minMapcount());
        }
    }

    /** Pages of libc's text present and mapped more than once in both, and the largest frame number seen. */
    private static long[] twiceMapped(int a, int b) throws Exception {
        long[] ra = RawFrames.mappings(a, "r-xp", "/libc.so.6").get(0);
        long[] rb = RawFrames.mappings(b, "r-xp", "/libc.so.6").get(0);
        int pages = (int) ((ra[1] - ra[0]) / RawFrames.PAGE);
        long[] ea = RawFrames.pagemap(a, ra[0], pages);
        long[] eb = RawFrames.pagemap(b, rb[0], pages);
        long twice = 0;
        long largest = 0;
        long exclusive = 1L << 56;
        for (int i = 0; i < pages; i++) {
            largest = Math.max(largest, Math.max(RawFrames.pfn(ea[i]), RawFrames.pfn(eb[i])));
            if (ea[i] < 0 && eb[i] < 0 && (ea[i] & exclusive) == 0 && (eb[i] & exclusive) == 0) {
                twice++;
            }
        }
        return new long[] {twice, largest};
    }
}
