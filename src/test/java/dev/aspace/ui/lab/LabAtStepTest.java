package dev.aspace.ui.lab;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.ui.Background;
import dev.aspace.ui.Theme;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab opened at a later step with its action run (what -Daspace.lab does for the screenshots). */
@ExtendWith(ApplicationExtension.class)
class LabAtStepTest {

    private MemoryUserController child;
    private final AtomicInteger refreshed = new AtomicInteger();
    private Stage lab;

    @Start
    void start(Stage stage) {
        Theme.fixed(false); // AtlantaFX's colours, which aspace.css looks up, as the app has them
        child = MemoryUserController.start();
        lab = LabWindow.open(stage, child, new LinuxBackend(), Background.direct(), refreshed::incrementAndGet, 1, true);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> lab.close());
        child.close();
    }

    @Test
    void stepTwoIsShownWithTheNumbersItsActionMeasured(FxRobot robot) {
        Label title = robot.from(lab.getScene().getRoot()).lookup(".title-3").queryAs(Label.class);
        assertTrue(title.getText().startsWith("2. Allocate 100 MiB, touch nothing"), title.getText());
        String reveal = robot.from(lab.getScene().getRoot()).lookup("#lab-reveal").queryAs(Label.class).getText();
        assertTrue(reveal.matches("(?s)The address space grew by \\+100(\\.\\d)? MiB \\(VSZ\\).*"), reveal);
        String verdict = robot.from(lab.getScene().getRoot()).lookup("#lab-verdict").queryAs(Label.class).getText();
        assertTrue(verdict.startsWith("What happened: "), verdict); // no prediction was made
        assertEquals(1, refreshed.get()); // the main window was told to refresh once
    }
}
