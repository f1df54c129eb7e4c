package dev.aspace.ui.aslr;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.snapshot.aslr.AslrAnalysis;
import dev.aspace.snapshot.aslr.AslrObject;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.MainWindow;
import dev.aspace.ui.Theme;
import dev.aspace.ui.StatProbe;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ASLR window from the main window's toolbar, on real runs of /bin/sleep: with ASLR off every
 * object lands where it did in run 1; with the machine's ASLR (randomize_va_space 2 here) the
 * stack's top moves. Runs go through the app's real background threads.
 */
@ExtendWith(ApplicationExtension.class)
class AslrWindowTest {

    private LiveProcess shown;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme theme = Theme.fixed(false); // AtlantaFX's colours, which aspace.css looks up, as the app has them
        shown = LiveProcess.sleep();
        LinuxBackend backend = new LinuxBackend();
        window = new MainWindow(backend, FrameBackend.live(), Background.threads(), new StatProbe(backend), theme);
        window.intervalProperty().set(Duration.hours(1));
        stage.setScene(new Scene(window, 1260, 780));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        window.stop();
        shown.close();
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
    }

    private static AslrWindow aslrWindow() {
        return Window.getWindows().stream().filter(x -> x instanceof Stage s && "aspace · ASLR experiment".equals(s.getTitle()))
                .findFirst().map(x -> (AslrWindow) ((Stage) x).getProperties().get(AslrWindow.class)).orElseThrow();
    }

    /** Opens the window with the toolbar button and runs /bin/sleep three times. */
    private AslrWindow runSleep(FxRobot robot, boolean aslrOff) throws Exception {
        robot.clickOn("#openAslr");
        AslrWindow w = aslrWindow();
        robot.interact(() -> {
            w.model().commandProperty().set("/bin/sleep 600");
            w.model().runsProperty().set(3);
            w.model().delayMsProperty().set(50);
        });
        if (aslrOff) {
            robot.clickOn("#aslr-off");
        }
        assertEquals(aslrOff, w.model().noAslrProperty().get(), "the checkbox sets ASLR off");
        robot.clickOn("#aslr-run");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> w.model().reportProperty().get() != null
                || (!w.model().runningProperty().get() && !w.model().statusProperty().get().isEmpty()
                && w.model().snapshotsProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.model().reportProperty().get() != null, w.model().statusProperty().get());
        return w;
    }

    @SuppressWarnings("unchecked")
    private static Object cell(TableView<AslrObject> t, String columnId, int row) {
        TableColumn<AslrObject, ?> c = (TableColumn<AslrObject, ?>) t.getVisibleLeafColumns().stream()
                .filter(x -> columnId.equals(x.getId())).findFirst().orElseThrow(() -> new AssertionError("no column " + columnId));
        return c.getCellData(row);
    }

    @Test
    void withAslrOffEveryObjectLandsWhereItDidInRunOne(FxRobot robot, @TempDir Path dir) throws Exception {
        AslrWindow w = runSleep(robot, true);
        TableView<AslrObject> t = w.view().objectsTable();
        assertTrue(t.getItems().size() >= 5, "executable, libraries, heap, vdso, stack: " + t.getItems());
        for (int row = 0; row < t.getItems().size(); row++) {
            AslrObject o = t.getItems().get(row);
            assertEquals(0L, cell(t, "aslr-slide-1", row), o.name() + " slide in run 2");
            assertEquals(0L, cell(t, "aslr-slide-2", row), o.name() + " slide in run 3");
            assertEquals(0, cell(t, "aslr-col-bits", row), o.name() + " bits varied");
            assertEquals(cell(t, "aslr-base-0", row), cell(t, "aslr-base-2", row), o.name() + " base");
        }
        String machine = robot.lookup("#aslr-machine").queryAs(Label.class).getText();
        String expected = Files.readString(Path.of("/proc/sys/kernel/randomize_va_space")).strip();
        assertTrue(machine.contains("randomize_va_space = " + expected + ":"), machine);
        assertTrue(machine.contains("ASLR off for the children"), machine);
        assertEquals(1.0, w.model().progressProperty().get());

        robot.clickOn("#aslr-compare");
        assertTrue(Window.getWindows().stream().anyMatch(x -> x instanceof Stage s && s.isShowing()
                && "aspace · compare 3 snapshots".equals(s.getTitle())), "compare ribbons of the three runs");

        robot.interact(() -> w.model().saveRuns(dir));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.model().statusProperty().get().startsWith("saved"));
        List<Snapshot> runs = w.model().snapshotsProperty().get();
        for (int i = 0; i < runs.size(); i++) {
            Path f = dir.resolve(AslrViewModel.fileName(i, runs.get(i)));
            assertEquals(runs.get(i).process().pid(), SnapshotStore.load(f).process().pid(), f.toString());
        }
    }

    @Test
    void withTheMachinesAslrTheStackTopMoves(FxRobot robot) throws Exception {
        AslrWindow w = runSleep(robot, false);
        TableView<AslrObject> t = w.view().objectsTable();
        int stack = -1;
        for (int row = 0; row < t.getItems().size(); row++) {
            if (t.getItems().get(row).name().equals(AslrAnalysis.STACK)) {
                stack = row;
            }
        }
        assertTrue(stack >= 0, "the stack is a row: " + t.getItems());
        int bits = (Integer) cell(t, "aslr-col-bits", stack);
        assertTrue(bits > 0, "address bits of the stack top that varied over 3 runs: " + bits);
        assertFalse(robot.lookup("#aslr-machine").queryAs(Label.class).getText().contains("ASLR off"));
    }

    @Test
    void aCommandThatCannotStartSaysSoAndTheWindowStays(FxRobot robot) throws Exception {
        robot.clickOn("#openAslr");
        AslrWindow w = aslrWindow();
        robot.interact(() -> w.model().commandProperty().set("/no/such/program --flag"));
        robot.clickOn("#aslr-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !w.model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#aslr-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("cannot start /no/such/program"), status);
        assertTrue(w.stage().isShowing());
    }
}
