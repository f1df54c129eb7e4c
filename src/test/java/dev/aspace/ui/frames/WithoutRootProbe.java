package dev.aspace.ui.frames;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.frames.FrameSummary;
import dev.aspace.frames.RegionFrames;
import dev.aspace.model.Region;
import dev.aspace.share.FileSharing;
import dev.aspace.testutil.RawFrames;
import dev.aspace.ui.experiments.ResidencyStrip;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run as user nobody by {@link FramesWithoutRootTest}: builds the frames views (the strip in frames
 * mode with its caption, the physical view, the sharing view) on this process's libc text, waits
 * until each has read, and prints what they say, one {@code key=value} a line. Also prints how many
 * pages of the text its own pagemap reading (the tests' reader) finds present.
 */
public final class WithoutRootProbe {

    private WithoutRootProbe() {
    }

    public static void main(String[] args) throws Exception {
        int pid = (int) ProcessHandle.current().pid();
        Region text = new LinuxBackend().mappings(pid, MemoryBackend.Detail.SMAPS).regions().stream()
                .filter(r -> r.path().endsWith("/libc.so.6") && r.perms().exec()).findFirst().orElseThrow();
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Label caption = new Label("residency");
        FrameBackend frames = FrameBackend.live();
        ResidencyStrip strip = new ResidencyStrip(frames);
        CompletableFuture<Object[]> views = new CompletableFuture<>();
        Platform.runLater(() -> {
            HBox row = (HBox) FramesControls.captionRow(caption, strip, () -> { });
            for (Node n : row.getChildren()) {
                if (n instanceof CheckBox c) {
                    c.setSelected(true);
                }
            }
            strip.show(pid, text.start(), text.end());
            FramesWindow.View physical = new FramesWindow.View(frames, pid, text, List::of);
            physical.refresher.start();
            SharingWindow.View sharing = new SharingWindow.View(pid, text,
                    r -> frames.fileSharing(r.path(), r.perms().toString(), r.offset()));
            sharing.refresh();
            views.complete(new Object[] {physical, sharing});
        });
        Object[] v = views.get(60, TimeUnit.SECONDS);
        FramesWindow.View physical = (FramesWindow.View) v[0];
        SharingWindow.View sharing = (SharingWindow.View) v[1];
        // the probe faults in more of libc's text while JavaFX starts: wait until the strip's last
        // reading and pagemap read here agree (the text stops changing once the probe only waits)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Map<String, String> said = null;
        while (System.nanoTime() < deadline) {
            CompletableFuture<Map<String, String>> read = new CompletableFuture<>();
            Platform.runLater(() -> read.complete(said(caption, strip, physical, sharing)));
            Map<String, String> now = read.get(60, TimeUnit.SECONDS);
            if (now != null) {
                now.put("rawPresent", Long.toString(present(pid, text)));
                said = now;
                if (now.get("rawPresent").equals(now.get("stripPresent"))) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        if (said == null) {
            System.err.println("the views did not all read within 120 s");
            System.exit(1);
        }
        said.forEach((k, s) -> System.out.println(k + "=" + s.replace("\n", " | ")));
        System.exit(0);
    }

    /** Present pages of the region by the tests' own pagemap reader. */
    private static long present(int pid, Region text) throws IOException {
        long present = 0;
        for (long e : RawFrames.pagemap(pid, text.start(), (int) (text.size() / RawFrames.PAGE))) {
            present += e < 0 ? 1 : 0;
        }
        return present;
    }

    /** What the views say once each has read; null before. On the FX thread. */
    private static Map<String, String> said(Label caption, ResidencyStrip strip, FramesWindow.View physical,
                                            SharingWindow.View sharing) {
        RegionFrames f = strip.framesProperty().get();
        FileSharing s = sharing.shown();
        if (f == null || s == null || physical.summary.getText().startsWith("reading") || caption.getText().equals("residency")) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("caption", caption.getText());
        out.put("privilege", physical.privilege.getText());
        out.put("summary", physical.summary.getText());
        FrameSummary sum = f.summary();
        out.put("stripPrivileged", Boolean.toString(f.privileged()));
        out.put("stripPresent", Long.toString(sum.present()));
        out.put("stripExclusive", Long.toString(sum.exclusive()));
        out.put("stripShared", Long.toString(sum.shared()));
        out.put("stripSwapped", Long.toString(sum.swapped()));
        long pfns = 0;
        for (long pfn : f.pfns()) {
            pfns |= pfn;
        }
        out.put("stripPfnBits", Long.toString(pfns));
        out.put("hover", SharingColors.describe(f, 0));
        out.put("sharingHeading", sharing.heading.getText());
        out.put("notRead", sharing.notRead.getText());
        out.put("unreadable", Integer.toString(s.unreadable().size()));
        out.put("unreadableReason", s.unreadable().isEmpty() ? "" : s.unreadable().get(0).reason());
        out.put("users", Integer.toString(s.users().size()));
        return out;
    }
}
