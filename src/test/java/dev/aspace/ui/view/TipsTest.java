package dev.aspace.ui.view;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A tooltip made at the first hover still shows as any tooltip does. */
@ExtendWith(ApplicationExtension.class)
class TipsTest {

    private static final String TEXT = "Save what is on screen as a snapshot (Ctrl+S)";
    private Button button;

    @Start
    void start(Stage stage) {
        button = new Button("Save…");
        Tips.install(button, TEXT);
        stage.setScene(new Scene(new StackPane(button), 300, 200));
        stage.show();
    }

    @Test
    void noTooltipIsMadeBeforeTheMouseComesButTheTextIsTheAccessibleHelp() {
        assertNull(button.getTooltip());
        assertEquals(TEXT, button.getAccessibleHelp());
    }

    @Test
    void hoveringMakesTheTooltipAndItShows(FxRobot robot) throws TimeoutException {
        robot.moveTo(button);
        robot.moveBy(2, 1);
        assertEquals(TEXT, button.getTooltip().getText());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> button.getTooltip().isShowing());
    }
}
