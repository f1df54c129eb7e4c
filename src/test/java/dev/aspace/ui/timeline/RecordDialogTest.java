package dev.aspace.ui.timeline;

import dev.aspace.ui.CutLabels;
import dev.aspace.ui.Theme;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record dialog shows its field names and its hint whole. */
@ExtendWith(ApplicationExtension.class)
class RecordDialogTest {

    @Start
    void start(Stage stage) {
        Theme.fixed(false);
    }

    @Test
    void theFieldNamesAndTheHintAreShownWhole(FxRobot robot) {
        RecordDialog[] dialog = new RecordDialog[1];
        robot.interact(() -> {
            dialog[0] = new RecordDialog(Path.of("/tmp/a-rather-long-folder-name/another-one/series-4711.aspace-series"),
                    "process 4711");
            dialog[0].getDialogPane().getStylesheets().add(Theme.stylesheet());
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(CutLabels.in(dialog[0].getDialogPane())));
        assertEquals(List.of(), cut);
        Label hint = (Label) dialog[0].getDialogPane().lookup("#recordHint");
        assertTrue(hint.getHeight() >= hint.prefHeight(hint.getWidth()) - 0.5, "the hint's lines all shown");
        for (String name : List.of("File", "Every (seconds)", "Size cap")) {
            assertTrue(dialog[0].getDialogPane().lookupAll(".label").stream()
                    .anyMatch(n -> n instanceof Label l && l.getText().equals(name)), name);
        }
        robot.interact(() -> dialog[0].close());
    }
}
