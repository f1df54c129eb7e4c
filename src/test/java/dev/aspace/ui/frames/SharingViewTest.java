package dev.aspace.ui.frames;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.backend.linux.ShareReader;
import dev.aspace.demo.Block;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.demo.MemoryUserListener;
import dev.aspace.model.ByteSize;
import dev.aspace.model.Region;
import dev.aspace.share.FileSharing;
import dev.aspace.share.FileUser;
import dev.aspace.testutil.Await;
import dev.aspace.ui.Theme;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sharing view on a file only this test's processes map: the memory-user maps a file of 16
 * pages shared and writes half, forks, and the fork writes all 16 (a fork maps a shared file's page
 * when it touches it), so the parent maps 8 of the pages and the fork all 16. Every figure the view
 * shows is compared with smaps read by the test (the kernel's own: fork RSS 64 KiB, PSS
 * 8 x 4 / 2 + 8 x 4 = 48 KiB; parent RSS 32 KiB, PSS 16 KiB); and on
 * libc's text, which the whole machine shares, the "here" figures against smaps read around it.
 */
@ExtendWith(ApplicationExtension.class)
class SharingViewTest {

    private static final long PAGE = 4096;
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private Path dir;
    private MemoryUserController child;
    private int fork;
    private Block block;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Theme.fixed(false);
        dir = Files.createTempDirectory("aspace-sharing");
        child = MemoryUserController.start(dir);
        block = child.allocate(BlockKind.FILE, 16 * PAGE);
        child.touch(block, 50);
        fork = child.fork();
        CompletableFuture<Boolean> wrote = new CompletableFuture<>();
        child.addListener(new MemoryUserListener() {
            @Override
            public void event(String name, Map<String, String> fields) {
                if (name.equals("forkwrote")) {
                    wrote.complete(true);
                }
            }
        });
        // a fork gets no page table entries of a shared file mapping: it maps a page when it touches it
        child.forkWrite(fork, block, 16);
        Await.until("the fork wrote the file's 16 pages", LIMIT, () -> wrote.getNow(false));
    }

    @AfterEach
    void stop() throws IOException {
        child.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void eachProcessMappingTheFileIsListedWithTheRssAndPssItsSmapsGives(FxRobot robot) {
        Region region = region(child.pid(), block.path());
        SharingWindow.View view = open(robot, region);
        FileSharing s = Await.until("the sharing view's first reading", LIMIT, view::shown, r -> r != null);

        assertEquals(Set.of(child.pid(), fork), s.users().stream().map(FileUser::pid).collect(Collectors.toSet()),
                "the two processes mapping the file, no other");
        Smaps parent = smaps(child.pid(), block.path());
        Smaps copy = smaps(fork, block.path());
        assertEquals(new Smaps(32, 16), parent, "the kernel's figures for the parent");
        assertEquals(new Smaps(64, 48), copy, "the kernel's figures for the fork");
        assertEquals(parent, shown(s.user(child.pid())), "the view gives the parent's smaps");
        assertEquals(copy, shown(s.user(fork)), "the view gives the fork's smaps");
        assertEquals(96 * 1024, s.rss());
        assertEquals(64 * 1024, s.pss(), "PSS sums to the 16 pages in RAM");

        String name = Path.of(block.path()).getFileName().toString();
        assertEquals(name + " data, 64 KiB: mapped by 2 processes; here RSS 32 KiB, PSS 16 KiB", view.heading.getText());
        assertEquals(2, view.users.getItems().size());
        assertEquals(List.of(48L, 16L), List.of(cell(view, 0, 3), cell(view, 1, 3)), "the PSS KiB column, largest first");
        assertEquals(List.of(64L, 32L), List.of(cell(view, 0, 2), cell(view, 1, 2)), "the RSS KiB column");
    }

    @Test
    void libcTextSaysHowManyProcessesMapItAndWhatItCostsHereAsSmapsSays(FxRobot robot) {
        Region text = new LinuxBackend().mappings(child.pid(), MemoryBackend.Detail.SMAPS).regions().stream()
                .filter(r -> r.path().endsWith("/libc.so.6") && r.perms().exec()).findFirst().orElseThrow();
        SharingWindow.View view = open(robot, text);
        Await.until("the sharing view's first reading", LIMIT, view::shown, r -> r != null);
        // PSS moves whenever a process on the machine maps or unmaps libc: the view must give what the
        // child's smaps says when smaps held still around its reading (some tries, on a busy machine)
        String expected = null;
        String last = "";
        for (int attempt = 0; attempt < 20 && expected == null; attempt++) {
            Smaps before = smaps(child.pid(), text.path(), "r-xp");
            FileSharing old = view.shown();
            robot.interact(view::refresh);
            Await.until("a new reading, or a failure", LIMIT,
                    () -> view.shown() != old || view.status.getText().startsWith("cannot read"));
            FileSharing s = view.shown();
            assertNotSame(old, s, "a new reading: " + view.status.getText());
            Smaps after = smaps(child.pid(), text.path(), "r-xp");
            Smaps here = shown(s.user(child.pid()));
            if (!before.equals(here) || !before.equals(after)) {
                // a process that mapped libc and left again during the view's reading moves its PSS
                // and back: read again
                last = "smaps " + before + " then " + after + ", the view " + here;
                continue;
            }
            expected = "libc.so.6 text, " + ByteSize.format(text.size()) + ": mapped by "
                    + s.users().size() + " processes; here RSS " + ByteSize.format(before.rss * 1024)
                    + ", PSS " + ByteSize.format(before.pss * 1024);
            assertTrue(s.users().size() >= 2, "the child and its fork at least: " + s.users().size());
            assertNotNull(s.user(fork), "the fork maps libc too");
        }
        assertNotNull(expected, "libc's PSS never held still around a reading of the view in 20 tries; last: " + last);
        String want = expected;
        Await.until("the heading", LIMIT, () -> want.equals(view.heading.getText()));
    }

    private SharingWindow.View open(FxRobot robot, Region region) {
        SharingWindow.View[] view = new SharingWindow.View[1];
        ShareReader reader = new ShareReader(ProcPath.SYSTEM);
        robot.interact(() -> {
            view[0] = new SharingWindow.View(child.pid(), region,
                    r -> reader.fileSharing(r.path(), r.perms().toString(), r.offset()));
            stage.setScene(new Scene(view[0].root, 980, 600));
            stage.show();
            view[0].refresh();
        });
        return view[0];
    }

    private static long cell(SharingWindow.View view, int row, int column) {
        return (Long) view.users.getColumns().get(column).getCellData(row);
    }

    private static Region region(int pid, String path) {
        return new LinuxBackend().mappings(pid, MemoryBackend.Detail.SMAPS).regions().stream()
                .filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    /** RSS and PSS in KiB. */
    private record Smaps(long rss, long pss) {
    }

    private static Smaps shown(FileUser u) {
        assertNotNull(u, "listed");
        return new Smaps(u.rss() / 1024, u.pss() / 1024);
    }

    private static Smaps smaps(int pid, String path) {
        return smaps(pid, path, null);
    }

    /** The test's own reading of /proc/PID/smaps: Rss and Pss summed over the mappings of {@code path} (with these perms). */
    private static Smaps smaps(int pid, String path, String perms) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/" + pid + "/smaps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long rss = 0;
        long pss = 0;
        boolean in = false;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 0 && f[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                in = f.length >= 6 && f[5].equals(path) && (perms == null || f[1].equals(perms));
            } else if (in && f[0].equals("Rss:")) {
                rss += Long.parseLong(f[1]);
            } else if (in && f[0].equals("Pss:")) {
                pss += Long.parseLong(f[1]);
            }
        }
        return new Smaps(rss, pss);
    }
}
