package dev.aspace.bench;

import dev.aspace.layout.RegionSet;
import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.Scale;
import dev.aspace.layout.SyntheticProcess;
import dev.aspace.layout.Viewport;
import dev.aspace.model.Region;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Layout of a whole address space on a 1600-pixel ribbon (issue 3: 1,000,000 regions in at most
 * 50 ms; 10k / 100k / 1M show that it grows linearly). Regions are shaped like a real process
 * ({@link SyntheticProcess#realistic}): program and heap near 0x55..., libraries and many small
 * anonymous regions clustered below 0x7f..., the stack, vdso and [vsyscall].
 *
 * <ul>
 *   <li>{@code logFromList}: the whole call a viewer makes for a new snapshot, checking and copying
 *       the {@code List<Region>} into a {@link RegionSet}, then the log layout;</li>
 *   <li>{@code log} / {@code linear}: re-layout of an existing RegionSet (every zoom, pan, resize).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class LayoutBench {

    @Param({"10000", "100000", "1000000"})
    public int regions;

    private List<Region> list;
    private RegionSet set;
    private Viewport whole;

    @Setup
    public void setUp() {
        list = SyntheticProcess.realistic(regions, 42);
        set = RegionSet.of(list);
        whole = Viewport.whole(1600);
    }

    @Benchmark
    public RibbonLayout logFromList() {
        return RibbonLayout.layout(list, whole, Scale.LOG);
    }

    @Benchmark
    public RibbonLayout log() {
        return RibbonLayout.layout(set, whole, Scale.LOG);
    }

    @Benchmark
    public RibbonLayout linear() {
        return RibbonLayout.layout(set, whole, Scale.LINEAR);
    }
}
