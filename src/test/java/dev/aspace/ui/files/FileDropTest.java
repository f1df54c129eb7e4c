package dev.aspace.ui.files;

import com.sun.javafx.scene.input.DragboardHelper;
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
import dev.aspace.ui.vm.StatProbe;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files dropped on the main window. No file manager can drag into Monocle's headless screen, so
 * the test makes what the scene would deliver: a real Dragboard (JavaFX's own, on a local
 * clipboard) holding the files, in DRAG_OVER and DRAG_DROPPED events fired at the window.
 */
@ExtendWith(ApplicationExtension.class)
class FileDropTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LinuxBackend backend = new LinuxBackend();
        window = new MainWindow(backend, Background.direct(), new StatProbe(backend));
        window.intervalProperty().set(Duration.hours(1));
        Scene scene = new Scene(window, 1260, 780);
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

    private static Dragboard board(List<Path> files) {
        Dragboard db = DragboardHelper.createDragboard(new DropClipboard());
        db.setContent(Map.of(DataFormat.FILES, files.stream().map(Path::toFile).toList()));
        return db;
    }

    private DragEvent event(javafx.event.EventType<DragEvent> type, Dragboard db) {
        return new DragEvent(window, window, type, db, 200, 200, 200, 200, TransferMode.COPY, null, window, null);
    }

    private boolean showsDropCue() {
        return window.getPseudoClassStates().contains(DropTarget.DROP_TARGET);
    }

    /** Drags the files over the window and drops them, as the scene's drag gesture would. */
    private void dragAndDrop(FxRobot robot, List<Path> files) {
        robot.interact(() -> {
            Dragboard db = board(files);
            Event.fireEvent(window, event(DragEvent.DRAG_OVER, db));
            assertTrue(showsDropCue(), "while files are dragged over, the window shows it takes them");
            Event.fireEvent(window, event(DragEvent.DRAG_DROPPED, db));
        });
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
    void dragLeavingWithoutADropTakesTheCueAway(FxRobot robot) {
        Dragboard[] db = new Dragboard[1];
        robot.interact(() -> {
            db[0] = board(List.of(new File("/etc/hostname").toPath()));
            Event.fireEvent(window, event(DragEvent.DRAG_OVER, db[0]));
        });
        assertTrue(showsDropCue());
        robot.interact(() -> Event.fireEvent(window, event(DragEvent.DRAG_EXITED, db[0])));
        assertFalse(showsDropCue());
    }
}
