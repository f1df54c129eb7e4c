package dev.aspace.bench;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.ui.Background;
import dev.aspace.ui.MainWindow;
import dev.aspace.ui.StatProbe;
import dev.aspace.ui.Theme;
import dev.aspace.ui.timeline.TimelineModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A series scrubbed in the real main window, timed from asking for a frame to the end of the
 * layout of the first pulse after it is on screen (the table, the ribbon and the details laid out
 * for it; the canvases are then drawn from that on the render thread): what a user waits for,
 * where {@link SeriesScrub} times the reads alone. Headless (Monocle, software pipeline), with the
 * window's own background threads. Usage (after a bench build): java -Xmx512m
 * -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ...
 * dev.aspace.bench.TimelineJumps FILE [JUMPS [PAUSE_MS [STEP]]]. PAUSE_MS is the time a user takes
 * between two clicks (0: each jump as soon as the one before is laid out, while the window still
 * reads the frame after it ahead, which that jump then waits for). STEP: scrub that many frames at
 * a time (1 forwards, -1 back) instead of jumping at random.
 */
public final class TimelineJumps {

    private static MainWindow window;
    /** The end of the last pulse's layout, and when the frame on screen last changed (both on the FX thread). */
    private static final AtomicLong painted = new AtomicLong();
    private static final AtomicLong shownAt = new AtomicLong();
    private static final AtomicLong askedAt = new AtomicLong();

    private TimelineJumps() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int jumps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long pause = args.length > 2 ? Long.parseLong(args[2]) : 0;
        int step = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                showWindow(file);
            } catch (RuntimeException e) {
                e.printStackTrace();
                System.exit(1); // the window could not be made: nothing to time
            }
            up.countDown();
        });
        up.await();
        TimelineModel model = onFx(() -> window.timeline().model());
        int frames = waitFor(() -> onFx(() -> model.frames().size()), n -> n > 1, "the series to open");
        waitFor(() -> onFx(() -> model.shownProperty().get()), k -> k == 0, "frame 0");
        onFx(() -> {
            model.shownProperty().addListener((o, a, b) -> shownAt.set(System.nanoTime()));
            return null;
        });
        SplittableRandom random = new SplittableRandom(5);
        long[] micros = new long[jumps];
        long[] read = new long[jumps];
        for (int i = 0; i < jumps; i++) {
            Thread.sleep(pause); // a user's pause between clicks, not a wait for a condition
            int now = onFx(() -> model.shownProperty().get());
            int k = step != 0 ? Math.floorMod(now + step, frames) // scrubbing, a step at a time
                    : (now + 1 + random.nextInt(frames - 1)) % frames; // another frame than the one shown
            onFx(() -> {
                askedAt.set(System.nanoTime());
                model.select(k);
                return null;
            });
            waitFor(() -> onFx(() -> model.shownProperty().get() == k && painted.get() > shownAt.get()), ok -> ok,
                    "frame " + k + " on screen");
            micros[i] = (painted.get() - askedAt.get()) / 1_000;
            read[i] = (shownAt.get() - askedAt.get()) / 1_000;
        }
        System.out.printf("%s: %d frames; %d %s %d ms apart, asked → painted: %s; of which asked → read"
                + " and shown: %s%n", file, frames, jumps, step == 0 ? "random jumps" : "steps of " + step, pause,
                spread(micros), spread(read));
        Platform.exit();
        System.exit(0);
    }

    private static void showWindow(Path file) {
        LinuxBackend backend = new LinuxBackend();
        window = new MainWindow(backend, FrameBackend.live(), Background.threads(), new StatProbe(backend),
                Theme.fixed(false));
        Scene scene = new Scene(window, 1260, 780);
        scene.getStylesheets().add(Theme.stylesheet());
        scene.addPostLayoutPulseListener(() -> painted.set(System.nanoTime()));
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        window.open(file);
    }

    /** "median 68.0 ms, p95 130.2 ms, max 233.6 ms" of times in microseconds. */
    private static String spread(long[] micros) {
        long[] m = micros.clone();
        Arrays.sort(m);
        return String.format("median %.1f ms, p95 %.1f ms, max %.1f ms", m[m.length / 2] / 1e3,
                m[(int) (m.length * 0.95)] / 1e3, m[m.length - 1] / 1e3);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    private static <T> T waitFor(Callable<T> read, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            T v = read.call();
            if (done.test(v)) {
                return v;
            }
            Thread.sleep(1); // polling the FX thread; the time measured is the FX thread's, not this loop's
        }
        throw new IllegalStateException("waited 120 s for " + what);
    }
}
