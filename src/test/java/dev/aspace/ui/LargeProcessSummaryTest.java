package dev.aspace.ui;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.testutil.LiveProcess;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The summary of a process with 60,000 mappings, on a laptop-sized window: its figures are shown whole. */
@ExtendWith(ApplicationExtension.class)
class LargeProcessSummaryTest {

    private LiveProcess target;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        target = LiveProcess.startHelper("many_maps", "60000");
        window = MainWindows.show(stage, new LinuxBackend());
        window.openLive(target.pid());
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void theHeadlineOfAFiveDigitRegionCountIsNotCut(FxRobot robot) throws Exception {
        Label headline = robot.lookup("#summaryHeadline").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> headline.getText().startsWith("600"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            window.layout();
            Node summary = robot.lookup("#summary").query();
            cut.addAll(CutLabels.in(summary));
        });
        assertEquals(List.of(), cut, "cut in the summary of " + headline.getText());
    }
}
