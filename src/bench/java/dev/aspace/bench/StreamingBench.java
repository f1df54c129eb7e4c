package dev.aspace.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.NativeBlock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * memory-user's streaming rate against C (issue 4: Java must reach 0.8x of C). Both sides make
 * the same writes — one 8-byte word per 64-byte line, see MemoryWalker and src/test/c/stream_ref.c
 * — over the very same buffer (an anonymous mmap, faulted in once at setup, so only the walk is
 * timed), in the same process, one after the other. Score: milliseconds per pass over
 * {@code megabytes}; MB/s = megabytes / (score / 1000). Java is fast enough when
 * {@code javaPass <= cPass / 0.8}.
 *
 * <p>The C side is built at bench time from src/test/c/stream_ref.c as a shared library
 * (gcc -O2, the flags of scripts/build-c.sh) and called through JNA; a call costs about a
 * microsecond against tens of milliseconds per pass. (JNA outside backend.jna is fine here: the
 * layering rule covers the product, not benchmarks.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamingBench {

    /** The C loop, as a library. */
    public interface StreamRef extends Library {
        void stream_pass(Pointer buf, long len, long value);
    }

    @Param("256")
    public int megabytes;

    private NativeBlock block;
    private StreamRef ref;
    private long value;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        block = NativeBlock.allocate(1, BlockKind.MMAP, (long) megabytes << 20, null);
        block.walker().pass(0);  // fault every page in: page faults are not what is measured
        ref = Native.load(buildLibrary().toString(), StreamRef.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        block.free();
    }

    @Benchmark
    public long javaPass() {
        block.walker().pass(++value);
        return value;
    }

    @Benchmark
    public long cPass() {
        ref.stream_pass(new Pointer(block.block().address()), block.block().size(), ++value);
        return value;
    }

    private static Path buildLibrary() throws IOException, InterruptedException {
        Path src = Path.of("src/test/c/stream_ref.c");
        Path out = Path.of(System.getProperty("aspace.testc", "target/testc")).resolve("libstream_ref.so");
        Files.createDirectories(out.getParent());
        Process gcc = new ProcessBuilder("gcc", "-O2", "-shared", "-fPIC", "-o", out.toString(), src.toString())
                .inheritIO().start();
        if (gcc.waitFor() != 0) {
            throw new IllegalStateException("gcc could not build " + out + " from " + src);
        }
        return out.toAbsolutePath();
    }
}
