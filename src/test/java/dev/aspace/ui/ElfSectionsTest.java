package dev.aspace.ui;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.testutil.Tools;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's ELF sections: the details list a region's sections at the addresses readelf and the
 * process's maps (read by the test) give, .bss's tail after the file included; hovering the
 * zoomed ribbon names the section under the mouse.
 */
@ExtendWith(ApplicationExtension.class)
class ElfSectionsTest {

    @TempDir
    static Path dir;
    private LiveProcess target;
    private MainWindow window;
    private Path program;

    @Start
    void start(Stage stage) throws Exception {
        Files.writeString(dir.resolve("sections.c"), """
                #include <stdio.h>
                #include <unistd.h>
                int counter = 42;
                static char big[100000];
                int main(void) {
                    printf("main %p\\n", (void *) main);
                    fflush(stdout);
                    pause();
                    return big[1] + counter;
                }
                """);
        Tools.run(dir, "gcc", "-O0", "-o", "sections", "sections.c");
        program = dir.resolve("sections");
        target = LiveProcess.start(program.toString());
        target.readLine();
        window = MainWindows.show(stage, new LinuxBackend());
        window.openLive(target.pid());
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    /** readelf's address of a section plus the bias from maps (offset-0 line minus the first LOAD's page). */
    private long[] expected(String section) throws Exception {
        List<String> maps = Files.readAllLines(Path.of("/proc/" + target.pid() + "/maps"));
        String first = maps.stream().filter(l -> l.endsWith(program.toString()) && l.split("\\s+")[2].equals("00000000"))
                .findFirst().orElseThrow();
        long firstLoad = Long.parseUnsignedLong(Tools.run("readelf", "-lW", program.toString()).lines()
                .filter(l -> l.trim().startsWith("LOAD")).findFirst().orElseThrow().trim().split("\\s+")[2].substring(2), 16)
                & ~0xfffL;
        long bias = Long.parseUnsignedLong(first.substring(0, first.indexOf('-')), 16) - firstLoad;
        String line = Tools.run("readelf", "-SW", program.toString()).lines()
                .filter(l -> l.matches(".*\\]\\s+\\Q" + section + "\\E\\s.*")).findFirst().orElseThrow();
        String[] f = line.substring(line.indexOf(']') + 1).trim().split("\\s+");
        long addr = Long.parseUnsignedLong(f[2], 16) + bias;
        return new long[]{addr, addr + Long.parseLong(f[4], 16)};
    }

    private Map<String, String> sectionRows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        GridPane g = robot.lookup("#sectionsGrid").queryAs(GridPane.class);
        Map<String, String> rows = new LinkedHashMap<>();
        List<Node> cells = g.getChildren();
        for (int i = 0; i + 2 < cells.size(); i += 3) {
            rows.put(((Label) cells.get(i)).getText(), ((Label) cells.get(i + 1)).getText() + "  " + ((Label) cells.get(i + 2)).getText());
        }
        return rows;
    }

    private Region regionAt(long a) {
        return window.session().getSnapshot().regions().stream().filter(r -> r.contains(a)).findFirst().orElseThrow();
    }

    @Test
    void detailsListTextDataAndBothPartsOfBssWhereReadelfAndMapsPutThem(FxRobot robot) throws Exception {
        long[] text = expected(".text");
        robot.interact(() -> window.session().selectedProperty().set(regionAt(text[0])));
        String row = sectionRows(robot).get(".text");
        assertTrue(row.startsWith(Long.toHexString(text[0]) + "-" + Long.toHexString(text[1]) + "  "), row);
        assertTrue(row.contains("file offset 0x"), row);

        long[] data = expected(".data");
        robot.interact(() -> window.session().selectedProperty().set(regionAt(data[0])));
        Map<String, String> rw = sectionRows(robot);
        assertTrue(rw.get(".data").startsWith(Long.toHexString(data[0]) + "-" + Long.toHexString(data[1])), rw.toString());
        long[] bss = expected(".bss");
        Region file = regionAt(data[0]);
        assertTrue(rw.get(".bss").startsWith(Long.toHexString(bss[0]) + "-" + Long.toHexString(file.end())), rw.toString());

        Region tail = regionAt(file.end());
        assertTrue(tail.path().isEmpty(), "the test's .bss reaches into the anonymous line after the file: " + tail);
        robot.interact(() -> window.session().selectedProperty().set(tail));
        Map<String, String> anon = sectionRows(robot);
        assertEquals(List.of(".bss"), List.copyOf(anon.keySet()));
        assertTrue(anon.get(".bss").startsWith(Long.toHexString(file.end()) + "-" + Long.toHexString(bss[1])), anon.toString());
        assertTrue(anon.get(".bss").contains("zero-filled"), anon.toString());
    }

    @Test
    void hoveringTheZoomedRibbonNamesTheSection(FxRobot robot) throws Exception {
        long[] text = expected(".text");
        long middle = text[0] + (text[1] - text[0]) / 2;
        robot.interact(() -> window.ribbon().model().zoomTo(regionAt(middle)));
        WaitForAsyncUtils.waitForFxEvents();
        var canvas = window.ribbon().canvas();
        Point2D p = canvas.localToScreen(window.ribbon().barMiddleX(), window.ribbon().yOfAddress(middle));
        robot.moveTo(p);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.ribbon().hoverTextProperty().get().contains("section"));
        assertTrue(window.ribbon().hoverTextProperty().get().contains("\nsection .text"),
                window.ribbon().hoverTextProperty().get());
    }
}
