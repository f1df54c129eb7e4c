package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.demo.Pointers;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.ui.ribbon.Pin;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The child's main, global, heap block and local pinned on the ribbon while the child is shown. */
@ExtendWith(ApplicationExtension.class)
class PointerPinsTest {

    private MemoryUserController child;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme theme = Theme.fixed(false);
        child = MemoryUserController.start();
        LinuxBackend backend = new LinuxBackend();
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        stage.setScene(new Scene(window, 1260, 780));
        stage.show();
        window.attachMemoryUser(child);
    }

    @AfterEach
    void stop() {
        window.stop();
        child.close();
    }

    @Test
    void fourPinsInTheRegionsTheyNameAndNoneForAnotherProcess(FxRobot robot) {
        Pointers p = child.pointers();
        List<Pin> pins = window.ribbon().pins();
        assertEquals(List.of(p.code(), p.data(), p.heap(), p.stack()), pins.stream().map(Pin::address).toList());
        assertEquals("main() is here", pins.get(0).text());
        var snap = window.session().getSnapshot();
        assertEquals(RegionKind.PROGRAM_TEXT, kindAt(snap.regions(), p.code()));
        assertEquals(RegionKind.HEAP, kindAt(snap.regions(), p.heap()));
        assertEquals(RegionKind.MAIN_STACK, kindAt(snap.regions(), p.stack()));
        assertTrue(kindAt(snap.regions(), p.data()).name().startsWith("PROGRAM_"), kindAt(snap.regions(), p.data()).name());

        robot.interact(() -> window.openLive((int) ProcessHandle.current().pid()));
        assertTrue(window.ribbon().pins().isEmpty(), "another process's map has no child pointers");
    }

    private static RegionKind kindAt(List<Region> regions, long a) {
        return regions.stream().filter(r -> r.contains(a)).findFirst().orElseThrow().kind();
    }
}
