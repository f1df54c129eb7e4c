package dev.aspace.ui.lab;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.ui.Background;
import dev.aspace.ui.MainWindow;
import dev.aspace.ui.StatProbe;
import dev.aspace.ui.Theme;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window with a memory-user child offers the lab, and the button opens it. */
@ExtendWith(ApplicationExtension.class)
class LabInMainWindowTest {

    private MemoryUserController child;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme theme = Theme.fixed(false); // AtlantaFX's colours, which aspace.css looks up, as the app has them
        child = MemoryUserController.start();
        LinuxBackend backend = new LinuxBackend();
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        stage.setScene(new Scene(window, 1260, 780)); // inside Monocle's 1280x800 headless screen
        stage.show();
        window.attachMemoryUser(child);
    }

    @AfterEach
    void stop() {
        window.stop();
        child.close();
    }

    @Test
    void labButtonOpensTheLabOnTheChild(FxRobot robot) {
        FlowPane bar = (FlowPane) window.lookup("#toolbar");
        Button open = (Button) bar.getChildren().stream().filter(n -> "openLab".equals(n.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no Lab button in the toolbar"));
        robot.interact(open::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Window lab = Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().contains("lab"))
                .findFirst().orElseThrow(() -> new AssertionError("no lab window opened"));
        assertTrue(lab.isShowing());
        Button act = (Button) lab.getScene().lookup("#lab-act");
        assertEquals("Run free", act.getText());

        robot.interact(open::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().contains("lab")).count(), "a second click raises the lab");
        // beside the main window: its left edge right of the main window's middle, all on screen
        Window main = window.getScene().getWindow();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(lab.getX() >= main.getX() + main.getWidth() / 2, lab.getX() + " vs main " + main.getX());
        assertTrue(lab.getX() + lab.getWidth() <= screen.getMaxX() && lab.getY() + lab.getHeight() <= screen.getMaxY(),
                "on screen: " + lab.getX() + "," + lab.getY() + " " + lab.getWidth() + "x" + lab.getHeight());
    }
}
