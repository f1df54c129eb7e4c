package dev.aspace.ui.experiments;

import dev.aspace.backend.FrameBackend;
import java.time.Duration;
import dev.aspace.testutil.Await;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.ExperimentResult;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.model.Region;
import dev.aspace.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The allocation panel drives a real child; the listener hears the new region; the strip shows its pages. */
@ExtendWith(ApplicationExtension.class)
class AllocationPanelTest {

    private MemoryUserController child;
    private AllocationPanel panel;
    private ResidencyStrip strip;
    private final CompletableFuture<ExperimentResult> heard = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        Theme.fixed(false); // AtlantaFX's colours, which aspace.css looks up, as the app has them
        child = MemoryUserController.start();
        panel = new AllocationPanel(child, new LinuxBackend(), FrameBackend.live(), heard::complete);
        strip = new ResidencyStrip(FrameBackend.live());
        stage.setScene(new Scene(new VBox(panel, strip), 1000, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        child.close();
    }

    @Test
    void allocatingReportsTheNewRegionAndTheStripShowsItResident(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#sizeField").queryAs(TextField.class).setText("16"));
        robot.clickOn("#allocateButton");
        ExperimentResult r = heard.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Region focus = r.focus().orElseThrow();
        long address = child.blocks().get(0).address();
        assertTrue(focus.contains(address), "the highlighted region holds the new block: " + r.lines());
        assertEquals(child.blocks(), panel.blocks());
        String shown = robot.lookup("#resultArea").queryAs(TextArea.class).getText();
        assertTrue(shown.contains("block 1: 16.0 MiB via mmap at 0x" + Long.toHexString(address)), shown);
        assertTrue(shown.contains(focus.rangeText()), "the result names the region: " + shown);
        assertEquals("", panel.errorProperty().get());

        robot.interact(() -> strip.show(child.pid(), address, address + 16 * (1L << 20)));
        Await.until("the strip's residency read", Duration.ofSeconds(30),
                () -> strip.residencyProperty().get() != null);
        assertEquals(4096, strip.residencyProperty().get().presentPages(), "touched once: all 4096 pages present");
    }

    @Test
    void aBadSizeIsRefusedInPlace(FxRobot robot) {
        robot.interact(() -> robot.lookup("#sizeField").queryAs(TextField.class).setText("-3"));
        robot.clickOn("#allocateButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Size: expected a size like 64M, 1G, 512K or 100MiB (a plain number is MiB), got '-3'",
                panel.errorProperty().get());
        assertTrue(child.blocks().isEmpty());
    }
}
