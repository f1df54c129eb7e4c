package dev.aspace.ui;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.ribbon.Pin;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl+G through the scene's real key path: the dialog, then the region selected, zoomed, pinned and explained. */
@ExtendWith(ApplicationExtension.class)
class GoToAddressTest {

    private LiveProcess target;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        target = LiveProcess.startHelper("threads_maps", "2");
        window = MainWindows.show(stage, new LinuxBackend());
        window.openLive(target.pid());
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void ctrlGLocatesALibraryAddress(FxRobot robot) throws Exception {
        // the libc text line of maps as the test reads it
        String line = Files.readAllLines(Path.of("/proc/" + target.pid() + "/maps")).stream()
                .filter(l -> l.contains("libc.so") && l.contains(" r-xp ")).findFirst().orElseThrow();
        long start = Long.parseUnsignedLong(line.substring(0, line.indexOf('-')), 16);
        long address = start + 0x1234;
        robot.clickOn("#ribbonCanvas");
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#goToAddressField").tryQuery().isPresent());
        TextField field = robot.lookup("#goToAddressField").queryAs(TextField.class);
        robot.interact(() -> field.setText("0x" + Long.toHexString(address)));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#locationTitle").tryQuery().isPresent());

        Region selected = window.session().selectedProperty().get();
        assertEquals(line.substring(0, line.indexOf(' ')), selected.rangeText());
        assertSame(selected, window.session().getSnapshot().regions().get(window.ribbon().selectedIndex()));
        assertFalse(window.ribbon().model().getViewport().isWhole(), "zoomed in");
        assertTrue(window.ribbon().model().getLayout().isVisible(window.ribbon().selectedIndex()));
        String title = robot.lookup("#locationTitle").queryAs(Label.class).getText();
        assertTrue(title.startsWith("0x" + Long.toHexString(address) + "  .text of libc.so"), title);
        assertEquals(1, window.ribbon().pins().size());
        Pin pin = window.ribbon().pins().get(0);
        assertEquals(address, pin.address());
        // the region's own details stay below the location
        assertEquals(selected.rangeText(), robot.lookup("#details-range").queryAs(Label.class).getText());
    }

    @Test
    void anUnmappedAddressShowsTheGap(FxRobot robot) {
        robot.interact(() -> window.goToAddress(0x10));
        String gap = robot.lookup("#location-gap").queryAs(Label.class).getText();
        assertTrue(gap.startsWith("between address 0 and "), gap);
    }
}
