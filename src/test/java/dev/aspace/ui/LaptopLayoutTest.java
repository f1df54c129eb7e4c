package dev.aspace.ui;

import dev.aspace.ui.grid.GridGeometry;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    private final ChildWindow shown = new ChildWindow();

    @AfterEach
    void close(FxRobot robot) {
        shown.close(robot);
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
        MainWindow window = shown.show(robot, (w, stage) -> new Scene(w, width, height));

        List<String> wrong = new ArrayList<>();
        robot.interact(() -> {
            window.layout();
            Parent toolbar = (Parent) window.lookup("#toolbar");
            for (Node n : toolbar.getChildrenUnmodifiable()) {
                if (n.isVisible() && !ChildWindow.inside(n, new Rectangle2D(0, 0, width, height))) {
                    wrong.add("toolbar " + name(n) + " at " + n.localToScene(n.getBoundsInLocal()));
                }
            }
            double splitter = window.table().localToScene(window.table().getBoundsInLocal()).getMinX();
            Parent legend = (Parent) window.lookup("#ribbonLegend");
            for (Node n : legend.getChildrenUnmodifiable()) {
                if (!ChildWindow.inside(n, new Rectangle2D(0, 0, splitter, height))) {
                    wrong.add("legend entry " + name(n) + " past the splitter at " + splitter + ": "
                            + n.localToScene(n.getBoundsInLocal()));
                }
            }
            GridGeometry g = window.table().table().geometry();
            if (g.maxScrollX() > 0) {
                wrong.add("the table needs a sideways scroll of " + g.maxScrollX() + " px for "
                        + window.table().table().shownColumnNames());
            }
            ChildWindow.inSight(window.lookup("#allocateButton"), "Allocate", wrong);
            wrong.addAll(CutLabels.in(window));
        });
        assertEquals(List.of("Address", "Size", "RSS", "Dirty", "Perm", "Kind / label", "Mapping"),
                window.table().table().shownColumnNames());
        assertEquals(List.of(), wrong);
        assertTrue(window.table().table().geometry().contentWidth() <= window.table().table().canvas().getWidth());
    }

    private static String name(Node n) {
        return n.getId() != null ? n.getId() : n instanceof Labeled l ? l.getText() : n.toString();
    }
}
