package dev.aspace.snapshot.diff;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one set of matching rules, backing changes included, in one process and between two runs. */
class RegionMatcherTest {

    private static Region anon(long start, long end) {
        return new Region(start, end, Perms.parse("rw-p"), 0, "00:00", 0, "", null, RegionKind.ANONYMOUS, "");
    }

    private static Region file(long start, long end, String path, String device, long inode, long offset) {
        return new Region(start, end, Perms.parse("r--p"), offset, device, inode, path, null, RegionKind.FILE_MAPPING, "");
    }

    private static Region named(long start, long end, String name) {
        return new Region(start, end, Perms.parse("rw-p"), 0, "00:00", 0, name, null, RegionKind.HEAP, "");
    }

    private static RegionDiff only(List<Region> a, List<Region> b, boolean sameProcess) {
        DiffResult d = SnapshotDiff.compare(a, b, sameProcess);
        assertEquals(1, d.rows().size(), d.rows().toString());
        return d.rows().get(0);
    }

    @Test
    void anAnonymousRegionReplacedByAFileAtTheSameRangeIsABackingChange() {
        for (boolean sameProcess : new boolean[] {true, false}) {
            RegionDiff d = only(List.of(anon(0x10000, 0x20000)),
                    List.of(file(0x10000, 0x20000, "/tmp/x", "fe:01", 77, 0)), sameProcess);
            assertEquals(Change.BACKING, d.primary(), d.toString());
            assertFalse(d.changes().contains(Change.UNCHANGED));
            // and back
            d = only(List.of(file(0x10000, 0x20000, "/tmp/x", "fe:01", 77, 0)), List.of(anon(0x10000, 0x20000)),
                    sameProcess);
            assertEquals(Change.BACKING, d.primary(), d.toString());
        }
    }

    @Test
    void anotherFileOrInodeOrOffsetAtTheSameRangeIsABackingChange() {
        Region before = file(0x10000, 0x20000, "/tmp/a", "fe:01", 77, 0);
        assertEquals(Change.BACKING, only(List.of(before),
                List.of(file(0x10000, 0x20000, "/tmp/b", "fe:01", 78, 0)), true).primary());
        assertEquals(Change.BACKING, only(List.of(before),
                List.of(file(0x10000, 0x20000, "/tmp/a", "fe:01", 99, 0)), true).primary(), "same path, new inode");
        assertEquals(Change.BACKING, only(List.of(before),
                List.of(file(0x10000, 0x20000, "/tmp/a", "fe:02", 77, 0)), true).primary(), "another device");
        assertEquals(Change.BACKING, only(List.of(before),
                List.of(file(0x10000, 0x20000, "/tmp/a", "fe:01", 77, 0x3000)), true).primary(), "another offset");
    }

    @Test
    void theSameFileUnderANewNameOrWithoutInodesIsTheSameBacking() {
        Region before = file(0x10000, 0x20000, "/tmp/a", "fe:01", 77, 0);
        assertTrue(RegionMatcher.sameBacking(before, file(0x10000, 0x20000, "/tmp/a (deleted)", "fe:01", 77, 0)));
        assertTrue(RegionMatcher.sameBacking(file(0x10000, 0x20000, "/tmp/a", "", 0, 0), before), "text without inodes");
        assertFalse(RegionMatcher.sameBacking(file(0x10000, 0x20000, "/tmp/b", "", 0, 0), before));
        assertTrue(RegionMatcher.sameBacking(anon(0x1000, 0x2000), named(0x1000, 0x2000, "[anon:x]")),
                "a name is not a backing");
    }

    @Test
    void withinOneProcessRegionsKeepTheirStartOrEndAndSplitPiecesBelongToTheOldRegion() {
        Region heap = named(0x1000, 0x5000, "[heap]");
        Region grown = named(0x1000, 0x9000, "[heap]");
        RegionDiff d = only(List.of(heap), List.of(grown), true);
        assertSame(heap, d.before());
        assertEquals(Change.GROWN, d.primary());

        Region block = anon(0x10000, 0x20000);
        Region low = anon(0x10000, 0x12000);
        Region mid = new Region(0x12000, 0x14000, Perms.parse("r--p"), 0, "00:00", 0, "", null, RegionKind.ANONYMOUS, "");
        Region high = anon(0x14000, 0x20000);
        List<RegionMatcher.Pair> pairs = RegionMatcher.match(List.of(block), List.of(low, mid, high), true);
        assertEquals(3, pairs.size(), pairs.toString());
        assertTrue(pairs.stream().allMatch(p -> p.before() == block), "every piece is a piece of the block: " + pairs);
        DiffResult diff = SnapshotDiff.compare(List.of(block), List.of(low, mid, high), true);
        assertEquals(0, diff.count(Change.ADDED) + diff.count(Change.REMOVED) + diff.count(Change.MOVED), diff.toString());
        assertEquals(3, diff.count(Change.SHRUNK));
    }

    @Test
    void withinOneProcessAnAnonymousRegionElsewhereIsNewButBetweenRunsItMoved() {
        List<Region> before = List.of(anon(0x10000, 0x20000));
        List<Region> after = List.of(anon(0x90000, 0xa0000));
        DiffResult same = SnapshotDiff.compare(before, after, true);
        assertEquals(1, same.count(Change.ADDED));
        assertEquals(1, same.count(Change.REMOVED));
        DiffResult runs = SnapshotDiff.compare(before, after, false);
        assertEquals(1, runs.count(Change.MOVED), runs.toString());
    }

    @Test
    void aLibraryMovedByAslrIsMovedNotABackingChange() {
        Region a = file(0x7f0000000000L, 0x7f0000020000L, "/usr/lib/libc.so.6", "fe:01", 77, 0x28000);
        Region b = file(0x7f1234560000L, 0x7f1234580000L, "/usr/lib/libc.so.6", "fe:01", 77, 0x28000);
        RegionDiff d = only(List.of(a), List.of(b), false);
        assertEquals(Change.MOVED, d.primary());
        assertFalse(d.changes().contains(Change.BACKING));
        assertNull(only(List.of(a), List.of(), false).after());
    }
}
