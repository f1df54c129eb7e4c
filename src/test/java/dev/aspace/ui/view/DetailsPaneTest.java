package dev.aspace.ui.view;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.StatProbe;
import dev.aspace.ui.Theme;
import dev.aspace.ui.vm.SessionModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The details of a region with a long path, in a pane as narrow as the main window's at 1280x800:
 * explanations wrap between words, never inside one, and the path is cut in its middle.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsPaneTest {

    private static final String LONG_PATH = "/home/student/projects/operating-systems/homework/address-spaces/"
            + "build/debug/lib/x86_64-linux-gnu/libextraordinarily-long-library-name-for-testing.so.1.2.3";

    private LiveProcess target;
    private Stage stage;
    private Region region;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.fixed(false);
        target = LiveProcess.startHelper("threads_maps", "1");
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    private DetailsPane show(FxRobot robot, double width) {
        LinuxBackend backend = new LinuxBackend();
        SessionModel session = new SessionModel(backend, Background.direct(), new StatProbe(backend), System::nanoTime);
        DetailsPane[] pane = new DetailsPane[1];
        robot.interact(() -> {
            session.openLive(target.pid());
            Region r = session.getSnapshot().regions().stream().filter(x -> x.smaps() != null).findFirst().orElseThrow();
            // a real region's figures under a path as long as a build tree's
            region = new Region(r.start(), r.end(), r.perms(), r.offset(), r.device(), r.inode(), LONG_PATH, r.smaps(),
                    r.kind(), r.label());
            pane[0] = new DetailsPane(session);
            session.selectedProperty().set(region);
            Scene scene = new Scene(pane[0], width, 700);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return pane[0];
    }

    @Test
    void noExplanationIsWrappedInsideAWord(FxRobot robot) {
        DetailsPane pane = show(robot, 520);
        List<Label> helps = pane.lookupAll(".text-muted").stream().filter(n -> n instanceof Label)
                .map(n -> (Label) n).filter(l -> !l.getText().isEmpty()).toList();
        assertTrue(helps.size() > 10, "explanations shown: " + helps.size());
        for (Label l : helps) {
            double widest = 0;
            String word = "";
            for (String w : l.getText().split("\\s+")) {
                Text t = new Text(w);
                t.setFont(l.getFont());
                if (t.getLayoutBounds().getWidth() > widest) {
                    widest = t.getLayoutBounds().getWidth();
                    word = w;
                }
            }
            assertTrue(l.getWidth() >= widest, "'" + word + "' (" + widest + " px) fits whole in " + l.getWidth()
                    + " px of: " + l.getText());
        }
    }

    @Test
    void aLongPathIsCutInItsMiddleAndWholeOnHoverAndCopy(FxRobot robot) {
        DetailsPane pane = show(robot, 520);
        Label path = (Label) pane.lookup("#details-path");
        assertEquals(LONG_PATH, path.getText());
        assertEquals(OverrunStyle.CENTER_ELLIPSIS, path.getTextOverrun());
        String shown = ((Text) path.lookup(".text")).getText();
        assertTrue(shown.contains("…") && shown.length() < LONG_PATH.length(), "cut: " + shown);
        assertTrue(LONG_PATH.startsWith(shown.substring(0, shown.indexOf('…'))), "its start stays: " + shown);
        assertTrue(LONG_PATH.endsWith(shown.substring(shown.indexOf('…') + 1)), "its end stays: " + shown);
        assertEquals(LONG_PATH, path.getTooltip().getText());
        robot.interact(() -> path.getContextMenu().getItems().get(0).fire());
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(LONG_PATH, copied[0]);
    }

    @Test
    void shortValuesAreNeverCut(FxRobot robot) {
        DetailsPane pane = show(robot, 520);
        for (Node n : pane.lookupAll(".mono")) {
            Label v = (Label) n;
            if (v.getText().length() <= DetailsPane.SHORT_VALUE) {
                assertFalse(((Text) v.lookup(".text")).getText().contains("…"), v.getId() + ": " + v.getText());
            }
        }
        assertTrue(((Label) pane.lookup("#details-Rss")).getText().endsWith(" KiB")
                || ((Label) pane.lookup("#details-Rss")).getText().contains(" KiB ("), "binary units");
    }
}
