package dev.aspace.ui.experiments;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In the side column's scroll pane, the rows below the allocation row join when scrolled to. */
@ExtendWith(ApplicationExtension.class)
class AllocationPanelLowerRowsTest {

    private MemoryUserController child;
    private AllocationPanel panel;
    private ScrollPane scroll;

    @Start
    void start(Stage stage) {
        Theme.fixed(false); // AtlantaFX's colours, which aspace.css looks up, as the app has them
        child = MemoryUserController.start();
        panel = new AllocationPanel(child, new LinuxBackend(), FrameBackend.live(), r -> { });
        Region above = new Region(); // the summary and the gauge above it in the window
        above.setPrefHeight(500);
        // the window's first focus is elsewhere (a focused field would be scrolled into view)
        TextField first = new TextField("focus");
        scroll = new ScrollPane(new VBox(first, above, panel));
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 800, 420));
        stage.show();
    }

    @AfterEach
    void stop() {
        child.close();
    }

    @Test
    void rowsBelowTheWindowsEdgeJoinWhenScrolledTo(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(panel.lowerAttached(), "below the edge at first");
        assertTrue(robot.lookup("#resultArea").tryQuery().isEmpty());
        assertTrue(robot.lookup("#allocateButton").tryQuery().isPresent(), "the allocation row is there");
        robot.interact(() -> scroll.setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.lowerAttached());
        assertTrue(robot.lookup("#resultArea").tryQuery().isPresent());
        assertTrue(robot.lookup("#blockList").tryQuery().isPresent());
    }

    @Test
    void anActionBringsThemAtOnce(FxRobot robot) {
        robot.interact(() -> robot.lookup("#sizeField").queryAs(TextField.class).setText("8"));
        robot.interact(() -> robot.lookup("#allocateButton").queryButton().fire());
        assertTrue(panel.lowerAttached(), "the log answers the action");
    }
}
