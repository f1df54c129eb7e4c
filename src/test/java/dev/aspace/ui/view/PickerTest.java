package dev.aspace.ui.view;

import dev.aspace.backend.ProcessRow;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.CutLabels;
import dev.aspace.ui.vm.PickerModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process picker on the machine's real process list. */
@ExtendWith(ApplicationExtension.class)
class PickerTest {

    private LiveProcess target;
    private PickerModel model;
    private PickerDialog.PickerPane pane;

    @Start
    void start(Stage stage) {
        target = LiveProcess.startHelper("threads_maps", "1");
        model = new PickerModel(new LinuxBackend()::processes, Background.direct());
        pane = new PickerDialog.PickerPane(model);
        stage.setScene(new Scene(pane, 1000, 500)); // the dialog's width at first
        stage.show();
        model.reload();
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void typingFiltersTheListToTheMatchingProcesses(FxRobot robot) {
        int all = pane.table().getItems().size();
        assertTrue(all > 3, "ps lists this machine's processes: " + all);
        robot.clickOn(pane.filter()).write("threads_maps");
        List<ProcessRow> shown = List.copyOf(pane.table().getItems());
        assertTrue(shown.size() < all);
        assertTrue(shown.stream().anyMatch(r -> r.pid() == target.pid()), "our helper is listed");
        assertTrue(shown.stream().allMatch(r -> r.command().contains("threads_maps")));
        robot.interact(() -> pane.filter().clear());
        assertEquals(all, pane.table().getItems().size());
    }

    @Test
    void theHeadersAreWholeAndTheCommandLineIsInView(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        robot.interact(() -> pane.table().lookupAll(".column-header").forEach(h -> cut.addAll(CutLabels.in(h))));
        assertEquals(List.of(), cut, "headers shown whole");
        var command = pane.table().getColumns().get(pane.table().getColumns().size() - 1);
        assertEquals("COMMAND", command.getText());
        Node header = pane.table().lookup("#picker-command");
        Bounds b = header.localToScene(header.getLayoutBounds());
        assertTrue(b.getMinX() < pane.getWidth() - 100, "COMMAND starts in view: " + b);
        assertTrue(command.getWidth() >= 200, "and has room: " + command.getWidth());
    }
}
