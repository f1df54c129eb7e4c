package dev.aspace.ui;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.backend.FrameBackend;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.ui.files.ConfigFile;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The main window placed as the app places it on a first start (no remembered size), on the screen
 * this JVM has (the build runs it again on a 1366x768 one): the whole window inside the screen's
 * visual bounds, the allocation controls in sight at start, the summary and the gauge whole in their
 * tab without a scroll, and no label cut.
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartFitsScreenTest {

    private MainWindow window;
    private Stage stage;
    private MemoryUserController child;

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) {
            window.stop();
        }
        if (stage != null) {
            robot.interact(stage::close);
        }
        if (child != null) {
            child.close();
        }
    }

    @Test
    void theFirstStartFitsTheScreenAndShowsWhatMatters(FxRobot robot, @TempDir Path config) throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        LinuxBackend backend = new LinuxBackend();
        child = MemoryUserController.start();
        WindowMemory places = new WindowMemory(new ConfigFile(config.resolve("main-window")));
        robot.interact(() -> {
            window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), Theme.fixed(false));
            window.intervalProperty().set(Duration.hours(1));
            window.attachMemoryUser(child);
            stage = new Stage();
            Scene scene = WindowMemory.apply(places.place(MainWindow.DIVIDERS), stage, window, window.splits());
            scene.getStylesheets().add(Theme.stylesheet());
            stage.show();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.session().getSnapshot() != null
                && !window.table().table().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        List<String> wrong = new ArrayList<>();
        robot.interact(() -> {
            Rectangle2D on = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            if (on.getMinX() < screen.getMinX() || on.getMinY() < screen.getMinY()
                    || on.getMaxX() > screen.getMaxX() + 0.5 || on.getMaxY() > screen.getMaxY() + 0.5) {
                wrong.add("window " + on + " outside the screen's visual bounds " + screen);
            }
            window.layout();
            inSight(window.lookup("#allocateButton"), "Allocate", wrong);
            wrong.addAll(CutLabels.in(window));
            // every side tab's header in the header row: an overflowing one is clipped ("Ga"), not ellipsized
            Bounds row = window.sideTabs().localToScene(window.sideTabs().getLayoutBounds());
            for (Node t : window.sideTabs().lookupAll(".tab")) {
                Bounds b = t.localToScene(t.getBoundsInLocal());
                if (t.isVisible() && b.getMaxX() > row.getMaxX() + 0.5) {
                    wrong.add("side tab header " + t.lookup(".tab-label") + " ends at " + b.getMaxX() + ", past the tabs' "
                            + row.getMaxX());
                }
            }
            Node overflow = window.sideTabs().lookup(".control-buttons-tab");
            if (overflow != null && overflow.isVisible()) {
                wrong.add("the side tabs' overflow menu is shown: a tab header does not fit");
            }
        });
        for (String[] tab : new String[][] {{"summaryTab", "#summary"}, {"gaugeTab", "#gauge"}}) {
            robot.interact(() -> window.sideTabs().getSelectionModel().select(window.sideTabs().getTabs().stream()
                    .filter(t -> tab[0].equals(t.getId())).findFirst().orElseThrow()));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                window.layout();
                inSight(window.lookup(tab[1]), tab[1], wrong);
                ScrollPane pane = (ScrollPane) window.sideTabs().getSelectionModel().getSelectedItem().getContent();
                double content = pane.getContent().getLayoutBounds().getHeight();
                double view = pane.getViewportBounds().getHeight();
                if (content > view + 0.5) {
                    wrong.add(tab[1] + " needs a scroll: " + content + " px in a " + view + " px view");
                }
                wrong.addAll(CutLabels.in(window));
            });
        }
        assertEquals(List.of(), wrong);
    }

    /** Shown, and whole inside the window's scene. */
    private void inSight(Node n, String what, List<String> wrong) {
        if (n == null || !n.isVisible() || n.getScene() == null) {
            wrong.add(what + " is not shown");
            return;
        }
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Scene s = n.getScene();
        if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > s.getWidth() + 0.5 || b.getMaxY() > s.getHeight() + 0.5
                || b.getWidth() <= 0) {
            wrong.add(what + " at " + b + " outside the window's " + s.getWidth() + "x" + s.getHeight());
        }
    }
}
