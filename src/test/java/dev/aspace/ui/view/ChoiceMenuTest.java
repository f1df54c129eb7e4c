package dev.aspace.ui.view;

import javafx.scene.Scene;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drop-down of a few choices, opened and clicked as a user would. */
@ExtendWith(ApplicationExtension.class)
class ChoiceMenuTest {

    private ChoiceMenu<Integer> menu;

    @Start
    void start(Stage stage) {
        menu = new ChoiceMenu<>(Arrays.asList(null, 1, 2, 5), n -> n == null ? "any" : "every " + n + " s");
        menu.setId("choice");
        stage.setScene(new Scene(new StackPane(menu), 300, 200));
        stage.show();
    }

    private RadioMenuItem item(int i) {
        return (RadioMenuItem) menu.getItems().get(i);
    }

    @Test
    void clickingAnItemChoosesItsValueAndShowsItsName(FxRobot robot) {
        robot.clickOn("#choice");
        robot.clickOn("every 5 s");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, menu.getValue());
        assertEquals("every 5 s", menu.getText());
        assertTrue(item(3).isSelected(), "the chosen item is checked in the menu");
        assertFalse(item(1).isSelected());
    }

    @Test
    void nullIsAChoiceWithItsOwnName(FxRobot robot) {
        robot.interact(() -> menu.setValue(2));
        robot.clickOn("#choice");
        robot.clickOn("any");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(menu.getValue());
        assertEquals("any", menu.getText());
        assertTrue(item(0).isSelected());
    }

    @Test
    void withoutNullAmongTheChoicesNoValueShowsEmptyAndNamesAreNeverAskedForNull(FxRobot robot) {
        var made = new AtomicReference<ChoiceMenu<String>>();
        robot.interact(() -> made.set(new ChoiceMenu<>(List.of("a", "b"), s -> s.toUpperCase())));
        ChoiceMenu<String> plain = made.get();
        assertEquals("", plain.getText());
        robot.interact(() -> plain.setValue("b"));
        assertEquals("B", plain.getText());
        robot.interact(() -> plain.setValue(null));
        assertEquals("", plain.getText());
    }

    @Test
    void aValueSetFromOutsideIsShownAndChecked(FxRobot robot) {
        robot.interact(() -> menu.valueProperty().set(1));
        assertEquals("every 1 s", menu.getText());
        assertTrue(item(1).isSelected());
        assertEquals(List.of(false, true, false, false), menu.getItems().stream()
                .map(m -> ((RadioMenuItem) m).isSelected()).toList());
    }
}
