package dev.aspace.ui.experiments;

import dev.aspace.backend.linux.CgroupReader;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.model.CgroupMemory;
import dev.aspace.testutil.Await;
import dev.aspace.ui.MainWindow;
import dev.aspace.ui.MainWindows;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The allocation panel's "run under a limit of N MiB", in the real main window: the restarted
 * child runs in a new memory cgroup below this test's own, the gauge shows the cgroup's view,
 * allocating past the limit ends in the cgroup's OOM kill reported in one line, the window stays,
 * and neither the cgroup nor the child is left behind.
 */
@ExtendWith(ApplicationExtension.class)
class AllocationLimitWindowTest {

    private static final long LIMIT = 64L << 20;

    private MemoryUserController first;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        first = MemoryUserController.start();
        window = MainWindows.show(stage, new LinuxBackend());
        window.attachMemoryUser(first);
    }

    @AfterEach
    void stop() {
        window.stop();
        first.close();
        removeOurCgroups(); // also when the test failed half way
    }

    @Test
    void childUnderALimitIsKilledByTheCgroupAndNothingIsLeft(FxRobot robot) {
        AllocationPanel panel = panel();
        robot.interact(() -> {
            ((CheckBox) panel.lookup("#limitBox")).setSelected(true);
            ((TextField) panel.lookup("#limitField")).setText("64");
            ((Button) panel.lookup("#restartButton")).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String refused = panel.errorProperty().get();
        assumeFalse(refused.startsWith("cannot run under a memory limit"), "no cgroup can be made here: " + refused);

        MemoryUserController child = window.memoryUser();
        assertNotEquals(first.pid(), child.pid(), "a new child was started");
        assertFalse(first.isAlive(), "the old child was ended");
        Path dir = child.cgroup().orElseThrow(() -> new AssertionError("the new child has no cgroup: " + refused)).dir();
        assertTrue(dir.startsWith(ownCgroup()), dir + " is below our own cgroup " + ownCgroup());
        assertEquals(LIMIT, Long.parseLong(read(dir.resolve("memory.limit_in_bytes").toFile().exists()
                ? dir.resolve("memory.limit_in_bytes") : dir.resolve("memory.max"))));
        assertTrue(read(dir.resolve("cgroup.procs")).contains(Integer.toString(child.pid())), "the child is in it");
        AllocationPanel limited = panel();
        assertNotEquals(panel, limited, "the panel is the new child's");
        assertTrue(((Label) limited.lookup("#limitStatus")).getText().contains("own cgroup, limit 64 MiB"));
        assertTrue(((CheckBox) limited.lookup("#limitBox")).isSelected(), "the limit setting is kept");
        CgroupMemory shown = window.gauge().cgroupProperty().get();
        assertNotNull(shown, "the gauge, watching the child, shows its cgroup");
        assertEquals(LIMIT, shown.effectiveLimit());

        robot.interact(() -> {
            limited.model().sizeProperty().set("128");
            limited.model().viaProperty().set(BlockKind.MMAP);
            limited.model().touchProperty().set(AllocationModel.TouchChoice.ONCE);
            ((Button) limited.lookup("#allocateButton")).fire();
        });
        Await.until("the child's end reported", Duration.ofSeconds(60),
                () -> limited.errorProperty().get().contains("killed"));
        WaitForAsyncUtils.waitForFxEvents();
        String line = limited.errorProperty().get();
        assertTrue(line.matches("memory-user " + child.pid() + " was killed by the cgroup's OOM killer at \\d+(\\.\\d)? MiB"
                + " \\(limit 64 MiB, memory\\.(oom_control|events) oom_kill 1\\)\\."), line);
        assertFalse(line.contains("\n"), "one line");

        Await.until("the cgroup removed", Duration.ofSeconds(10), () -> !Files.exists(dir));
        assertTrue(ProcessHandle.of(child.pid()).map(p -> !p.isAlive()).orElse(true), "the child is gone");
        assertTrue(stage.isShowing(), "the window stays");
        assertTrue(window.session().errorProperty().get().startsWith(line), "the banner says it too: "
                + window.session().errorProperty().get());
        assertFalse(limited.lookup("#restartButton").isDisabled(), "the panel can start another child");

        // and without a limit again, in aspace's own cgroup
        robot.interact(() -> {
            ((CheckBox) limited.lookup("#limitBox")).setSelected(false);
            ((Button) limited.lookup("#restartButton")).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        MemoryUserController plain = window.memoryUser();
        assertTrue(plain.isAlive() && plain.cgroup().isEmpty(), "a child without a limit runs");
        assertTrue(((Label) panel().lookup("#limitStatus")).getText().contains("without a limit"));
    }

    private AllocationPanel panel() {
        Node n = window.lookup("#allocationPanel");
        assertNotNull(n, "the allocation panel is shown");
        return (AllocationPanel) n;
    }

    private static Path ownCgroup() {
        return new CgroupReader(ProcPath.SYSTEM).place((int) ProcessHandle.current().pid()).orElseThrow().dir();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + p, e);
        }
    }

    /** Ends what is in the cgroups this test process made and removes them. */
    private static void removeOurCgroups() {
        Path own;
        try {
            own = ownCgroup();
        } catch (RuntimeException e) {
            return; // no memory controller: nothing was made
        }
        try (DirectoryStream<Path> made = Files.newDirectoryStream(own, "aspace-child-" + ProcessHandle.current().pid() + "-*")) {
            for (Path dir : made) {
                Await.until("removed " + dir, Duration.ofSeconds(10), () -> {
                    try {
                        for (String pid : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                            ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                        }
                        Files.deleteIfExists(dir);
                        return true;
                    } catch (IOException | RuntimeException e) {
                        return !Files.exists(dir);
                    }
                });
            }
        } catch (IOException e) {
            // nothing made here
        }
    }
}
