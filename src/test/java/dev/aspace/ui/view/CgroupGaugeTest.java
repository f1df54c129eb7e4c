package dev.aspace.ui.view;

import dev.aspace.backend.linux.CgroupReader;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.SystemMemory;
import dev.aspace.ui.Background;
import dev.aspace.ui.vm.GaugeModel;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gauge beside a process in a limited cgroup (a v2 service under a 1 GiB slice, read from the
 * tree in src/test/resources/cgroup): the limit, the usage split and why free differs appear; for
 * a process with no limit the section stays hidden.
 */
@ExtendWith(ApplicationExtension.class)
class CgroupGaugeTest {

    private static final ProcPath TREE = ProcPath.under(Path.of("src/test/resources/cgroup/v2-service"));
    private static final SystemMemory MACHINE = new LinuxBackend(TREE).systemMemory();

    private final AtomicInteger watched = new AtomicInteger(4242);
    private GaugeModel model;

    @Start
    void start(Stage stage) {
        CgroupReader reader = new CgroupReader(TREE);
        model = new GaugeModel(() -> MACHINE, watched::get,
                pid -> pid == 4242 ? reader.memory(pid) : Optional.<CgroupMemory>empty(),
                Background.direct(), t -> { });
        stage.setScene(new Scene(new GaugeView(model, new SimpleBooleanProperty(false)), 420, 560));
        stage.show();
    }

    @Test
    void aLimitedProcessShowsItsCgroupBesideFree(FxRobot robot) {
        robot.interact(() -> model.sample());
        Node section = robot.lookup("#gauge-cgroup").query();
        assertTrue(section.isVisible() && section.isManaged());
        assertEquals("limit 1 GiB (cgroup v2, set on /system.slice)", text(robot, "#gauge-cgroup-limit"));
        assertEquals("usage 700 MiB: anon 500 MiB, file 180 MiB, kernel 20 MiB", text(robot, "#gauge-cgroup-usage"));
        assertTrue(text(robot, "#gauge-cgroup-other").contains("OOM kills 1"), text(robot, "#gauge-cgroup-other"));
        assertTrue(text(robot, "#gauge-cgroup-why").startsWith("free and /proc/meminfo show the machine's "),
                text(robot, "#gauge-cgroup-why"));
    }

    @Test
    void aProcessWithoutALimitShowsNoCgroupSection(FxRobot robot) {
        watched.set(1);
        robot.interact(() -> model.sample());
        Node section = robot.lookup("#gauge-cgroup").query();
        assertFalse(section.isVisible() || section.isManaged());
        assertEquals(null, model.cgroupProperty().get());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
