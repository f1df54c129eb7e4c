package dev.aspace.ui.lab;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.AllocationGuard;
import dev.aspace.demo.Experiments;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.lab.AddressSpacesLab;
import dev.aspace.lab.LiveLabRunner;
import dev.aspace.ui.Background;
import dev.aspace.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks the first lab step end to end: predict, act (free is read for real), reveal, next. */
@ExtendWith(ApplicationExtension.class)
class LabViewTest {

    private MemoryUserController child;
    private LabViewModel model;

    @Start
    void start(Stage stage) {
        Theme.fixed(false); // AtlantaFX's colours, which aspace.css looks up, as the app has them
        child = MemoryUserController.start();
        LinuxBackend backend = new LinuxBackend();
        LiveLabRunner runner = new LiveLabRunner(new Experiments(child, backend, AllocationGuard.DEFAULT), backend);
        model = new LabViewModel(AddressSpacesLab.steps(), runner, Background.threads());
        stage.setScene(new Scene(new LabView(model).node(), 700, 500));
        stage.show();
    }

    @AfterEach
    void stopChild() {
        child.close();
    }

    @Test
    void firstStepPredictActRevealNext(FxRobot robot) throws Exception {
        RadioButton available = robot.lookup("#lab-choice-1").queryAs(RadioButton.class);
        assertEquals("available", available.getText());
        robot.clickOn(available);
        assertEquals(1, model.predictionProperty().get());

        robot.clickOn("#lab-act");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.revealProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        String reveal = robot.lookup("#lab-reveal").queryAs(Label.class).getText();
        assertTrue(reveal.startsWith("total "), reveal);
        String verdict = robot.lookup("#lab-verdict").queryAs(Label.class).getText();
        int right = model.rightChoiceProperty().get();
        assertTrue(verdict.startsWith(right == 1 ? "You predicted it" : "Not quite"), verdict);

        Button next = robot.lookup("#lab-next").queryAs(Button.class);
        assertFalse(next.isDisabled());
        robot.clickOn(next);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.stepIndexProperty().get());
        assertEquals("", model.revealProperty().get());
        assertEquals("Allocate 100 MiB, touch nothing", robot.lookup("#lab-act").queryAs(Button.class).getText());
    }
}
