package dev.aspace.bench;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.layout.RegionSet;
import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.Scale;
import dev.aspace.layout.Viewport;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.ribbon.RibbonGeometry;
import dev.aspace.ui.ribbon.RibbonPalette;
import dev.aspace.ui.ribbon.RibbonRenderer;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
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

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * One ribbon frame of a real 60,000-region address space (src/test/c/many_maps.c, read by the
 * Linux backend with smaps and classified) in JavaFX's software pipeline (Prism sw, Monocle
 * headless), issue 3's budget: at most 8 ms.
 *
 * <p>A frame is what the view does when the picture changes: lay out the visible interval, draw
 * it through {@link RibbonRenderer} onto the Canvas, and have Prism rasterise the Canvas. Canvas
 * drawing only records commands, so each frame ends with {@code canvas.snapshot}, which makes the
 * software pipeline render them (and reads the pixels back, an extra cost a real frame does not
 * have: the figure is an upper bound). All of it runs on the FX thread, as in the app.
 *
 * <ul>
 *   <li>{@code frame}: layout + draw + rasterise, whole 64-bit space (every region in per-pixel bins);</li>
 *   <li>{@code frameZoomed}: the same for a view of 1/64 of the mapped span (wide regions and labels);</li>
 *   <li>{@code drawOnly}: draw + rasterise of a ready layout (hover, highlight fades).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
        "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true"})
public class RibbonFrameBench {

    @Param({"60000"})
    public int regions;

    /** Canvas size of the ribbon in a 1600x1000 window. */
    private static final double WIDTH = 460;
    private static final double HEIGHT = 860;

    private RegionSet set;
    private Canvas canvas;
    private WritableImage image;
    private RibbonGeometry geo;
    private RibbonLayout ready;
    private Viewport zoomed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Snapshot s;
        try (LiveProcess p = LiveProcess.startHelper("many_maps", Integer.toString(regions))) {
            s = new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
        }
        if (s.regions().size() < regions) {
            throw new IllegalStateException("many_maps gave " + s.regions().size() + " regions");
        }
        set = RegionSet.of(s.regions());
        geo = RibbonGeometry.of(WIDTH, HEIGHT);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        onFx(() -> {
            canvas = new Canvas(WIDTH, HEIGHT);
            image = new WritableImage((int) WIDTH, (int) HEIGHT);
            return null;
        });
        ready = RibbonLayout.layout(set, Viewport.whole(geo.length()), Scale.LOG);
        long lo = s.regions().get(0).start();
        long span = s.regions().get(s.regions().size() - 1).end() - lo;
        long mid = lo + span / 2;
        zoomed = Viewport.of(geo.length(), mid, mid + Math.max(1L << 20, span / 64));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Platform.exit();
    }

    @Benchmark
    public WritableImage frame() throws Exception {
        return onFx(() -> render(RibbonLayout.layout(set, Viewport.whole(geo.length()), Scale.LOG)));
    }

    @Benchmark
    public WritableImage frameZoomed() throws Exception {
        return onFx(() -> render(RibbonLayout.layout(set, zoomed, Scale.LOG)));
    }

    @Benchmark
    public WritableImage drawOnly() throws Exception {
        return onFx(() -> render(ready));
    }

    private WritableImage render(RibbonLayout layout) {
        RibbonRenderer.draw(canvas.getGraphicsContext2D(), layout, geo, RibbonPalette.LIGHT, RibbonRenderer.State.PLAIN);
        return canvas.snapshot(null, image);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }
}
