package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.ribbon.RibbonPalette;
import dev.aspace.ui.ribbon.RibbonView;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window paints with the theme it was given, and its toolbar chooses on that theme. */
@ExtendWith(ApplicationExtension.class)
class MainWindowThemeTest {

    private final LinuxBackend backend = new LinuxBackend();
    private LiveProcess target;
    private MainWindow window;
    private Theme theme;

    @Start
    void start(Stage stage) {
        target = LiveProcess.sleep();
        theme = Theme.fixed(false);
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        window.intervalProperty().set(Duration.hours(1));
        Scene scene = new Scene(window, 1260, 780);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
        window.openLive(target.pid());
    }

    @AfterEach
    void stop(FxRobot robot) {
        window.stop();
        target.close();
        robot.interact(() -> theme.apply(false));
    }

    private Set<Integer> ribbonPixels(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        RibbonView ribbon = robot.lookup("#ribbon").queryAs(RibbonView.class);
        Set<Integer> painted = new HashSet<>();
        robot.interact(() -> {
            Image shot = ribbon.snapshot(null, null);
            PixelReader px = shot.getPixelReader();
            for (int y = 0; y < (int) shot.getHeight(); y++) {
                for (int x = 0; x < (int) shot.getWidth(); x++) {
                    painted.add(px.getArgb(x, y));
                }
            }
        });
        return painted;
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void theRibbonFollowsTheThemeTheWindowWasGivenAndTheToolbarChoosesOnIt(FxRobot robot) {
        Color lightCode = RibbonPalette.current(false).readExec();
        Color darkCode = RibbonPalette.current(true).readExec();
        Set<Integer> light = ribbonPixels(robot);
        assertTrue(light.contains(argb(lightCode)), "code painted in the light palette");
        assertFalse(light.contains(argb(darkCode)), "not in the dark one");

        robot.clickOn("#themeDark");

        assertTrue(theme.darkProperty().get(), "the toolbar chose on the window's theme");
        Set<Integer> dark = ribbonPixels(robot);
        assertTrue(dark.contains(argb(darkCode)), "code painted in the dark palette");
        assertFalse(dark.contains(argb(lightCode)), "not in the light one");
    }
}
