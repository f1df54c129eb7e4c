package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.SeriesRecorder;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.view.PickerDialog;
import dev.aspace.ui.vm.PickerModel;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every window at 1280x800 (Monocle's headless screen): none larger than the screen, no label or
 * button showing its text cut while the full text is shown nowhere, no control squeezed below its
 * minimum size. Cells of tables are left out: a column is narrowed on purpose and the cell's text
 * is on hover.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFitTest {

    private final LinuxBackend backend = new LinuxBackend();
    private LiveProcess target;
    private MainWindow window;
    private Stage main;
    private MemoryUserController child;

    @Start
    void start(Stage stage) {
        Theme theme = Theme.fixed(false);
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        window.intervalProperty().set(Duration.hours(1));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, screen.getWidth(), screen.getHeight());
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
        main = stage;
    }

    @AfterEach
    void stop(FxRobot robot) {
        window.stop();
        if (target != null) {
            target.close();
        }
        if (child != null) {
            child.close();
        }
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != main).forEach(Window::hide));
    }

    /** What is wrong with the showing windows: one line each. */
    private static List<String> misfits() {
        List<String> found = new ArrayList<>();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (!(w instanceof Stage s) || !s.isShowing() || s.getScene() == null) {
                continue;
            }
            String name = s.getTitle() == null ? "untitled window" : s.getTitle();
            if (s.getWidth() > screen.getWidth() + 0.5 || s.getHeight() > screen.getHeight() + 0.5) {
                found.add(name + ": " + s.getWidth() + "x" + s.getHeight() + " is larger than the screen "
                        + screen.getWidth() + "x" + screen.getHeight());
            }
            check(s.getScene().getRoot(), name, found);
        }
        return found;
    }

    private static void check(Node n, String window, List<String> found) {
        if (!n.isVisible() || n instanceof IndexedCell<?>) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String shown = shownText(l);
            if (shown != null && !shown.equals(l.getText()) && (shown.endsWith("…") || shown.endsWith("..."))
                    && !l.getText().endsWith("…")) {
                found.add(window + ": " + describe(l) + " shows \"" + shown + "\" of \"" + l.getText() + "\"");
            }
        }
        if (n instanceof Control c && c.isManaged() && c.getWidth() > 0
                && (c.getWidth() + 0.5 < c.minWidth(-1) || c.getHeight() + 0.5 < c.minHeight(c.getWidth()))) {
            found.add(window + ": " + describe(c) + " is " + c.getWidth() + "x" + c.getHeight() + ", below its minimum "
                    + c.minWidth(-1) + "x" + c.minHeight(c.getWidth()));
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                check(child, window, found);
            }
        }
    }

    /** The text a Labeled's skin draws (its LabeledText), or null before it has a skin. */
    private static String shownText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }

    private void assertFits(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        robot.interact(() -> found.addAll(misfits()));
        assertEquals(List.of(), found);
    }

    private Stage newest() {
        List<Stage> all = Window.getWindows().stream().filter(w -> w != main && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w).toList();
        return all.get(all.size() - 1);
    }

    @Test
    void theMainWindowWithALongPathInTheDetails(FxRobot robot, @TempDir Path dir) throws Exception {
        // a program whose mapping name is long: a copy of sleep deep in directories with long names
        Path deep = Files.createDirectories(dir.resolve("a-directory-with-a-rather-long-name-for-a-program")
                .resolve("and-another-one-below-it-to-make-the-path-longer-still"));
        Path sleep = Files.copy(Path.of("/bin/sleep"), deep.resolve("sleep-with-a-long-name"));
        sleep.toFile().setExecutable(true);
        target = LiveProcess.start(sleep.toString(), "600");
        target.awaitExec("sleep-with-a-lo");
        robot.interact(() -> window.openLive(target.pid()));
        Region text = window.session().getSnapshot().regions().stream().filter(r -> r.path().equals(sleep.toString()))
                .findFirst().orElseThrow();
        robot.interact(() -> window.session().selectedProperty().set(text));
        assertTrue(main.getWidth() <= Screen.getPrimary().getVisualBounds().getWidth());
        assertFits(robot);
    }

    @Test
    void theMemoryUserPanelAndTheLab(FxRobot robot) throws Exception {
        child = MemoryUserController.start();
        robot.interact(() -> window.attachMemoryUser(child));
        assertFits(robot);
        robot.interact(() -> window.openLab(0, false));
        assertFits(robot);
    }

    @Test
    void theRecordDialogAndThePicker(FxRobot robot) throws Exception {
        target = LiveProcess.sleep();
        robot.interact(() -> window.openLive(target.pid()));
        Platform.runLater(() -> ((ButtonBase) window.lookup("#record")).fire()); // its dialog waits for an answer
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().size() > 1
                && Window.getWindows().stream().anyMatch(w -> w != main && w.isShowing()));
        assertFits(robot);
        robot.interact(() -> newest().close());

        robot.interact(() -> {
            PickerDialog picker = new PickerDialog(new PickerModel(backend::processes, Background.direct()));
            picker.initOwner(main);
            picker.show();
        });
        assertFits(robot);
    }

    @Test
    void theAslrWindowAndTheCompareWindow(FxRobot robot) {
        target = LiveProcess.sleep();
        robot.interact(() -> window.openAslr());
        assertFits(robot);
        robot.interact(() -> newest().close());
        Snapshot a = backend.snapshot(target.pid(), MemoryBackend.Detail.SMAPS);
        Snapshot b = backend.snapshot(target.pid(), MemoryBackend.Detail.SMAPS);
        robot.interact(() -> window.showCompare(List.of(a, b)));
        assertFits(robot);
    }

    @Test
    void theTimelineOfARecordedSeries(FxRobot robot, @TempDir Path dir) throws Exception {
        target = LiveProcess.sleep();
        Path series = dir.resolve("run.jsonl");
        new SeriesRecorder(series, () -> backend.snapshot(target.pid(), MemoryBackend.Detail.SMAPS),
                java.time.Duration.ofMillis(10), 50L << 20).run(3, r -> { }); // qualified: Duration is javafx.util.Duration here
        robot.interact(() -> window.open(series));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.timeline().model().seriesProperty().get() != null);
        assertFits(robot);
    }
}
