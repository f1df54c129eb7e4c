package dev.aspace.demo;

import dev.aspace.backend.jna.NativeMemory;
import dev.aspace.backend.jna.NativeSystem;
import dev.aspace.backend.linux.PagemapReader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * memory-user as the OSTEP homework has it, in this process: allocate, touch as asked, stream
 * until the time is up (or forever), and say once a second how much is resident and how fast the
 * walk goes. The CLI ({@code aspace memory-user}) calls it.
 */
public final class MemoryUserRun {

    /**
     * @param bytes    how much to allocate
     * @param duration how long to run, or null for until killed
     * @param via      MMAP, MALLOC or BRK
     * @param touch    NONE, ONCE or STREAM
     * @param rateMbps MB/s for a paced walk, or 0 for full speed
     */
    public record Settings(long bytes, Duration duration, BlockKind via, Touch touch, double rateMbps) {
    }

    private MemoryUserRun() {
    }

    /** Runs until the duration is over; returns the number of full passes made. */
    public static long run(Settings s, PrintWriter out) throws InterruptedException {
        NativeBlock block = NativeBlock.allocate(1, s.via(), s.bytes(), null);
        int pid = NativeMemory.getpid();
        say(out, "memory-user: pid " + pid + ", " + Sizes.human(s.bytes()) + " via " + s.via().word() + " at 0x"
                + Long.toHexString(block.block().address()) + ", touch " + s.touch().word()
                + (s.rateMbps() > 0 ? " at " + s.rateMbps() + " MB/s" : "")
                + (s.duration() == null ? ", until killed" : ", for " + s.duration().toSeconds() + " s"));
        say(out, "look at it with: pmap -x " + pid);
        long deadline = s.duration() == null ? Long.MAX_VALUE : System.nanoTime() + s.duration().toNanos();
        MemoryWalker w = block.walker();
        long start = System.nanoTime();
        Thread reporter = new Thread(() -> report(out, block.block(), w, s.touch(), start), "memory-user-report");
        reporter.setDaemon(true);
        reporter.start();
        long passes = 0;
        try {
            if (s.touch() != Touch.NONE) {
                do {
                    passes++;
                    if (s.rateMbps() > 0) {
                        w.paced(w.size(), s.rateMbps() * Sizes.MB, passes, () -> System.nanoTime() > deadline);
                    } else {
                        w.pass(passes);
                    }
                } while (s.touch() == Touch.STREAM && System.nanoTime() < deadline);
            }
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } finally {
            reporter.interrupt();
            reporter.join();
            block.free();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        say(out, String.format(Locale.ROOT, "memory-user: done after %.1f s, %d passes, %.1f MB/s on average",
                secs, passes, w.bytesWalked() / (double) Sizes.MB / secs));
        return passes;
    }

    private static void report(PrintWriter out, Block block, MemoryWalker w, Touch touch, long start) {
        RateMeter meter = new RateMeter(w::bytesWalked);
        PagemapReader pagemap = new PagemapReader();
        long page = NativeSystem.pageSize();
        long from = block.address() & -page;
        long to = (block.end() + page - 1) & -page;
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            double rate = meter.sample();
            long resident = pagemap.read(NativeMemory.getpid(), from, to).presentPages() * page;
            say(out, String.format(Locale.ROOT, "%5d s  rss %s (the block: %s)  %s",
                    (System.nanoTime() - start) / 1_000_000_000L, Sizes.human(residentBytes()), Sizes.human(resident),
                    touch == Touch.NONE ? "not touching" : String.format(Locale.ROOT, "%.1f MB/s", rate)));
        }
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** This process's resident size: the second field of /proc/self/statm, in pages. */
    static long residentBytes() {
        try {
            String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
            return Long.parseLong(f[1]) * NativeSystem.pageSize();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
