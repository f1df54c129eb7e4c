package dev.aspace.bench;

import dev.aspace.backend.MemoryBackend.Detail;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.grid.GridColumn;
import dev.aspace.ui.grid.LongestText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The region table's number-column fit on every refresh: the longest text of the three number
 * columns shown at first (Size, RSS, Dirty in KiB, as the region table formats them) over the
 * regions of a live process with 60,000 mappings. {@code everyRowsText} formats each row's text
 * (columns without a figure); {@code largestFigure} compares the figures and formats one row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class NumberFitBench {

    private static final int MAPPINGS = 60_000;

    private List<Region> regions;
    private final List<GridColumn<Region>> textOnly = new ArrayList<>();
    private final List<GridColumn<Region>> withFigure = new ArrayList<>();

    @Setup(Level.Trial)
    public void start() {
        try (LiveProcess process = LiveProcess.startHelper("many_maps", Integer.toString(MAPPINGS))) {
            regions = new LinuxBackend().snapshot(process.pid(), Detail.SMAPS).regions();
        }
        if (regions.size() < MAPPINGS) {
            throw new IllegalStateException("many_maps has only " + regions.size() + " regions");
        }
        add(Region::size);
        add(r -> r.smaps() == null ? -1 : r.rss());
        add(r -> r.smaps() == null ? -1 : r.smaps().get("Private_Dirty") + r.smaps().get("Shared_Dirty"));
        for (int c = 0; c < textOnly.size(); c++) {
            if (LongestText.of(regions, textOnly.get(c)).length() != LongestText.of(regions, withFigure.get(c)).length()) {
                throw new IllegalStateException("column " + c + ": the two fits find texts of different lengths");
            }
        }
    }

    private void add(ToLongFunction<Region> f) {
        Function<Region, String> kib = r -> {
            long v = f.applyAsLong(r);
            return v < 0 ? "" : Long.toString(v >> 10);
        };
        textOnly.add(new GridColumn<>("n", GridColumn.Align.RIGHT, 70, true, kib, Comparator.comparingLong(f)));
        withFigure.add(new GridColumn<>("n", GridColumn.Align.RIGHT, 70, true, kib, Comparator.comparingLong(f), f));
    }

    @Benchmark
    public int everyRowsText() {
        return fit(textOnly);
    }

    @Benchmark
    public int largestFigure() {
        return fit(withFigure);
    }

    private int fit(List<GridColumn<Region>> columns) {
        int chars = 0;
        for (GridColumn<Region> c : columns) {
            chars += LongestText.of(regions, c).length();
        }
        return chars;
    }
}
