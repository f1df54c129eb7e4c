package dev.aspace.ui.view;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.Theme;
import dev.aspace.ui.vm.SessionModel;
import dev.aspace.ui.StatProbe;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A region selected before the table was ever laid out (as at start-up) is scrolled into view. */
@ExtendWith(ApplicationExtension.class)
class RegionTableScrollTest {

    private LiveProcess target;
    private Stage stage;

    private Theme theme;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        target = LiveProcess.startHelper("threads_maps", "3");
        theme = Theme.fixed(false);
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void aRegionSelectedBeforeTheFirstLayoutIsInView(FxRobot robot) {
        LinuxBackend backend = new LinuxBackend();
        SessionModel session = new SessionModel(backend, Background.direct(), new StatProbe(backend), System::nanoTime);
        RegionTable[] table = new RegionTable[1];
        Region[] chosen = new Region[1];
        robot.interact(() -> {
            table[0] = new RegionTable(session, theme.darkProperty());
            session.openLive(target.pid());
            List<Region> regions = session.getSnapshot().regions();
            chosen[0] = regions.get(regions.size() - 3); // near the end: out of view unless scrolled
            session.selectedProperty().set(chosen[0]);
            Scene scene = new Scene(table[0], 900, 400);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var grid = table[0].table();
        int index = grid.rows().indexOf(chosen[0]);
        assertEquals(index, grid.getSelectedIndex());
        var g = grid.geometry();
        assertTrue(g.rowTop(index) >= g.headerHeight() && g.rowTop(index) + g.rowHeight() <= grid.canvas().getHeight(),
                "row " + index + " of " + grid.rows().size() + " is in view; rows " + grid.firstVisibleRow() + "-"
                        + grid.lastVisibleRow());
    }
}
