package dev.aspace.ui;

import dev.aspace.ui.files.ConfigFile;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The main window placed as the app places it on a first start (no remembered size), on the screen
 * this JVM has (the build runs it again on a 1366x768 one): the whole window inside the screen's
 * visual bounds, the allocation controls in sight at start, the summary and the gauge whole in their
 * tab without a scroll, and no label cut.
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartFitsScreenTest {

    private final ChildWindow shown = new ChildWindow();

    @AfterEach
    void close(FxRobot robot) {
        shown.close(robot);
    }

    @Test
    void theFirstStartFitsTheScreenAndShowsWhatMatters(FxRobot robot, @TempDir Path config) throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowMemory places = new WindowMemory(new ConfigFile(config.resolve("main-window")));
        MainWindow window = shown.show(robot, (w, stage) -> WindowMemory.apply(places.place(MainWindow.DIVIDERS), stage, w,
                w.splits()));
        Stage stage = shown.stage();

        List<String> wrong = new ArrayList<>();
        robot.interact(() -> {
            Rectangle2D on = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            if (on.getMinX() < screen.getMinX() || on.getMinY() < screen.getMinY()
                    || on.getMaxX() > screen.getMaxX() + 0.5 || on.getMaxY() > screen.getMaxY() + 0.5) {
                wrong.add("window " + on + " outside the screen's visual bounds " + screen);
            }
            window.layout();
            ChildWindow.inSight(window.lookup("#allocateButton"), "Allocate", wrong);
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
                ChildWindow.inSight(window.lookup(tab[1]), tab[1], wrong);
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
}
