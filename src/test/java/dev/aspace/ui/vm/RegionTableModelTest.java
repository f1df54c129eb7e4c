package dev.aspace.ui.vm;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.StatProbe;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The region table's rows: a live process's regions through the filter, followed across snapshots. */
class RegionTableModelTest {

    private final LinuxBackend backend = new LinuxBackend();
    private final SessionModel session = new SessionModel(backend, Background.direct(), new StatProbe(backend),
            System::nanoTime);
    private final RegionTableModel model = new RegionTableModel(session);

    private static List<Region> matching(Snapshot s, RegionFilter f) {
        return s.regions().stream().filter(f).toList();
    }

    @Test
    void eachPartOfTheFilterKeepsTheRegionsItMatchesAndClearingItShowsThemAll() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "2")) {
            Snapshot s = backend.snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
            session.show(s);
            assertEquals(s.regions(), model.rows());
            model.textProperty().set("libc");
            List<Region> libc = matching(s, new RegionFilter("libc", "", null));
            assertFalse(libc.isEmpty());
            assertTrue(libc.size() < s.regions().size());
            assertEquals(libc, model.rows());
            model.rwxProperty().set("r-x");
            assertEquals(matching(s, new RegionFilter("libc", "r-x", null)), model.rows());
            model.textProperty().set("");
            model.rwxProperty().set("");
            model.kindProperty().set(RegionKind.THREAD_STACK);
            assertEquals(2, model.rows().size(), "one stack per thread the helper started: " + model.rows());
            model.kindProperty().set(null);
            assertEquals(s.regions(), model.rows());
        }
    }

    @Test
    void aNewSnapshotIsShownThroughTheFilterSetInOneChange() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "2")) {
            session.show(backend.snapshot(p.pid(), MemoryBackend.Detail.SMAPS));
            model.rwxProperty().set("rw-");
            AtomicInteger changes = new AtomicInteger();
            model.rows().addListener((ListChangeListener<Region>) c -> changes.incrementAndGet());
            Snapshot next = backend.snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
            session.show(next);
            assertEquals(matching(next, new RegionFilter("", "rw-", null)), model.rows());
            assertEquals(1, changes.get(), "the table is told once");
        }
    }
}
