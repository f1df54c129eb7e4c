package dev.aspace.ui.files;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Source;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.MainWindow;
import dev.aspace.ui.Theme;
import dev.aspace.ui.StatProbe;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recent files behind the Open button's arrow: it lists what was saved and opened, reopens it, and keeps it across runs. */
@ExtendWith(ApplicationExtension.class)
class RecentMenuTest {

    @TempDir
    static Path config;

    private LiveProcess target;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        Theme theme = Theme.fixed(false); // AtlantaFX's colours, which aspace.css looks up, as the app has them
        this.stage = stage;
        target = LiveProcess.sleep();
        LinuxBackend backend = new LinuxBackend();
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        window.intervalProperty().set(Duration.hours(1));
        window.recents().useStore(new RecentFilesStore(config.resolve("aspace/recent-files")));
        Scene scene = new Scene(window, 1260, 780);
        scene.getStylesheets().add(Theme.stylesheet()); // the app's sheet; the AtlantaFX theme stays off: it is global and would outlive this class
        stage.setScene(scene);
        stage.titleProperty().bind(window.titleProperty());
        stage.show();
        window.openLive(target.pid());
    }

    @AfterEach
    void stop() {
        window.stop();
        target.close();
    }

    private RecentMenu menu(FxRobot robot) {
        return robot.lookup("#recentFiles").queryAs(RecentMenu.class);
    }

    private List<MenuItem> files(FxRobot robot) {
        return menu(robot).getItems().stream().filter(i -> i.getId() != null && i.getId().startsWith("recent-")).toList();
    }

    @Test
    void aSavedFileIsListedAndReopensFromTheMenu(FxRobot robot, @TempDir Path dir) {
        Path saved = dir.resolve("run1.json");
        robot.interact(() -> window.save(saved));
        Path text = Fixtures.path("pmapX-01-centos7-kernel3.10-few-columns.txt").toAbsolutePath();
        robot.interact(() -> window.open(text));
        assertEquals(Source.Type.IMPORTED, window.session().getSnapshot().source().type());

        List<MenuItem> items = files(robot);
        assertEquals(2, items.size());
        assertTrue(items.get(0).getText().startsWith(text.getFileName().toString()), items.get(0).getText());
        assertTrue(items.get(1).getText().startsWith("run1.json"), items.get(1).getText());

        robot.interact(() -> menu(robot).show()); // the arrow; the button itself chooses a file
        robot.clickOn(items.get(1).getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Source.Type.FILE, window.session().getSnapshot().source().type());
        assertEquals(target.pid(), window.session().getSnapshot().process().pid());
        assertEquals("aspace · run1.json", stage.getTitle());
        assertTrue(files(robot).get(0).getText().startsWith("run1.json"), "the reopened file comes first again");

        RecentFiles kept = new RecentFilesStore(config.resolve("aspace/recent-files")).load();
        assertEquals(List.of(saved, text), kept.entries().subList(0, 2), "the next run of the app finds the same list");
    }

    @Test
    void aFileThatIsGoneIsShownDisabledAndCanBeForgotten(FxRobot robot, @TempDir Path dir) throws IOException {
        Path saved = dir.resolve("gone.json");
        robot.interact(() -> window.save(saved));
        Files.delete(saved);
        robot.interact(() -> menu(robot).show()); // the menu looks again when it opens
        MenuItem gone = files(robot).get(0);
        assertTrue(gone.isDisable(), "a missing file cannot be opened from the menu");
        assertTrue(gone.getText().endsWith("(missing)"), gone.getText());
        robot.clickOn("Forget missing files");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.recents().get().entries().contains(saved));
    }
}
