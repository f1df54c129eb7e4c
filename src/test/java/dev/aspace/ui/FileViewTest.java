package dev.aspace.ui;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.testutil.LiveProcess;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file's view: the live-only controls rest, and the gauge shows the memory saved with the file. */
@ExtendWith(ApplicationExtension.class)
class FileViewTest {

    private final LinuxBackend backend = new LinuxBackend();
    private LiveProcess target;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        target = LiveProcess.sleep();
        window = MainWindows.show(stage, backend);
    }

    @AfterEach
    void stop() {
        window.stop();
        target.close();
    }

    private boolean disabled(FxRobot robot, String id) {
        Node n = window.lookup(id);
        return n.isDisabled();
    }

    @Test
    void aSavedSnapshotRestsTheLiveControlsAndShowsItsOwnMemory(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("saved.json");
        Snapshot saved = backend.snapshot(target.pid(), MemoryBackend.Detail.SMAPS);
        SnapshotStore.save(saved, file);

        robot.interact(() -> window.openLive(target.pid()));
        for (String id : new String[] {"#refreshInterval", "#pause", "#refresh"}) {
            assertFalse(disabled(robot, id), id + " works on a live view");
        }

        robot.interact(() -> window.open(file));
        for (String id : new String[] {"#refreshInterval", "#pause", "#refresh"}) {
            assertTrue(disabled(robot, id), id + " rests while a file is shown");
        }
        assertEquals(saved.memory(), window.gauge().getMemory(), "the gauge shows the file's memory figures");
        Label from = (Label) window.lookup("#gauge-from");
        assertTrue(from.isVisible() && from.getText().contains("saved.json"), from.getText());

        robot.interact(() -> window.openLive(target.pid()));
        assertFalse(disabled(robot, "#refresh"));
        assertEquals("", window.gauge().fromProperty().get(), "live again: this machine's memory");
    }
}
