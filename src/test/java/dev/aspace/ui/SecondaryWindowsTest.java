package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ASLR and compare windows: one of each, raised when asked again; Escape, Ctrl+W and Ctrl+Q. */
@ExtendWith(ApplicationExtension.class)
class SecondaryWindowsTest {

    private final LinuxBackend backend = new LinuxBackend();
    private LiveProcess target;
    private MainWindow window;
    private Stage main;
    private final AtomicInteger quits = new AtomicInteger();

    @Start
    void start(Stage stage) {
        target = LiveProcess.sleep();
        Theme theme = Theme.fixed(false);
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        window.intervalProperty().set(Duration.hours(1));
        window.setOnQuit(quits::incrementAndGet);
        Scene scene = new Scene(window, 1260, 780);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
        main = stage;
    }

    @AfterEach
    void stop(FxRobot robot) {
        window.stop();
        target.close();
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != main).forEach(Window::hide));
    }

    private List<Stage> others() {
        return Window.getWindows().stream().filter(w -> w != main && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w).toList();
    }

    private void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theAslrButtonTwiceShowsOneWindowAndEscapeClosesIt(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#openAslr").queryButton().fire());
        Stage first = others().get(0);
        robot.interact(() -> robot.lookup("#openAslr").queryButton().fire());
        assertEquals(List.of(first), others(), "a second click raises the open window");
        robot.interact(first::requestFocus);
        press(robot, KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> others().isEmpty());
        robot.interact(() -> robot.lookup("#openAslr").queryButton().fire());
        assertEquals(1, others().size(), "closed, it opens again");
    }

    @Test
    void ctrlWClosesASecondaryWindowAndCtrlQQuitsFromIt(FxRobot robot) throws Exception {
        robot.interact(() -> window.openAslr());
        Stage aslr = others().get(0);
        robot.interact(aslr::requestFocus);
        press(robot, KeyCode.CONTROL, KeyCode.Q);
        assertEquals(1, quits.get());
        press(robot, KeyCode.CONTROL, KeyCode.W);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> others().isEmpty());
    }

    @Test
    void comparingAgainReusesTheOneCompareWindow(FxRobot robot) {
        Snapshot a = backend.snapshot(target.pid(), MemoryBackend.Detail.MAPS);
        Snapshot b = backend.snapshot(target.pid(), MemoryBackend.Detail.MAPS);
        robot.interact(() -> window.showCompare(List.of(a, b)));
        Stage compare = others().get(0);
        robot.interact(() -> window.showCompare(List.of(a, b, a)));
        assertEquals(List.of(compare), others());
        assertEquals("aspace · compare 3 snapshots", compare.getTitle());
        Rectangle2D screen = Secondary.screenOf(main);
        assertEquals(true, compare.getWidth() <= screen.getWidth() && compare.getHeight() <= screen.getHeight(),
                compare.getWidth() + "x" + compare.getHeight() + " on " + screen);
    }

    @Test
    void aWindowBesideTheMainOneGoesRightOfItLeftOfItOrAgainstTheScreensRightEdge() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1920, 1080);
        assertArrayEquals(new double[] {1000, 50}, Secondary.beside(new Rectangle2D(100, 50, 900, 700), 560, 640, screen));
        assertArrayEquals(new double[] {340, 50}, Secondary.beside(new Rectangle2D(900, 50, 900, 700), 560, 640, screen));
        // a main window filling a laptop screen: the lab covers its right column, not its ribbon
        Rectangle2D laptop = new Rectangle2D(0, 0, 1280, 800);
        assertArrayEquals(new double[] {720, 0}, Secondary.beside(new Rectangle2D(0, 0, 1280, 800), 560, 640, laptop));
    }
}
