package dev.aspace.ui.vm;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.ProcessRow;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.layout.RegionSet;
import dev.aspace.model.MachineSetup;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;
import dev.aspace.procfs.ProcStat;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.StatProbe;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session view model on real processes, without a robot: the background seam runs at once. */
class SessionModelTest {

    /** The real backend, counting the full reads it is asked for. */
    private static final class CountingBackend implements MemoryBackend {
        final LinuxBackend real = new LinuxBackend();
        final AtomicInteger smapsReads = new AtomicInteger();

        @Override
        public Snapshot snapshot(int pid, Detail detail) {
            if (detail == Detail.SMAPS) {
                smapsReads.incrementAndGet();
            }
            return real.snapshot(pid, detail);
        }

        @Override
        public SystemMemory systemMemory() {
            return real.systemMemory();
        }

        @Override
        public MachineSetup machineSetup() {
            return real.machineSetup();
        }

        @Override
        public List<ProcessRow> processes() {
            return real.processes();
        }

        @Override
        public ProcStat vitals(int pid) {
            return real.vitals(pid);
        }
    }

    private final CountingBackend backend = new CountingBackend();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SessionModel session = new SessionModel(backend, Background.direct(), new StatProbe(backend.real),
            now::get);

    @Test
    void opensALiveProcessWithSmapsAndKeepsItsSelectionAcrossRefreshes() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "2")) {
            session.openLive(p.pid());
            Snapshot s = session.getSnapshot();
            assertNotNull(s);
            assertEquals(p.pid(), s.process().pid());
            assertNotNull(s.regions().get(0).smaps(), "the second read brings smaps");
            session.selectedProperty().set(s.regions().get(3));
            session.refreshNow();
            assertTrue(session.getSnapshot() != s, "F5 read again");
            assertEquals(s.regions().get(3).start(), session.selectedProperty().get().start());
            assertSame(SessionModel.find(session.getSnapshot(), s.regions().get(3).start()), session.selectedProperty().get());
        }
    }

    @Test
    void aReadStartedBeforeTheWindowIsShownAndWatchingGoesOnFromIt() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "2")) {
            p.stop(); // SIGSTOP: nothing changes now
            // as the app does at start-up: the first full read runs while the toolkit starts
            CompletableFuture<SessionModel.FullRead> early = CompletableFuture
                    .supplyAsync(() -> SessionModel.FullRead.take(backend, new StatProbe(backend.real), p.pid(), now::get));
            early.join();
            assertEquals(1, backend.smapsReads.get());
            session.openLive(p.pid(), early);
            Snapshot s = session.getSnapshot();
            assertNotNull(s);
            assertEquals(p.pid(), s.process().pid());
            assertSame(early.join().snapshot(), s, "the early read is what is shown");
            assertEquals("live · pid " + p.pid(), session.originProperty().get());
            assertFalse(session.busyProperty().get());
            now.addAndGet(1_000_000_000L);
            session.tick();
            assertEquals(1, backend.smapsReads.get(), "its fingerprint came with it: an unchanged process is not read again");
        }
    }

    @Test
    void anEarlyReadThatFailedIsReportedInTheBanner() {
        CompletableFuture<SessionModel.FullRead> early = CompletableFuture
                .failedFuture(ProcessGoneException.noSuchProcess(999_999));
        session.openLive(999_999, early);
        assertTrue(session.errorProperty().get().contains("999999"), session.errorProperty().get());
        assertFalse(session.busyProperty().get());
        assertEquals(null, session.getSnapshot());
    }

    @Test
    void ticksOfAnUnchangedProcessDoNotRereadSmaps() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "2")) {
            p.stop(); // SIGSTOP: nothing changes now
            session.openLive(p.pid());
            int reads = backend.smapsReads.get();
            for (int i = 0; i < 5; i++) {
                now.addAndGet(1_000_000_000L);
                session.tick();
            }
            assertEquals(reads, backend.smapsReads.get(), "unchanged vsize/rss: no smaps read");
            now.addAndGet(RefreshPolicy.MIN_IDLE_NANOS);
            session.tick();
            assertEquals(reads + 1, backend.smapsReads.get(), "now and then it reads anyway");
        }
    }

    @Test
    void aProcessThatExitsStaysOnScreenMarkedExited() {
        LiveProcess p = LiveProcess.sleep();
        session.openLive(p.pid());
        Snapshot last = session.getSnapshot();
        p.close(); // killed and reaped
        now.addAndGet(1_000_000_000L);
        session.tick();
        assertTrue(session.exitedProperty().get());
        assertSame(last, session.getSnapshot());
        assertTrue(session.errorProperty().get().contains("exited"), session.errorProperty().get());
        assertFalse(session.busyProperty().get());
    }

    @Test
    void aTornSnapshotIsSaidInTheBannerUntilAWholeOneReplacesIt() {
        try (LiveProcess p = LiveProcess.sleep()) {
            Snapshot whole = backend.real.snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
            session.show(whole.withTorn(true));
            assertEquals(SessionModel.TORN_NOTICE, session.errorProperty().get());
            session.show(whole);
            assertEquals("", session.errorProperty().get(), "a whole snapshot clears the notice");
        }
    }

    @Test
    void theRegionSetIsTheSnapshotsOnScreenBuiltOnceForIt() {
        assertEquals(0, session.regionSet().size(), "no snapshot yet: no regions");
        try (LiveProcess p = LiveProcess.sleep()) {
            Snapshot first = backend.real.snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
            session.show(first);
            RegionSet set = session.regionSet();
            assertEquals(first.regions(), set.regions());
            assertSame(set, session.regionSet(), "asked again for the same snapshot: the same set");
            Snapshot second = backend.real.snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
            session.show(second);
            assertSame(second.regions(), session.regionSet().regions(), "the new snapshot's");
        }
    }
}
