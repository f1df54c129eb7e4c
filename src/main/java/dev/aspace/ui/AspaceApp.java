package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.layout.Viewport;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.layout.Scale;
import dev.aspace.start.StartOptions;
import dev.aspace.ui.aslr.AslrWindow;
import dev.aspace.ui.frames.FramesStart;
import dev.aspace.ui.files.ConfigFile;
import dev.aspace.ui.files.RecentFilesStore;
import dev.aspace.ui.vm.ErrorLog;
import dev.aspace.ui.vm.SessionModel;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The desktop app: a live address space, the gauge and the controls, in one window. */
public final class AspaceApp extends Application {

    private MainWindow window;
    private MemoryUserController child;
    private Stage stage;
    private final WindowMemory places = WindowMemory.forUser();
    private boolean remembered;

    /** The system's theme preference, asked (gsettings may be slow) while the toolkit starts. */
    private static volatile CompletableFuture<ThemePreference.Detected> systemTheme;

    /**
     * What the first view needs from other processes, started before the toolkit: the process
     * named by -Daspace.pid read, or the memory-user child started and read. Making the toolkit,
     * the stylesheets and the window takes about as long, so the first painted frame no longer
     * waits for both one after the other (docs/PERFORMANCE.md, start to first frame).
     */
    private static volatile EarlyStart early;

    private record EarlyStart(MemoryBackend backend, StatProbe probe, int pid,
                              CompletableFuture<SessionModel.FullRead> read,
                              CompletableFuture<MemoryUserController> child) {

        static EarlyStart begin(StartOptions opts) {
            MemoryBackend backend = MemoryBackend.live();
            StatProbe probe = new StatProbe(backend);
            if (opts.pid() > 0) {
                return new EarlyStart(backend, probe, opts.pid(), timed("first-read", Background.early(
                        () -> SessionModel.FullRead.take(backend, probe, opts.pid(), System::nanoTime))), null);
            }
            if (opts.open() != null) {
                return new EarlyStart(backend, probe, -1, null, null); // a file is shown, no child
            }
            CompletableFuture<MemoryUserController> child = timed("child-started",
                    Background.early(MemoryUserController::start));
            return new EarlyStart(backend, probe, -1, timed("first-read", child.thenApplyAsync(
                    c -> SessionModel.FullRead.take(backend, probe, c.pid(), System::nanoTime))), child);
        }

        private static <T> CompletableFuture<T> timed(String mark, CompletableFuture<T> work) {
            work.whenComplete((r, e) -> StartupClock.mark(mark));
            return work;
        }
    }

    /** The start options, read once by the launcher; null when the toolkit started the app itself. */
    private static volatile StartOptions options;

    public static void launchApp(String[] args, StartOptions opts) {
        StartupClock.mark("main");
        options = opts;
        early = EarlyStart.begin(opts);
        systemTheme = askSystemTheme(opts);
        Application.launch(AspaceApp.class, args);
    }

    private static CompletableFuture<ThemePreference.Detected> askSystemTheme(StartOptions opts) {
        return Background.early(() -> ThemePreference.detectNow(opts.dark(), Duration.ofSeconds(2)));
    }

