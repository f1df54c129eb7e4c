package dev.aspace.snapshot.series;

import dev.aspace.model.Snapshot;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class FrameCacheTest {

    /** A small live process's snapshot (its list of regions weighs about one row). */
    private static Snapshot sleep() {
        try (LiveProcess p = LiveProcess.start("sleep", "30")) {
            return new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.MAPS);
        }
    }

    @Test
    void framesLeaveByTheRowsTheyHoldLeastRecentlyUsedFirst() {
        Snapshot s = sleep();
        FrameCache c = new FrameCache(1_000);
        c.put(0, s, 600);  // a key frame's worth
        c.put(1, s, 100);  // deltas
        c.put(2, s, 100);
        c.get(0);          // used again: 1 is now the eldest
        c.put(3, s, 300);  // 1,100 and more rows: the least recently used go until it fits
        assertNull(c.get(1));
        assertNotNull(c.get(0));
        assertNotNull(c.get(3));
        c.put(4, s, 5_000); // larger than the budget alone: it stays, as the only one
        assertEquals(1, c.size());
        assertNotNull(c.get(4));
    }

    @Test
    void smallFramesStopAtTheFrameLimit() {
        Snapshot s = sleep();
        FrameCache c = new FrameCache(Long.MAX_VALUE);
        for (int i = 0; i < FrameCache.MAX_FRAMES + 10; i++) {
            c.put(i, s, 1);
        }
        assertEquals(FrameCache.MAX_FRAMES, c.size());
        assertNull(c.get(9));
        assertNotNull(c.get(10));
    }
}
