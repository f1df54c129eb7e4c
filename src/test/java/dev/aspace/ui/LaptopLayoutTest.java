package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.ui.grid.GridGeometry;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javafx.scene.control.Labeled;

/**
 * The default view (the memory-user child) in a window of a laptop's size, 1280x800 and 1366x768,
 * with its default dividers: every toolbar control inside the window (none folded away), the ribbon's
 * legend whole left of the splitter, the table's pmap -x columns all in view without a sideways scroll,
 * the allocation controls in sight, and no label cut.
 */
@ExtendWith(ApplicationExtension.class)
class LaptopLayoutTest {

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
    void theDefaultViewShowsWhatMattersWholeOnThisScreen(FxRobot robot) throws Exception {
        // Monocle's headless screen is 1280x800 unless -Dheadless.geometry says otherwise, fixed for
        // the JVM's life: the build runs this test again in a JVM of its own on a 1366x768 screen
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        int width = (int) screen.getWidth();
        int height = (int) screen.getHeight();
        assertTrue(Set.of("1280x800", "1366x768").contains(width + "x" + height),
                "a laptop's screen, not " + width + "x" + height + " (headless.geometry " + System.getProperty("headless.geometry") + ")");
        LinuxBackend backend = new LinuxBackend();
        child = MemoryUserController.start();
        robot.interact(() -> {
            window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), Theme.fixed(false));
            window.intervalProperty().set(Duration.hours(1));
            window.attachMemoryUser(child);
            Scene scene = new Scene(window, width, height);
            scene.getStylesheets().add(Theme.stylesheet());
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.session().getSnapshot() != null
                && !window.table().table().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        List<String> wrong = new ArrayList<>();
        robot.interact(() -> {
            window.layout();
            Parent toolbar = (Parent) window.lookup("#toolbar");
            for (Node n : toolbar.getChildrenUnmodifiable()) {
                if (n.isVisible() && !inside(n, 0, width, height)) {
                    wrong.add("toolbar " + name(n) + " at " + n.localToScene(n.getBoundsInLocal()));
                }
            }
            double splitter = window.table().localToScene(window.table().getBoundsInLocal()).getMinX();
            Parent legend = (Parent) window.lookup("#ribbonLegend");
            for (Node n : legend.getChildrenUnmodifiable()) {
                if (!inside(n, 0, splitter, height)) {
                    wrong.add("legend entry " + name(n) + " past the splitter at " + splitter + ": "
                            + n.localToScene(n.getBoundsInLocal()));
                }
            }
            GridGeometry g = window.table().table().geometry();
            if (g.maxScrollX() > 0) {
                wrong.add("the table needs a sideways scroll of " + g.maxScrollX() + " px for "
                        + window.table().table().shownColumnNames());
            }
            Node allocate = window.lookup("#allocateButton");
            if (allocate == null || !allocate.isVisible() || !inside(allocate, 0, width, height)) {
                wrong.add("Allocate is not in sight");
            }
            wrong.addAll(CutLabels.in(window));
        });
        assertEquals(List.of("Address", "Size", "RSS", "Dirty", "Perm", "Kind / label", "Mapping"),
                window.table().table().shownColumnNames());
        assertEquals(List.of(), wrong);
        assertTrue(window.table().table().geometry().contentWidth() <= window.table().table().canvas().getWidth());
    }

    private static boolean inside(Node n, double left, double right, double bottom) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getMinX() >= left - 0.5 && b.getMaxX() <= right + 0.5 && b.getMaxY() <= bottom + 0.5 && b.getWidth() > 0;
    }

    private static String name(Node n) {
        return n.getId() != null ? n.getId() : n instanceof Labeled l ? l.getText() : n.toString();
    }
}
