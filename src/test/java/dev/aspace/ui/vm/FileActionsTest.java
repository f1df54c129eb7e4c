package dev.aspace.ui.vm;

import dev.aspace.ui.StatProbe;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.files.DropPlan;
import dev.aspace.ui.files.Recents;
import dev.aspace.ui.timeline.TimelineModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's file actions on real processes and files, without a window: the seam runs at once. */
class FileActionsTest {

    private final LinuxBackend backend = new LinuxBackend();
    private final SessionModel session = new SessionModel(backend, Background.direct(), new StatProbe(backend),
            System::nanoTime);
    private final TimelineModel timeline = new TimelineModel(Background.direct(), session::show, session::reportError);
    private final Recents recents = new Recents(Background.direct(), session::reportError);
    private final List<List<Snapshot>> compared = new ArrayList<>();
    private final FileActions files = new FileActions(Background.direct(), session, timeline, recents,
            f -> TextImports.read(f, 1024), compared::add);

    @Test
    void theLiveViewComparedWithAnOlderSnapshotComesSecond(@TempDir Path dir) throws Exception {
        try (LiveProcess p = LiveProcess.sleep()) {
            Path older = dir.resolve("older.json");
            Snapshot saved = backend.snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
            SnapshotStore.save(saved, older);
            session.openLive(p.pid());
            Snapshot live = session.getSnapshot();
            assertTrue(live.takenAt().isAfter(saved.takenAt()), live.takenAt() + " vs " + saved.takenAt());

            files.compare(List.of(older), true);

            assertEquals(1, compared.size(), session.errorProperty().get());
            List<Snapshot> shown = compared.get(0);
            assertEquals(List.of(saved.takenAt(), live.takenAt()), shown.stream().map(Snapshot::takenAt).toList(),
                    "the older snapshot is Before, the live view After");
        }
    }

    @Test
    void droppedSnapshotsAreComparedInTheOrderTheyWereTakenNotTheOrderGiven(@TempDir Path dir) throws Exception {
        try (LiveProcess p = LiveProcess.sleep()) {
            Path first = dir.resolve("a-taken-first.json");
            Path second = dir.resolve("b-taken-second.json");
            Snapshot a = backend.snapshot(p.pid(), MemoryBackend.Detail.MAPS);
            Snapshot b = backend.snapshot(p.pid(), MemoryBackend.Detail.MAPS);
            assertTrue(b.takenAt().isAfter(a.takenAt()));
            SnapshotStore.save(a, first);
            SnapshotStore.save(b, second);

            files.drop(new DropPlan.Compare(List.of(second, first)));

            assertEquals(List.of(a.takenAt(), b.takenAt()),
                    compared.get(0).stream().map(Snapshot::takenAt).toList());
        }
    }

    @Test
    void openingASavedSnapshotShowsItAndRemembersTheFile(@TempDir Path dir) throws Exception {
        try (LiveProcess p = LiveProcess.sleep()) {
            Path file = dir.resolve("run.json");
            SnapshotStore.save(backend.snapshot(p.pid(), MemoryBackend.Detail.SMAPS), file);
            files.open(file);
            assertEquals(p.pid(), session.getSnapshot().process().pid());
            assertEquals(-1, session.livePid(), "a file is not watched live");
            assertEquals(file, recents.get().entries().get(0));
        }
    }

    @Test
    void savingWritesTheSnapshotOnScreenAndSaysWhere(@TempDir Path dir) throws Exception {
        try (LiveProcess p = LiveProcess.sleep()) {
            session.openLive(p.pid());
            Path file = dir.resolve("saved.json");
            files.save(file);
            assertEquals(session.getSnapshot().regions().size(), SnapshotStore.load(file).regions().size());
            assertTrue(session.errorProperty().get().endsWith(" to " + file), session.errorProperty().get());
        }
    }

    @Test
    void aRefusedDropIsSaidInTheBanner() {
        files.drop(new DropPlan.Refuse("cannot open a folder: drop files"));
        assertEquals("cannot open a folder: drop files", session.errorProperty().get());
        assertNull(session.getSnapshot());
    }
}