    /**
     * The saved choice and the system's preference; waits for gsettings at most a moment, and
     * if it answers later, the theme follows then (off the FX thread meanwhile).
     */
    private static Theme startTheme(StartOptions opts) {
        CompletableFuture<ThemePreference.Detected> asked = systemTheme != null ? systemTheme : askSystemTheme(opts);
        ThemeChoiceStore store = ThemeChoiceStore.forUser(System.getenv(), System.getProperty("user.home"));
        try {
            return new Theme(store, store.load(), asked.get(250, TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            Theme theme = new Theme(store, store.load(),
                    new ThemePreference.Detected(false, "the desktop has not answered yet"));
            asked.thenAccept(d -> Background.onFx(() -> theme.systemDetected(d)));
            return theme;
        }
    }

    @Override
    public void start(Stage stage) {
        StartupClock.mark("toolkit-started");
        warmFontsAside();
        StartOptions opts = options != null ? options : StartOptions.read();
        Theme theme = startTheme(opts);
        EarlyStart started = early != null ? early : EarlyStart.begin(opts);
        early = null;
        MemoryBackend backend = started.backend();
        Background background = Background.threads();
        window = new MainWindow(backend, FrameBackend.live(), background, started.probe(), theme);
        window.setOnQuit(Platform::exit);
        logUnexpectedErrors();
        StartupClock.mark("window-built");
        window.ribbon().model().scaleProperty().set(opts.linearScale() ? Scale.LINEAR : Scale.LOG);

        // where it was last time, brought onto today's screen; the first time, fitted to it
        Scene scene = WindowMemory.apply(places.place(MainWindow.DIVIDERS), stage, window, window.splits());
        scene.getStylesheets().add(Theme.stylesheet());
        this.stage = stage;
        stage.titleProperty().bind(window.titleProperty());
        window.recents().useStore(RecentFilesStore.forUser());
        window.table().rememberColumnsIn(ConfigFile.forUser("table-columns"), background);
        window.rememberPickerSizeIn(ConfigFile.forUser("picker-size"));
        stage.setOnHidden(e -> {
            remember();
            window.stop();
        });
        int lab = opts.pid() > 0 ? 0 : opts.labStep(); // the lab needs the memory-user child
        List<Path> compare = opts.compare();
        int aslrRuns = opts.aslrRuns();
        if (opts.viewInterval() != null) {
            long[] v = opts.viewInterval();
            window.session().snapshotProperty().addListener((o, a, snap) -> {
                if (a == null && snap != null) {
                    var m = window.ribbon().model();
                    m.show(Viewport.of(m.getViewport().lengthPx(), v[0], v[1]));
                }
            });
        }
        if (!opts.select().isBlank()) {
            selectOnce(window.session(), opts);
        }
        if (opts.screenshot() != null) {
            WindowShot.whenReady(window.session(), 1 + (compare.isEmpty() ? 0 : 1) + (lab > 0 ? 1 : 0)
                    + (aslrRuns > 0 ? 1 : 0), opts.screenshot(), opts.screenshotDelayMs());
        }
        if (opts.startupLog() != null) {
            logFirstFrame(window.session(), opts);
        }

        // What the first view shows is usually read by now (EarlyStart): put it in the window
        // before it is shown, so the first pass of CSS and layout is the one with the data, not
        // an empty window styled and laid out once more a moment later. A comparison asked for
        // at start opens before it (it starts from the files alone).
        Path open = opts.open();
        CompletableFuture<MemoryUserController> child = started.child();
        boolean before = compare.isEmpty() && aslrRuns == 0 && open == null;
        boolean opened = false;
        if (before && opts.pid() > 0) {
            window.openLive(opts.pid(), started.read());
            opened = true;
        } else if (before && child != null && child.isDone() && !child.isCompletedExceptionally()) {
            attach(child.join(), started, stage, background, lab);
            opened = true;
        }
        stage.show();
        StartupClock.mark("shown");
        FramesStart.start(scene, opts.frames());

        if (!compare.isEmpty()) {
            window.compare(compare); // nothing is on screen yet: the files alone
        }
        if (aslrRuns > 0) {
            AslrWindow aslr = window.openAslr();
            aslr.model().runsProperty().set(aslrRuns);
            aslr.model().start();
        }
        if (opened) {
            return;
        }
        if (opts.pid() > 0) {
            window.openLive(opts.pid(), started.read());
        } else if (open != null) {
            List<Integer> marks = opts.timeline();
            if (!marks.isEmpty()) {
                window.timeline().model().seriesProperty().addListener((o, a, series) -> {
                    if (series != null && a == null) {
                        window.timeline().model().markAProperty().set(marks.get(0));
                        window.timeline().model().markBProperty().set(marks.get(1));
                        window.timeline().model().select(marks.get(1));
                    }
                });
            }
            window.open(open);
        } else {
            // the default view: a memory-user child the user can change, started off the FX thread
            background.await(child, c -> attach(c, started, stage, background, lab), failed -> {
                window.openLive((int) ProcessHandle.current().pid());
                window.session().reportError(failed); // after openLive, which clears the banner
            });
        }
    }

    /**
     * Starts JavaFX's font system on another thread while this one makes the theme and the
     * window: fontconfig's ~60 configuration files and the default font are otherwise read on
     * the FX thread by the first CSS pass (docs/PERFORMANCE.md, start to first frame). Text and
     * Font are initialised here first, on the FX thread: JavaFX's classes and their helpers
     * initialise each other, and two threads starting that from opposite ends could deadlock.
     */
    private static void warmFontsAside() {
        try {
            Class.forName("javafx.scene.text.Text");
            Class.forName("javafx.scene.text.Font");
        } catch (ClassNotFoundException e) {
            return;
        }
        Background.aside("aspace-font-warm-up", () -> {
            Text sample = new Text("Address 0x7ffe Perm");
            sample.setFont(Font.font("System", 14));
            sample.getLayoutBounds();
        });
    }

    /**
     * Unexpected errors go to a log file under the user's state directory, with their stack
     * trace; one thrown on the FX thread and caught by nobody is also said in the banner.
     */
    private void logUnexpectedErrors() {
        try {
            ErrorLog.toFile(ErrorLog.stateDir(System.getenv(), System.getProperty("user.home")));
        } catch (IOException e) {
            window.session().showMessage("errors cannot be logged: " + e.getMessage());
        }
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler before = fx.getUncaughtExceptionHandler();
        fx.setUncaughtExceptionHandler((t, e) -> {
            try {
                window.session().reportError(e);
            } catch (RuntimeException again) {
                before.uncaughtException(t, e);
            }
        });
    }

    /** The default view: the memory-user child's panel, its first read, and the lab if asked. */
    private void attach(MemoryUserController c, EarlyStart started, Stage stage, Background background, int lab) {
        this.child = c;
        window.attachMemoryUser(c, started.read());
        if (lab > 0) {
            // after start() has shown the main window, the lab's owner
            Background.onFx(() -> window.openLab(lab - 1, true));
        }
    }

    /** Remembers the main window's place (closing, or quitting with Ctrl+Q). */
    private void remember() {
        if (stage != null && window != null && stage.getWidth() > 0 && !remembered) {
            remembered = true;
            places.save(WindowMemory.of(stage, window.splits()), e -> { });
        }
    }

    @Override
    public void stop() {
        remember();
        if (window != null) {
            window.stop();
        }
        if (child != null) {
            child.close();
        }
    }

    /** Selects the region the options name as soon as a snapshot with smaps has it. */
    private static void selectOnce(SessionModel session, StartOptions opts) {
        session.snapshotProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Snapshot> o, Snapshot a, Snapshot s) {
                if (s == null) {
                    return;
                }
                for (Region r : s.regions()) {
                    if (opts.selects(r)) {
                        session.selectedProperty().set(r);
                        if (r.smaps() != null) {
                            session.snapshotProperty().removeListener(this);
                        }
                        return;
                    }
                }
            }
        });
    }

    /** Writes the milliseconds from JVM start to the first frame painted with a snapshot. */
    private static void logFirstFrame(SessionModel session, StartOptions opts) {
        session.snapshotProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Snapshot> o, Snapshot a, Snapshot s) {
                session.snapshotProperty().removeListener(this);
                StartupClock.mark("snapshot");
                new AnimationTimer() {
                    private int frames;

                    @Override
                    public void handle(long now) {
                        // the frame after the one that took the snapshot has been painted
                        if (++frames < 2) {
                            return;
                        }
                        stop();
                        try {
                            Files.writeString(opts.startupLog(), StartupClock.report("first-frame-ms", opts.startupThreads()));
                        } catch (IOException e) {
                            session.reportError(e);
                        }
                    }
                }.start();
            }
        });
    }
}
