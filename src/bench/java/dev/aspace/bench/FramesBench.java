package dev.aspace.bench;

import dev.aspace.backend.linux.FramePrivilege;
import dev.aspace.backend.linux.FrameReader;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.frames.FrameReport;
import dev.aspace.testutil.LiveProcess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Frames of a 1 GiB resident region (262,144 pages of 4 KiB, THP off for it; src/test/c/fork_share.c
 * writes it and forks): pagemap, then kpageflags for every frame and kpagecount for every frame
 * mapped more than once, as {@code aspace frames} and the window read them. {@code shared=true}:
 * the child still shares every frame (each is mapped twice: the worst case, every count read);
 * {@code false}: the child has written its copy, the parent's frames are its own. Needs root. The
 * reference is reading the region's 2 MiB of pagemap alone, as {@code dd} would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class FramesBench {

    private static final int PAGES = 262_144;

    @Param({"true", "false"})
    public boolean shared;

    private LiveProcess target;
    private int pid;
    private long start;
    private FrameReader reader;
    private ByteBuffer buf;

    @Setup
    public void setUp() {
        if (!FramePrivilege.granted(ProcPath.SYSTEM)) {
            throw new IllegalStateException("FramesBench needs CAP_SYS_ADMIN (run as root)");
        }
        target = LiveProcess.start(LiveProcess.testHelper("fork_share").toString(), Integer.toString(PAGES));
        String[] ready = target.readLine().split(" ");
        pid = Integer.parseInt(ready[1].substring("parent=".length()));
        start = Long.parseUnsignedLong(ready[3].substring("addr=0x".length()), 16);
        if (!shared) {
            try {
                target.process().getOutputStream().write("childwrite\n".getBytes(StandardCharsets.US_ASCII));
                target.process().getOutputStream().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            target.awaitLine("written", Duration.ofMinutes(5));
        }
        reader = new FrameReader();
        buf = ByteBuffer.allocateDirect(PAGES * Long.BYTES);
    }

    @TearDown
    public void tearDown() {
        target.close();
    }

    @Benchmark
    public FrameReport frames() {
        FrameReport r = reader.read(pid, start, start + (long) PAGES * 4096 - 1);
        if (r.total().present() != PAGES) {
            throw new IllegalStateException("expected " + PAGES + " present pages, got " + r.total().present());
        }
        return r;
    }

    @Benchmark
    public int pagemapOnly() throws IOException {
        try (FileChannel ch = FileChannel.open(Path.of("/proc", Integer.toString(pid), "pagemap"), StandardOpenOption.READ)) {
            buf.clear();
            long pos = start / 4096 * Long.BYTES;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos + buf.position());
                if (n <= 0) {
                    break;
                }
            }
            return buf.position();
        }
    }
}
