package dev.aspace.ui.view;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.StatProbe;
import dev.aspace.ui.Theme;
import dev.aspace.ui.files.ConfigFile;
import dev.aspace.ui.grid.CanvasTable;
import dev.aspace.ui.vm.SessionModel;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The region table on live processes: pmap -x's columns first, a remembered column choice, pmap text copied. */
@ExtendWith(ApplicationExtension.class)
class RegionTableTest {

    private final List<LiveProcess> targets = new ArrayList<>();
    private Stage stage;
    @TempDir
    Path config;

    private Theme theme;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        theme = Theme.fixed(false);
    }

    @AfterEach
    void stopTargets() {
        targets.forEach(LiveProcess::close);
    }

    private LiveProcess target() {
        LiveProcess p = LiveProcess.startHelper("threads_maps", "3");
        targets.add(p);
        return p;
    }

    private RegionTable show(FxRobot robot, SessionModel session, int pid) {
        RegionTable[] table = new RegionTable[1];
        robot.interact(() -> {
            table[0] = new RegionTable(session, theme.darkProperty());
            session.openLive(pid);
            Scene scene = new Scene(table[0], 1000, 400);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return table[0];
    }

    private static SessionModel session() {
        LinuxBackend backend = new LinuxBackend();
        return new SessionModel(backend, Background.direct(), new StatProbe(backend), System::nanoTime);
    }

    @Test
    void theColumnsShownAtFirstAreWhatPmapXShows(FxRobot robot) {
        CanvasTable<Region> grid = show(robot, session(), target().pid()).table();
        assertEquals(List.of("Address", "Size", "RSS", "Dirty", "Perm", "Kind / label", "Mapping"),
                grid.shownColumnNames());
        List<String> all = grid.columns().stream().map(c -> c.name()).toList();
        assertTrue(all.containsAll(List.of("Offset", "Device", "Inode", "Pss", "Anonymous", "Swap", "Kind")),
                "the rest wait in the menu: " + all);
    }

    @Test
    void aColumnChosenInTheMenuIsRememberedForTheNextWindow(FxRobot robot) throws Exception {
        ConfigFile file = new ConfigFile(config.resolve("aspace").resolve("table-columns"));
        int pid = target().pid();
        RegionTable first = show(robot, session(), pid);
        robot.interact(() -> first.rememberColumnsIn(file, Background.direct()));
        CanvasTable<Region> grid = first.table();
        int anonymous = grid.columns().stream().map(c -> c.name()).toList().indexOf("Anonymous");
        int perm = grid.columns().stream().map(c -> c.name()).toList().indexOf("Perm");
        robot.interact(() -> {
            grid.setColumnShown(anonymous, true);
            grid.setColumnShown(perm, false);
        });
        assertTrue(Files.readString(file.file(), StandardCharsets.UTF_8).contains("Anonymous\n"));

        RegionTable second = show(robot, session(), pid);
        robot.interact(() -> second.rememberColumnsIn(file, Background.direct()));
        List<String> shown = second.table().shownColumnNames();
        assertTrue(shown.contains("Anonymous"), "remembered: " + shown);
        assertFalse(shown.contains("Perm"), "hidden stays hidden: " + shown);
    }

    @Test
    void anotherProcessStartsAtTheFirstColumn(FxRobot robot) {
        SessionModel session = session();
        RegionTable table = show(robot, session, target().pid());
        CanvasTable<Region> grid = table.table();
        robot.interact(() -> grid.setColumnShown(grid.columns().stream().map(c -> c.name()).toList().indexOf("Pss"), true));
        robot.interact(() -> grid.setColumnWidth(0, 900));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(grid.canvas()).type(KeyCode.RIGHT, 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(grid.scrollX() > 0, "scrolled sideways: " + grid.scrollX());
        int other = target().pid();
        robot.interact(() -> session.openLive(other));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, grid.scrollX());
    }

    @Test
    void everySmapsColumnShowsItsOwnKeysFigure(FxRobot robot) {
        LiveProcess target = target();
        target.stop(); // the figures compared are read once, by the table's own snapshot
        CanvasTable<Region> grid = show(robot, session(), target.pid()).table();
        List<Region> rows = grid.rows();
        int checked = 0;
        for (var column : grid.columns()) {
            Region first = rows.get(0);
            int i = first.smaps().layout().indexOf(column.name());
            if (i < 0 || column.name().equals("Size")) {
                continue; // not a smaps key (Size is the region's own)
            }
            for (Region r : rows) {
                long v = r.smaps().value(i);
                String want = Long.toString(r.smaps().layout().isKilobytes(i) ? v >> 10 : v);
                assertEquals(want, column.text().apply(r), column.name() + " of " + r.rangeText());
            }
            checked++;
        }
        assertTrue(checked >= 15, checked + " smaps columns");
    }

    @Test
    void selectedRowsAreCopiedAsPmapXPrintsThem(FxRobot robot) throws Exception {
        LiveProcess target = target();
        target.stop(); // both read the same, unchanging process
        CanvasTable<Region> grid = show(robot, session(), target.pid()).table();
        robot.interact(() -> grid.selectRange(0, grid.rows().size() - 1));
        String copied = grid.copyText();
        Process pmap = new ProcessBuilder("pmap", "-x", Integer.toString(target.pid())).redirectErrorStream(true).start();
        String real = new String(pmap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pmap.waitFor(20, TimeUnit.SECONDS));
        List<String> realLines = real.lines().skip(1).toList(); // pmap's first line names the process
        assertEquals(realLines, copied.lines().toList());
    }
}
