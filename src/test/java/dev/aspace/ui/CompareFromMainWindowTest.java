package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.testutil.LiveProcess;
import javafx.scene.Scene;
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

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is on screen compared with a saved snapshot opens the compare view with both. */
@ExtendWith(ApplicationExtension.class)
class CompareFromMainWindowTest {

    private final LinuxBackend backend = new LinuxBackend();
    private LiveProcess shown;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme theme = Theme.fixed(false); // AtlantaFX's colours, which aspace.css looks up, as the app has them
        shown = LiveProcess.sleep();
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        stage.setScene(new Scene(window, 1200, 760));
        stage.show();
        window.openLive(shown.pid());
    }

    @AfterEach
    void stop() {
        window.stop();
        shown.close();
    }

    @Test
    void comparingWithASavedRunOpensTheCompareWindow(FxRobot robot, @TempDir Path dir) {
        Path saved = dir.resolve("other.json");
        try (LiveProcess other = LiveProcess.sleep()) {
            SnapshotStore.save(backend.snapshot(other.pid(), MemoryBackend.Detail.SMAPS), saved);
        }
        robot.interact(() -> window.compare(List.of(saved)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing()
                && "aspace · compare 2 snapshots".equals(s.getTitle())), "compare window with both snapshots");
    }
}
