package dev.aspace.ui.files;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.MainWindow;
import dev.aspace.ui.Theme;
import dev.aspace.ui.StatProbe;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files dropped on the main window through JavaFX's real drag-and-drop gesture: the robot presses
 * on a stand-in for a file manager (a label in the same scene whose drag offers the files, as a
 * file manager's does), moves over the main window and releases. The scene delivers DRAG_OVER and
 * DRAG_DROPPED with its own Dragboard, under Monocle as on a desktop; only the drag source is
 * inside the app, since no other program can drag into the headless screen.
 */
@ExtendWith(ApplicationExtension.class)
class FileDropTest {

    private MainWindow window;
    private Stage stage;
    /** What the stand-in file manager offers when dragged. */
    private List<Path> dragged = List.of();

    @Start
    void start(Stage stage) {
        Theme theme = Theme.fixed(false); // AtlantaFX's colours, which aspace.css looks up, as the app has them
        this.stage = stage;
        LinuxBackend backend = new LinuxBackend();
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        window.intervalProperty().set(Duration.hours(1));
        Label fileManager = new Label("files to drag");
        fileManager.setId("fileManager");
        fileManager.setOnDragDetected(e -> {
            Dragboard db = fileManager.startDragAndDrop(TransferMode.COPY, TransferMode.LINK);
            ClipboardContent files = new ClipboardContent();
            files.putFiles(dragged.stream().map(Path::toFile).toList());
            db.setContent(files);
            e.consume();
        });
        Scene scene = new Scene(new VBox(fileManager, window), 1260, 780);
        scene.getStylesheets().add(Theme.stylesheet()); // the app's sheet; the AtlantaFX theme stays off: it is global and would outlive this class
        stage.setScene(scene);
        stage.titleProperty().bind(window.titleProperty());
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        window.stop();
        // the compare windows opened here must not stay for the next test class to find
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
    }

    private boolean showsDropCue() {
        return window.getPseudoClassStates().contains(DropTarget.DROP_TARGET);
    }

    /** Drags the files from the stand-in file manager over the ribbon and drops them there. */
    private void dragAndDrop(FxRobot robot, List<Path> files) {
        dragged = files;
        robot.drag("#fileManager", MouseButton.PRIMARY).moveTo("#ribbon");
        assertTrue(showsDropCue(), "while files are dragged over, the window shows it takes them");
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showsDropCue(), "the cue goes once the files are dropped");
    }

    @Test
    void droppingCapturedPmapTextOpensItMarkedWithItsSource(FxRobot robot) {
        Path fixture = Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt").toAbsolutePath();
        dragAndDrop(robot, List.of(fixture));
        Snapshot s = window.session().getSnapshot();
        assertNotNull(s, "the dropped file is shown");
        assertEquals(Source.Type.IMPORTED, s.source().type());
        assertTrue(s.regions().size() > 10, "regions read: " + s.regions().size());
        assertEquals("aspace · pmap -X text: " + fixture.getFileName(), stage.getTitle());
        assertEquals(fixture, window.recents().get().entries().get(0), "a dropped file that opened is recent");
    }

    @Test
    void droppingRawMapsTextOpensItLikeCtrlO(FxRobot robot) {
        Path fixture = Fixtures.path("maps-03-debian10-x86_64-java-tomcat.txt").toAbsolutePath();
        dragAndDrop(robot, List.of(fixture));
        Snapshot s = window.session().getSnapshot();
        assertNotNull(s, "/proc/PID/maps text opens too");
        assertTrue(s.source().description().startsWith("/proc/PID/maps"), s.source().description());
    }

    @Test
    void droppingABadFileSaysWhatAndWhyAndKeepsTheView(FxRobot robot, @TempDir Path dir) throws IOException {
        Path fixture = Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt").toAbsolutePath();
        dragAndDrop(robot, List.of(fixture));
        Snapshot before = window.session().getSnapshot();

        Path junk = dir.resolve("notes.txt");
        Files.writeString(junk, "shopping list\neggs\nmilk\n");
        dragAndDrop(robot, List.of(junk));
        String banner = window.session().errorProperty().get();
        assertTrue(banner.contains("notes.txt") && banner.contains("expected"), banner);
        assertSame(before, window.session().getSnapshot(), "the view stays as it was");

        Path truncated = dir.resolve("cut.json");
        Files.writeString(truncated, "{\"format\": \"aspace-snapshot\", \"regions\": [");
        dragAndDrop(robot, List.of(truncated));
        assertTrue(window.session().errorProperty().get().contains("cut.json"), window.session().errorProperty().get());
        assertSame(before, window.session().getSnapshot());
        assertEquals(fixture, window.recents().get().entries().get(0), "files that did not open are not recent");
    }

    @Test
    void droppingSeveralSnapshotsComparesThem(FxRobot robot, @TempDir Path dir) {
        LinuxBackend backend = new LinuxBackend();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        try (LiveProcess one = LiveProcess.sleep(); LiveProcess two = LiveProcess.sleep()) {
            SnapshotStore.save(backend.snapshot(one.pid(), MemoryBackend.Detail.MAPS), a);
            SnapshotStore.save(backend.snapshot(two.pid(), MemoryBackend.Detail.MAPS), b);
        }
        dragAndDrop(robot, List.of(a, b));
        assertTrue(Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing()
                && "aspace · compare 2 snapshots".equals(s.getTitle())), "compare window with the two dropped snapshots");
    }

    @Test
    void droppingTextAmongSnapshotsIsRefusedWithTheReason(FxRobot robot, @TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.json");
        Files.writeString(a, "{}");
        Path text = Fixtures.path("free-06-procps4-m.txt").toAbsolutePath();
        dragAndDrop(robot, List.of(a, text));
        String banner = window.session().errorProperty().get();
        assertTrue(banner.contains("free-06-procps4-m.txt") && banner.contains("not a snapshot"), banner);
    }

    @Test
    void dragLeavingWithoutADropTakesTheCueAwayAndOpensNothing(FxRobot robot) {
        dragged = List.of(Fixtures.path("free-06-procps4-m.txt").toAbsolutePath());
        robot.drag("#fileManager", MouseButton.PRIMARY).moveTo("#ribbon");
        assertTrue(showsDropCue());
        robot.moveTo("#fileManager").release(MouseButton.PRIMARY); // back out, let go outside the window
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showsDropCue());
        assertNull(window.session().getSnapshot(), "nothing was dropped on the window");
    }
}
