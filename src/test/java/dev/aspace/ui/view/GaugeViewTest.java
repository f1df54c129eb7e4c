package dev.aspace.ui.view;

import dev.aspace.model.SystemMemory;
import dev.aspace.ui.Background;
import dev.aspace.ui.vm.GaugeModel;
import dev.aspace.ui.vm.Units;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class GaugeViewTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    /** 16 GiB machine: 6 GiB available, 2 GiB free, 4.5 GiB buff/cache, 512 MiB shmem, 1 of 4 GiB swap used. */
    private static final SystemMemory MEM = new SystemMemory(16 * GIB, 2 * GIB, 6 * GIB, 512 * MIB, 3 * GIB,
            GIB, 512 * MIB, 4 * GIB, 3 * GIB, 12 * GIB, 9 * GIB);

    private final AtomicReference<Throwable> errors = new AtomicReference<>();
    private final AtomicReference<SystemMemory> shown = new AtomicReference<>(MEM);
    private GaugeModel model;

    @Start
    void start(Stage stage) {
        model = new GaugeModel(shown::get, Background.direct(), errors::set);
        stage.setScene(new Scene(new GaugeView(model, new SimpleBooleanProperty(false)), 500, 400));
        stage.show();
    }

    @Test
    void showsTheFiguresOfTheGivenSystemMemory(FxRobot robot) {
        robot.interact(() -> model.sample());
        assertEquals("16 GiB", text(robot, "#gauge-total"));
        assertEquals("10 GiB", text(robot, "#gauge-used"));       // total − available, as procps-ng 4
        assertEquals("2 GiB", text(robot, "#gauge-free"));
        assertEquals("4.5 GiB", text(robot, "#gauge-buffcache")); // buffers + cached + SReclaimable
        assertEquals("512 MiB", text(robot, "#gauge-shared"));
        assertEquals("6 GiB", text(robot, "#gauge-available"));
        assertEquals("1 GiB of 4 GiB", text(robot, "#gauge-swap"));
        assertEquals(1, model.history().size());
        assertEquals(null, errors.get());
    }

    @Test
    void aCapturesPrintedUsedIsShownWithItsDefinition(FxRobot robot) {
        robot.interact(() -> model.sample());
        assertTrue(!robot.lookup("#gauge-used-as").queryLabeled().isVisible(), "no hint for the kernel's figures");
        String definition = "total - free - buff/cache (procps 3.3 to procps-ng 4.0.0)";
        shown.set(MEM.withUsedAsPrinted(9 * GIB, definition));
        robot.interact(() -> model.sample());
        assertEquals("9 GiB", text(robot, "#gauge-used"), "the printed column, not total - available (10 GiB)");
        assertTrue(robot.lookup("#gauge-used-as").queryLabeled().isVisible());
        assertTrue(text(robot, "#gauge-used-as").endsWith(definition), text(robot, "#gauge-used-as"));
    }

    @Test
    void barSegmentsFollowTheFiguresAndUnitsSwitch(FxRobot robot) {
        robot.interact(() -> model.sample());
        WaitForAsyncUtils.waitForFxEvents();
        Region used = robot.lookup("#gauge-used-bar").queryAs(Region.class);
        Region free = robot.lookup("#gauge-free-bar").queryAs(Region.class);
        assertTrue(used.getWidth() > 4.5 * free.getWidth() && used.getWidth() < 5.5 * free.getWidth(),
                "used (10 GiB) is five times free (2 GiB): " + used.getWidth() + " vs " + free.getWidth());
        robot.interact(() -> model.unitsProperty().set(Units.MIB));
        assertEquals("16,384.0 MiB", text(robot, "#gauge-total"));
    }

    @Test
    void theHistoryDrawsUsedOnAScaleFromZeroToTheTotal(FxRobot robot) {
        robot.interact(() -> {
            model.sample();
            model.sample();
        });
        WaitForAsyncUtils.waitForFxEvents();
        MemoryHistory chart = robot.lookup("#gauge-history").queryAs(MemoryHistory.class);
        assertEquals(20, chart.upperBoundGiB(), 1e-9, "16 GiB on steps of 5");
        double y = chart.yOf(10); // used: 10 GiB, the same in both samples, a flat red line
        Color[] px = new Color[2];
        robot.interact(() -> {
            var image = chart.snapshot(null, null);
            px[0] = image.getPixelReader().getColor((int) chart.getWidth() - 8, (int) Math.round(y));
            px[1] = image.getPixelReader().getColor((int) chart.getWidth() - 8, (int) Math.round(chart.yOf(15)));
        });
        assertTrue(px[0].getRed() > 0.6 && px[0].getGreen() < 0.4, "used line at 10 GiB: " + px[0]);
        assertTrue(px[1].getRed() < 0.6 || px[1].getGreen() > 0.6, "nothing red at 15 GiB: " + px[1]);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
