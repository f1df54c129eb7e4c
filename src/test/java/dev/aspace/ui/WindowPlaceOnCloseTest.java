package dev.aspace.ui;

import dev.aspace.ui.files.WindowPlace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real app, run twice as a process of its own on a headless 1366x768 screen: its first run
 * saves the window's place as it quits (Platform.exit, the Ctrl+Q path, then Application.stop),
 * and the next run opens where the file says and saves again on quitting. The app quits itself
 * once its first read is on screen (-Daspace.screenshot), which also gives the scene's size.
 */
class WindowPlaceOnCloseTest {

    @TempDir
    Path dir;

    @Test
    void placeIsSavedOnCloseAndRestoredOnTheNextOpen() throws Exception {
        Path config = dir.resolve("config");
        Path saved = config.resolve("aspace/main-window");

        Path first = run(config, "first.png");
        assertTrue(Files.isRegularFile(saved), "no place saved on closing the first run");
        WindowPlace once = WindowPlace.parse(Files.readString(saved)).orElseThrow();
        BufferedImage shot = ImageIO.read(first.toFile());
        assertEquals(1366, once.width(), 0.5, "the first open fills the 1366 px screen and is saved so");
        assertEquals(768, once.height(), 0.5);
        assertEquals(shot.getWidth(), once.width(), 0.5, "the saved width is the window's");
        assertEquals(MainWindow.DIVIDERS.size(), once.dividers().size());
        for (int i = 0; i < once.dividers().size(); i++) {
            assertEquals(MainWindow.DIVIDERS.get(i), once.dividers().get(i), 0.02, "divider " + i);
        }

        // a place a person left: smaller, moved, the dividers dragged
        Files.writeString(saved, new WindowPlace(40, 30, 1200, 700, false, List.of(0.35, 0.72, 0.45)).format());
        Path second = run(config, "second.png");
        BufferedImage reopened = ImageIO.read(second.toFile());
        assertEquals(1200, reopened.getWidth(), "the window opened at its remembered width");
        assertEquals(700, reopened.getHeight(), "the window opened at its remembered height");
        WindowPlace again = WindowPlace.parse(Files.readString(saved)).orElseThrow();
        assertEquals(40, again.x(), 0.5);
        assertEquals(30, again.y(), 0.5);
        assertEquals(1200, again.width(), 0.5);
        assertEquals(700, again.height(), 0.5);
        assertFalse(again.maximized());
        List<Double> want = List.of(0.35, 0.72, 0.45); // each pane above its minimum width
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i), again.dividers().get(i), 0.02, "divider " + i + " restored and saved again: " + again);
        }
    }

    /** Runs the app until it quits by itself; returns the PNG of its scene. */
    private Path run(Path config, String png) throws IOException, InterruptedException {
        Path shot = dir.resolve(png);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dheadless.geometry=1366x768-32",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
                "-Daspace.screenshot=" + shot, "-Daspace.screenshotDelay=300",
                "dev.aspace.Launcher"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(png + ".log").toFile());
        pb.environment().put("XDG_CONFIG_HOME", config.toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the app did not quit within 120 s");
        } finally {
            p.destroyForcibly();
        }
        assertTrue(Files.isRegularFile(shot), "no screenshot: " + Files.readString(dir.resolve(png + ".log")));
        return shot;
    }
}
