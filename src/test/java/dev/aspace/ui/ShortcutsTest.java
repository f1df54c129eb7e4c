package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.testutil.LiveProcess;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Each shortcut, pressed through the robot (the toolkit's own key path: glass, the scene's
 * dispatch chain, its accelerators), does its thing once, whatever has the focus.
 */
@ExtendWith(ApplicationExtension.class)
class ShortcutsTest {

    private LiveProcess target;
    private MainWindow window;
    private Stage main;
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger saves = new AtomicInteger();
    private final AtomicInteger quits = new AtomicInteger();

    @Start
    void start(Stage stage) {
        target = LiveProcess.sleep();
        Theme theme = Theme.fixed(false);
        LinuxBackend backend = new LinuxBackend();
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        window.intervalProperty().set(Duration.hours(1)); // no ticks during the test
        window.setOnQuit(quits::incrementAndGet);
        window.setChoosers(new MainWindow.Choosers() {
            @Override
            public Path open(Window owner) {
                opens.incrementAndGet();
                return null; // the user cancelled
            }

            @Override
            public Path save(Window owner, String suggestedName) {
                saves.incrementAndGet();
                return null;
            }

            @Override
            public List<Path> compare(Window owner) {
                return List.of();
            }
        });
        Scene scene = new Scene(window, 1260, 780);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
        window.openLive(target.pid());
        main = stage;
    }

    @AfterEach
    void stop() {
        window.stop();
        target.close();
    }

    private void focus(FxRobot robot, String where) {
        Node node = switch (where) {
            case "table" -> window.table().table();
            case "button" -> window.lookup("#openProcess");
            case "details" -> window.lookup("#details");
            default -> throw new IllegalArgumentException(where);
        };
        robot.interact(node::requestFocus);
        assertSame(node, main.getScene().getFocusOwner(), "focus on the " + where);
    }

    private void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Stage> others() {
        return Window.getWindows().stream().filter(w -> w != main && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "button", "details"})
    void ctrlOAsksForAFileOnce(String where, FxRobot robot) {
        focus(robot, where);
        shortcut(robot, KeyCode.O);
        assertEquals(1, opens.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "button", "details"})
    void ctrlSAsksWhereToSaveOnce(String where, FxRobot robot) {
        focus(robot, where);
        shortcut(robot, KeyCode.S);
        assertEquals(1, saves.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "button", "details"})
    void ctrlPOpensOnePickerAndEscapeClosesIt(String where, FxRobot robot) throws Exception {
        focus(robot, where);
        shortcut(robot, KeyCode.P);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !others().isEmpty());
        List<Stage> open = others();
        assertEquals(1, open.size(), "windows: " + open.stream().map(Stage::getTitle).toList());
        assertEquals("Open a process", open.get(0).getTitle());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> others().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "button", "details"})
    void ctrlQQuitsOnce(String where, FxRobot robot) {
        focus(robot, where);
        shortcut(robot, KeyCode.Q);
        assertEquals(1, quits.get());
    }
}
