package dev.aspace.ui.files;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The title names the origin of real snapshots: a live process, a saved file, imported text. */
class WindowTitleTest {

    @Test
    void aLiveProcessShowsItsNameAndPid(@TempDir Path dir) {
        try (LiveProcess p = LiveProcess.sleep()) {
            Snapshot s = new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.MAPS);
            assertEquals("aspace · sleep (pid " + p.pid() + ", live)", WindowTitle.of(s, false));
            assertEquals("aspace · sleep (pid " + p.pid() + ", exited)", WindowTitle.of(s, true));

            Path saved = dir.resolve("run1.json");
            SnapshotStore.save(s, saved);
            assertEquals("aspace · run1.json", WindowTitle.of(SnapshotStore.load(saved), false));
        }
    }

    @Test
    void importedTextShowsItsFormatAndFile() {
        Snapshot s = TextImports.read(Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt"), 0).snapshot();
        assertEquals("aspace · pmap -X text: pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt", WindowTitle.of(s, false));
    }

    @Test
    void nothingShownIsJustTheAppName() {
        assertEquals("aspace", WindowTitle.of(null, false));
    }
}
