package dev.aspace.ui.frames;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.FramePrivilege;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.demo.Block;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.demo.MemoryUserListener;
import dev.aspace.testutil.Await;
import dev.aspace.testutil.RawFrames;
import dev.aspace.ui.Theme;
import dev.aspace.ui.experiments.AllocationPanel;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fork experiment at the frame level, through the allocation panel's own buttons: after Fork
 * the parent and the fork stand side by side sharing every frame of a written block, and while the
 * fork writes its copy the frames both use fall away page by page to none. What the window says
 * is checked against pagemap read by the test itself.
 */
@ExtendWith(ApplicationExtension.class)
class ForkFramesTest {

    private static final int PAGES = 1024;
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern BOTH = Pattern.compile("Frames used by both: (\\d+)");

    private MemoryUserController child;
    private AllocationPanel panel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.fixed(false);
        child = MemoryUserController.start();
        panel = new AllocationPanel(child, new LinuxBackend(), FrameBackend.live(), r -> { });
        stage.setScene(new Scene(panel, 900, 700));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(w -> {
            if (w != stage) {
                w.hide();
            }
        }));
        child.close();
    }

    @Test
    void theForkSharesEveryFrameOfAWrittenBlockUntilItWritesItsCopyThenNone(FxRobot robot) {
        assumeTrue(FramePrivilege.granted(ProcPath.SYSTEM), "frame numbers need CAP_SYS_ADMIN");
        robot.interact(() -> robot.lookup("#sizeField").queryAs(TextField.class).setText("4"));
        press(robot, "#allocateButton");
        Await.until("the block is allocated and written", LIMIT, () -> !child.blocks().isEmpty() && !busy());
        Block block = child.blocks().get(0);

        press(robot, "#forkButton");
        Await.until("the fork", LIMIT, () -> !child.forks().isEmpty() && !busy());
        int fork = child.forks().get(0);
        assertEquals(PAGES, sameFrames(child.pid(), fork, block), "pagemap: the fork uses the parent's frames");
        Await.until("the pair shows all " + PAGES + " frames used by both", LIMIT, () -> both() == PAGES);
        String line = robot.lookup("#sharingLine").queryAs(Label.class).getText();
        assertTrue(line.startsWith("block " + block.id() + " data, 4 MiB; here RSS 4 MiB"), "the pair names the block: " + line);

        Set<Integer> seen = new ConcurrentSkipListSet<>();
        robot.interact(() -> summary(robot).textProperty().addListener((o, a, text) -> seen.add(both(text))));
        CompletableFuture<Map<String, String>> wrote = new CompletableFuture<>();
        child.addListener(new MemoryUserListener() {
            @Override
            public void event(String name, Map<String, String> fields) {
                if (name.equals("forkwrote")) {
                    wrote.complete(fields);
                }
            }
        });
        // 4 MiB at 0.25 MiB/s: 16 s of writing, many refreshes of the pair
        robot.interact(() -> robot.lookup("#rateField").queryAs(TextField.class).setText("0.25"));
        press(robot, "#forkWriteButton");
        Map<String, String> done = Await.until("the fork's forkwrote event", LIMIT, () -> wrote.getNow(null),
                f -> f != null);
        assertEquals(Integer.toString(fork), done.get("fork"));
        assertEquals(0, sameFrames(child.pid(), fork, block), "pagemap: each page of the fork has its own frame now");
        Await.until("the pair shows no frame used by both", LIMIT, () -> both() == 0);
        assertTrue(seen.stream().anyMatch(n -> n > 0 && n < PAGES),
                "the split showed page by page while the fork wrote, not at once: " + seen);
    }

    private boolean busy() {
        return panel.busyProperty().get();
    }

    private void press(FxRobot robot, String button) {
        robot.interact(() -> robot.lookup(button).queryAs(Button.class).fire());
    }

    private static Label summary(FxRobot robot) {
        return robot.lookup("#framesSummary").queryAs(Label.class);
    }

    /** The frames the pair says both use; -1 while it shows none. */
    private int both() {
        List<Label> found = new ArrayList<>();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w.getScene() != null && w.getScene().lookup("#framesSummary") instanceof Label l) {
                found.add(l);
            }
        }
        return found.isEmpty() ? -1 : both(found.get(0).getText());
    }

    private static int both(String summary) {
        Matcher m = BOTH.matcher(summary == null ? "" : summary);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Pages of the block at which parent and fork have the same frame, by the test's own pagemap reader. */
    private static int sameFrames(int parent, int fork, Block b) {
        try {
            long[] a = RawFrames.pfns(parent, b.address(), PAGES);
            long[] c = RawFrames.pfns(fork, b.address(), PAGES);
            int same = 0;
            for (int i = 0; i < PAGES; i++) {
                same += a[i] != 0 && a[i] == c[i] ? 1 : 0;
            }
            return same;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
