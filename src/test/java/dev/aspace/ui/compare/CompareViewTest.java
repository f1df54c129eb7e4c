package dev.aspace.ui.compare;

import dev.aspace.layout.Scale;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.ui.Theme;
import dev.aspace.snapshot.diff.Change;
import dev.aspace.snapshot.diff.RegionDiff;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javafx.scene.paint.Color;
import javafx.scene.image.PixelReader;
import javafx.scene.image.Image;
import java.util.Set;
import java.util.HashSet;
import dev.aspace.ui.ribbon.RibbonPalette;

/** The compare view in a headless window (Monocle), on two live runs of sleep. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {

    private static List<Snapshot> runs;
    private Theme theme;

    @BeforeAll
    static void takeTwoRuns() {
        runs = TwoSleeps.takeWithAslr();
    }

    @Start
    void start(Stage stage) {
        theme = Theme.fixed(false);
        stage.setScene(new Scene((Parent) new CompareView(runs, theme.darkProperty()).node(), 1200, 800));
        stage.show();
    }

    @Test
    void tableListsTheLibraryMovesWithTheirSlide(FxRobot robot) {
        TableView<RegionDiff> table = robot.lookup("#compare-table").queryTableView();
        List<RegionDiff> libcMoves = table.getItems().stream()
                .filter(d -> d.changes().contains(Change.MOVED) && d.region().path().contains("libc.so")).toList();
        assertFalse(libcMoves.isEmpty(), "libc moved between the runs: " + table.getItems());
        RegionDiff first = libcMoves.get(0);
        assertEquals(runs.get(1).regions().stream().filter(r -> r == first.after()).count(), 1);
        int row = table.getItems().indexOf(first);
        assertTrue(table.getColumns().get(0).getCellData(row).toString().contains("moved"));
        assertEquals(first.slide(), table.getColumns().get(5).getCellData(row));
        assertEquals(Long.toHexString(first.before().start()),
                Long.toHexString((Long) table.getColumns().get(1).getCellData(row)));
        Label summary = robot.lookup("#compare-summary").queryAs(Label.class);
        assertTrue(summary.getText().matches("#1 → #2: [1-9]\\d* moved.*"), summary.getText());
    }

    @Test
    void selectingARowOutlinesItsRegionOnTheRibbons(FxRobot robot) {
        TableView<RegionDiff> table = robot.lookup("#compare-table").queryTableView();
        CompareRibbons ribbons = robot.lookup("#compare-ribbons").queryAs(CompareRibbons.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        assertEquals(table.getItems().get(0), ribbons.selectedProperty().get());
    }

    @Test
    void ribbonsAreDrawnForEveryRunAndFollowTheScaleToggle(FxRobot robot) {
        CompareRibbons ribbons = robot.lookup("#compare-ribbons").queryAs(CompareRibbons.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, ribbons.layouts().size());
        assertEquals(Scale.LOG, ribbons.layouts().get(0).scale());
        assertEquals(runs.get(0).regions().size(), ribbons.layouts().get(0).visibleRegionCount());
        ToggleButton linear = robot.lookup(".toggle-button").match(n -> "linear".equals(((ToggleButton) n).getText()))
                .queryAs(ToggleButton.class);
        robot.clickOn(linear);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Scale.LINEAR, ribbons.layouts().get(0).scale());
    }

    @Test
    void onlyDifferencesCanBeTurnedOffToListEveryRegion(FxRobot robot) {
        TableView<RegionDiff> table = robot.lookup("#compare-table").queryTableView();
        int changed = table.getItems().size();
        robot.clickOn("#compare-only-changed");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().size() >= changed);
        assertTrue(table.getItems().size() >= runs.get(1).regions().size());
    }

    @Test
    void clickingARegionOnARibbonSelectsItsRow(FxRobot robot) {
        TableView<RegionDiff> table = robot.lookup("#compare-table").queryTableView();
        CompareRibbons ribbons = robot.lookup("#compare-ribbons").queryAs(CompareRibbons.class);
        WaitForAsyncUtils.waitForFxEvents();
        var layout = ribbons.layouts().get(1);
        // a region of the second run that the table lists (it differs) and that is wide enough to aim at
        List<Region> second = runs.get(1).regions();
        int region = -1;
        for (int j = 0; j < layout.wideRegionCount() && region < 0; j++) {
            int r = layout.wideRegion(j);
            if (layout.regionEndPx(r) - layout.regionStartPx(r) >= 6
                    && table.getItems().stream().anyMatch(d -> d.after() == second.get(r))) {
                region = r;
            }
        }
        assertTrue(region >= 0, "some changed region is drawn wide");
        double x = CompareRibbons.MARGIN + (layout.regionStartPx(region) + layout.regionEndPx(region)) / 2;
        double y = CompareRibbons.ribbonTop(1) + CompareRibbons.RIBBON_H / 2;
        robot.clickOn(ribbons.localToScreen(x, y));
        WaitForAsyncUtils.waitForFxEvents();
        RegionDiff selected = table.getSelectionModel().getSelectedItem();
        assertTrue(selected != null && selected.after() == second.get(region),
                "row of region " + region + " (" + second.get(region) + ") selected: " + selected);
    }

    @Test
    void ribbonsArePaintedInTheThemesPalette(FxRobot robot) {
        CompareRibbons ribbons = robot.lookup("#compare-ribbons").queryAs(CompareRibbons.class);
        try {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> theme.apply(dark));
                WaitForAsyncUtils.waitForFxEvents();
                Set<Integer> painted = new HashSet<>();
                robot.interact(() -> {
                    Image shot = ribbons.snapshot(null, null);
                    PixelReader px = shot.getPixelReader();
                    for (int y = 0; y < (int) shot.getHeight(); y++) {
                        for (int x = 0; x < (int) shot.getWidth(); x++) {
                            painted.add(px.getArgb(x, y));
                        }
                    }
                });
                RibbonPalette pal = RibbonPalette.current(dark);
                // sleep maps code (r-x), read-only and read-write data: each in the ribbon's own colour
                for (Color c : List.of(pal.readExec(), pal.readOnly(), pal.readWrite())) {
                    assertTrue(painted.contains(argb(c)), (dark ? "dark" : "light") + ": " + c + " painted");
                }
                Color otherTheme = RibbonPalette.current(!dark).readExec();
                assertFalse(painted.contains(argb(otherTheme)), "not the other theme's code colour");
            }
        } finally {
            robot.interact(() -> theme.apply(false));
        }
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
