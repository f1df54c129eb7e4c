package dev.aspace.ui;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.ui.files.ConfigFile;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real picker dialog, opened by Ctrl+P from the main window with the app's theme (which caps
 * dialogs at 600 px): wide enough for COMMAND, at the size it remembers, never past the screen.
 */
@ExtendWith(ApplicationExtension.class)
class PickerDialogSizeTest {

    /** Columns whose long texts may end in an ellipsis, with the whole text on hover. */
    private static final Set<String> WORDY = Set.of("picker-can read", "picker-command");

    @TempDir
    Path dir;
    private MainWindow window;
    private Stage main;
    private Path sizeFile;

    @Start
    void start(Stage stage) {
        main = stage;
        window = MainWindows.show(stage, new LinuxBackend());
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        window.stop();
    }

    private Stage openPicker(FxRobot robot, String remembered) throws Exception {
        sizeFile = dir.resolve("picker-size");
        if (remembered != null) {
            Files.writeString(sizeFile, remembered);
        }
        robot.interact(() -> {
            window.rememberPickerSizeIn(new ConfigFile(sizeFile));
            window.table().table().requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> picker() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return picker();
    }

    private Stage picker() {
        return Window.getWindows().stream().filter(w -> w != main && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w).filter(s -> "Open a process".equals(s.getTitle())).findFirst().orElse(null);
    }

    private static DialogPane pane(Stage picker) {
        return (DialogPane) picker.getScene().getRoot();
    }

    @Test
    void opensWideEnoughThatEveryHeaderIsWholeAndCommandIsInView(FxRobot robot) throws Exception {
        Stage picker = openPicker(robot, null);
        assertTrue(picker.getWidth() >= 1000, "the picker opens at its own width, not the theme's 600 px: "
                + picker.getWidth());
        List<String> cut = new ArrayList<>();
        robot.interact(() -> picker.getScene().getRoot().lookupAll(".column-header")
                .forEach(h -> cut.addAll(CutLabels.in(h))));
        assertEquals(List.of(), cut, "headers shown whole");
        List<String> cutFigures = new ArrayList<>();
        robot.interact(() -> picker.getScene().getRoot().lookupAll(".table-cell").stream()
                .filter(c -> c instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && !WORDY.contains(cell.getTableColumn().getId()))
                .forEach(c -> cutFigures.addAll(CutLabels.in(c))));
        assertEquals(List.of(), cutFigures, "pid, user and figures shown whole (VSZ of a JVM has 7 digits)");
        Node command = picker.getScene().getRoot().lookup("#picker-command");
        Bounds b = command.localToScene(command.getLayoutBounds());
        assertTrue(b.getMinX() + 200 <= picker.getScene().getWidth(),
                "COMMAND has 200 px in view: " + b + " in a scene " + picker.getScene().getWidth() + " wide");
    }

    @Test
    void opensAtTheSizeItRemembered(FxRobot robot) throws Exception {
        Stage picker = openPicker(robot, "1100 620\n");
        assertEquals(1100, pane(picker).getWidth(), 1.0, "remembered width");
        assertEquals(620, pane(picker).getHeight(), 1.0, "remembered height");
    }

    @Test
    void aRememberedSizeLargerThanTheScreenIsCutToTheScreen(FxRobot robot) throws Exception {
        Stage picker = openPicker(robot, "5000 3000\n");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(picker.getWidth() <= screen.getWidth() && picker.getHeight() <= screen.getHeight(),
                "picker " + picker.getWidth() + "x" + picker.getHeight() + " on a screen " + screen);
    }
}
