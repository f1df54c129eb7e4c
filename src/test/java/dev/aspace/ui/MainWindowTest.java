package dev.aspace.ui;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.Viewport;
import dev.aspace.model.Region;
import dev.aspace.model.Source;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.ribbon.RibbonView;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window on a real process the test starts (a C helper with threads and mappings). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private LiveProcess target;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        target = LiveProcess.startHelper("threads_maps", "3");
        window = MainWindows.show(stage, new LinuxBackend());
        window.openLive(target.pid());
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    /** A region the ribbon draws as itself (not inside a per-pixel bin), away from the ends. */
    private int wideRegion() {
        RibbonLayout l = window.ribbon().model().getLayout();
        return l.wideRegion(l.wideRegionCount() / 2);
    }

    private Point2D onRibbon(int region) {
        RibbonView r = window.ribbon();
        return r.canvas().localToScreen(r.barMiddleX(), r.yOf(region));
    }

    @Test
    void selectingARowSelectsTheRegionInTheRibbonAndTheOtherWayRound(FxRobot robot) {
        Region row = window.session().getSnapshot().regions().get(5);
        robot.interact(() -> window.table().table().select(row));
        assertEquals(5, window.ribbon().selectedIndex());

        int i = wideRegion();
        robot.clickOn(onRibbon(i));
        Region picked = window.session().getSnapshot().regions().get(i);
        assertSame(picked, window.table().table().getSelectedItem());
        assertEquals(picked.rangeText(), robot.lookup("#details-range").queryAs(Label.class).getText());
    }

    @Test
    void clickingARowOfTheTableSelectsItsRegionEverywhere(FxRobot robot) {
        var table = window.table().table();
        var g = table.geometry();
        assertEquals("Perm", table.columns().get(4).name());
        robot.clickOn(table.canvas().localToScreen(g.columnLeft(1) + 10, g.rowTop(4) + g.rowHeight() / 2));
        Region clicked = table.rows().get(4);
        assertSame(clicked, table.getSelectedItem());
        assertSame(clicked, window.session().selectedProperty().get());
        assertEquals(clicked.rangeText(), robot.lookup("#details-range").queryAs(Label.class).getText());
        assertEquals(clicked.perms().toString(), table.rowText(4).split("\t")[4]);
    }

    @Test
    void theTableLeadsWithPmapXsColumnsAndKeepsEveryPmapXxFieldInItsMenu() throws Exception {
        Process pmap = new ProcessBuilder("pmap", "-XX", Long.toString(target.pid())).redirectErrorStream(true).start();
        String header;
        try (var out = new BufferedReader(new InputStreamReader(pmap.getInputStream()))) {
            out.readLine(); // "PID:   command"
            header = out.readLine().trim();
        }
        pmap.waitFor();
        List<String> shown = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        var table = window.table().table();
        for (int i = 0; i < table.columns().size(); i++) {
            (table.isColumnShown(i) ? shown : hidden).add(table.columns().get(i).name());
        }
        // pmap -x: Address Kbytes RSS Dirty Mode Mapping, with the region's kind or label before the mapping
        assertEquals(List.of("Address", "Size", "RSS", "Dirty", "Perm", "Kind / label", "Mapping"), shown);
        // every other field pmap -XX prints is in the header's "+" menu, unticked
        List<String> fields = new ArrayList<>(List.of(header.split(" +")));
        fields.removeAll(List.of("Address", "Perm", "Size", "Rss", "Mapping", "VmFlags"));
        assertTrue(hidden.containsAll(fields), "missing from the menu: " + fields.stream().filter(f -> !hidden.contains(f)).toList());
        var items = table.columnMenu().getItems().stream().map(m -> (CheckMenuItem) m).toList();
        assertEquals(table.columns().size(), items.size());
        assertTrue(items.stream().filter(m -> m.getText().equals("KernelPageSize")).noneMatch(m -> m.isSelected()));
    }

    @Test
    void zoomKeysChangeTheVisibleInterval(FxRobot robot) {
        Viewport whole = window.ribbon().model().getViewport();
        assertTrue(whole.isWhole());
        robot.clickOn(onRibbon(wideRegion()));
        robot.type(KeyCode.ADD);
        Viewport in = window.ribbon().model().getViewport();
        assertTrue(in.spanBytes() < whole.spanBytes(), "zoomed in: " + in);
        robot.type(KeyCode.UP);
        Viewport up = window.ribbon().model().getViewport();
        assertTrue(Long.compareUnsigned(up.lo(), in.lo()) > 0, "up pans towards higher addresses: " + up);
        robot.type(KeyCode.SUBTRACT);
        assertTrue(window.ribbon().model().getViewport().spanBytes() > up.spanBytes());
    }

    @Test
    void hoverShowsTheRegionsRangeInTheTooltip(FxRobot robot) {
        int i = wideRegion();
        robot.moveTo(onRibbon(i));
        Region r = window.session().getSnapshot().regions().get(i);
        String text = window.ribbon().hoverTextProperty().get();
        assertTrue(text.startsWith(r.rangeText() + "\n"), text);
        assertTrue(text.contains(r.perms().toString()), text);
        assertTrue(window.ribbon().tooltip().isShowing());
        assertEquals(text, window.ribbon().tooltip().getText());
    }

    @Test
    void capturedTextOpensMarkedWithItsSourceAndStopsWatching(FxRobot robot) {
        robot.interact(() -> window.open(Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt")));
        var s = window.session().getSnapshot();
        assertEquals(Source.Type.IMPORTED, s.source().type());
        assertEquals(-1, window.session().livePid());
        assertTrue(robot.lookup("#originBadge").queryAs(Label.class).getText().contains("imported"));
        assertEquals(s.regions().size(), window.table().table().rows().size());
        assertTrue(s.regions().size() > 10);
    }

    @Test
    void aSavedSnapshotOpensAgainAsTheSameRegionsFromTheFile(FxRobot robot, @TempDir Path dir) {
        var live = window.session().getSnapshot();
        Path file = dir.resolve("threads.json");
        robot.interact(() -> window.save(file));
        assertTrue(window.session().errorProperty().get().startsWith("saved "), window.session().errorProperty().get());
        robot.interact(() -> window.open(file));
        var opened = window.session().getSnapshot();
        assertEquals(Source.Type.FILE, opened.source().type());
        assertEquals(live.regions(), opened.regions());
        assertTrue(robot.lookup("#originBadge").queryAs(Label.class).getText().contains("file"));
    }

    @Test
    void aProcessThatIsKilledIsMarkedExitedAndStaysOnScreen(FxRobot robot) {
        int regions = window.session().getSnapshot().regions().size();
        target.close();
        robot.interact(() -> window.session().tick());
        assertTrue(window.session().exitedProperty().get());
        assertTrue(robot.lookup("#originBadge").queryAs(Label.class).getText().endsWith("exited"));
        assertTrue(robot.lookup("#banner").query().isVisible());
        assertEquals(regions, window.table().table().rows().size());
    }
}
