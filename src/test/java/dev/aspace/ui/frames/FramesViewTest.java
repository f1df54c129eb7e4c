package dev.aspace.ui.frames;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.FramePrivilege;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.frames.RegionFrames;
import dev.aspace.frames.Sharing;
import dev.aspace.model.Region;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Theme;
import dev.aspace.ui.experiments.ResidencyStrip;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The strip's frames mode and the physical view on a parent and its forked child
 * (src/test/c/fork_share.c): every page shared until the child writes, then none, live.
 */
@ExtendWith(ApplicationExtension.class)
class FramesViewTest {

    private static final int PAGES = 64;

    private LiveProcess process;
    private int parent;
    private int child;
    private Region block;
    private ResidencyStrip strip;
    private FramesWindow.View view;

    @Start
    void start(Stage stage) {
        Theme.fixed(false);
        process = LiveProcess.start(LiveProcess.testHelper("fork_share").toString(), Integer.toString(PAGES));
        String[] ready = process.readLine().split(" ");
        parent = Integer.parseInt(ready[1].substring("parent=".length()));
        child = Integer.parseInt(ready[2].substring("child=".length()));
        long addr = Long.parseUnsignedLong(ready[3].substring("addr=0x".length()), 16);
        block = new LinuxBackend().mappings(parent, MemoryBackend.Detail.MAPS).regions().stream()
                .filter(r -> r.contains(addr)).findFirst().orElseThrow();
        FrameBackend frames = FrameBackend.live();
        strip = new ResidencyStrip(frames);
        strip.framesModeProperty().set(true);
        view = new FramesWindow.View(frames, parent, block, () -> List.of(child));
        stage.setScene(new Scene(new VBox(strip, view.root), 1000, 600));
        stage.show();
        strip.show(parent, addr, addr + PAGES * 4096L);
        view.refresher.start();
    }

    @AfterEach
    void stop() {
        process.close();
    }

    @Test
    void forkSharesEveryFrameUntilTheChildWritesThenTheSplitShowsLive(FxRobot robot) throws Exception {
        assumeTrue(FramePrivilege.granted(ProcPath.SYSTEM), "frame numbers need CAP_SYS_ADMIN");
        await(() -> sharing(Sharing.SHARED) == PAGES, "every page of the strip is shared");
        await(() -> view.summary.getText().contains("Frames used by both: " + PAGES), "the view joins all " + PAGES);
        assertTrue(view.sharing.getText().startsWith("anonymous memory data"), view.sharing.getText());

        process.process().getOutputStream().write("childwrite\n".getBytes(StandardCharsets.US_ASCII));
        process.process().getOutputStream().flush();
        process.awaitLine("written", Duration.ofSeconds(30));

        await(() -> sharing(Sharing.EXCLUSIVE) == PAGES, "after the write every page is the parent's own");
        await(() -> view.summary.getText().contains("Frames used by both: 0"), "the view joins none");
        RegionFrames f = strip.framesProperty().get();
        assertTrue(SharingColors.describe(f, 0).contains("map count 1"), SharingColors.describe(f, 0));
    }

    private int sharing(Sharing kind) {
        RegionFrames f = strip.framesProperty().get();
        if (f == null || f.size() != PAGES) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < f.size(); i++) {
            n += f.sharing(i) == kind ? 1 : 0;
        }
        return n;
    }

    private static void await(Supplier<Boolean> condition, String what) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.get();
        });
        assertTrue(condition.get(), what);
    }
}
