package dev.aspace.snapshot.diff;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.importers.TextImport;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotDiffTest {

    private static Snapshot fixture(String name) {
        return TextImport.with(List.of()).read(Fixtures.path(name), 0).snapshot();
    }

    private static Region r(long start, long end, String perms, long offset, String path, RegionKind kind) {
        return new Region(start, end, Perms.parse(perms), offset, path.isEmpty() ? "00:00" : "fe:00",
                path.isEmpty() || path.startsWith("[") ? 0 : 42, path, null, kind, "");
    }

    @Test
    void sameProcessTwiceDiffersOnlyWherePssChanged() {
        // pmap -X and -XX of pid 16156 a moment apart: same regions; libc text's Pss 55 -> 54 kB, ...
        DiffResult d = SnapshotDiff.compare(fixture("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt"),
                fixture("pmapXX-01-ubuntu18.04-procps3.3.12-VmFlagsMapping-joined.txt"));
        assertEquals(19, d.rows().size());
        assertEquals(0, d.count(Change.ADDED) + d.count(Change.REMOVED) + d.count(Change.MOVED));
        List<RegionDiff> changed = d.changedRows();
        assertEquals(1, changed.size(), changed.toString());
        assertEquals(0x7fa96de14000L, changed.get(0).after().start());
        assertEquals(-1024, changed.get(0).pssDelta());
        assertEquals(Change.RESIDENT, changed.get(0).primary());
    }

    @Test
    void twoRunsOfOneProgramMatchByFileAndShowTheSlide() {
        // memory-user.out twice on one CentOS 7 box (pids 26720 and 28722): ASLR moved libc, ld, the stack
        DiffResult d = SnapshotDiff.compare(fixture("pmap-default-01-centos7-x86_64.txt"),
                fixture("pmapX-01-centos7-kernel3.10-few-columns.txt"));
        RegionDiff libc = d.rows().stream()
                .filter(x -> x.after() != null && x.after().start() == 0x7fb104ad9000L).findFirst().orElseThrow();
        assertEquals(0x7fb7b644e000L, libc.before().start());
        assertTrue(libc.changes().contains(Change.MOVED));
        assertEquals(0x7fb104ad9000L - 0x7fb7b644e000L, libc.slide());
        assertEquals("-0x6b1975000", DiffText.slide(libc.slide()));
        RegionDiff exe = d.rows().get(0);
        assertEquals(0, exe.slide()); // non-PIE executable at 0x400000 both times
        RegionDiff vsyscall = d.rows().get(d.rows().size() - 1);
        assertEquals(0xffffffffff600000L, vsyscall.after().start());
        assertEquals(0xffffffffff600000L, vsyscall.before().start());
        // the default format names neither [vdso] nor [vsyscall]; vsyscall still matches by place
        assertEquals(1, d.count(Change.ADDED));
        assertEquals(1, d.count(Change.REMOVED));
        assertEquals(0, d.count(Change.RESIDENT)); // the default format has no RSS to compare
    }

    @Test
    void heapGrowsUpStackGrowsDownAndNeitherMoves() {
        List<Region> a = List.of(r(0x1000, 0x3000, "rw-p", 0, "[heap]", RegionKind.HEAP),
                r(0x9000, 0xa000, "rw-p", 0, "[stack]", RegionKind.MAIN_STACK));
        List<Region> b = List.of(r(0x1000, 0x5000, "rw-p", 0, "[heap]", RegionKind.HEAP),
                r(0x8000, 0xa000, "rw-p", 0, "[stack]", RegionKind.MAIN_STACK));
        DiffResult d = SnapshotDiff.compare(a, b);
        assertEquals(Change.GROWN, d.rows().get(0).primary());
        assertEquals(0x2000, d.rows().get(0).sizeDelta());
        assertEquals(Change.GROWN, d.rows().get(1).primary());
        assertTrue(!d.rows().get(1).changes().contains(Change.MOVED));
    }

    @Test
    void anonymousRegionsMatchByKindAndNeighbourNotByAddress() {
        List<Region> a = List.of(
                r(0x10000, 0x11000, "r-xp", 0, "/lib/x.so", RegionKind.LIBRARY_TEXT),
                r(0x11000, 0x12000, "rw-p", 0, "", RegionKind.LIBRARY_BSS),
                r(0x50000, 0x60000, "rw-p", 0, "", RegionKind.ANONYMOUS));
        List<Region> b = List.of(
                r(0x20000, 0x21000, "r-xp", 0, "/lib/x.so", RegionKind.LIBRARY_TEXT),
                r(0x21000, 0x22000, "rw-p", 0, "", RegionKind.LIBRARY_BSS),
                r(0x30000, 0x31000, "rw-p", 0, "", RegionKind.ANONYMOUS),
                r(0x70000, 0x80000, "rw-p", 0, "", RegionKind.ANONYMOUS),
                r(0x90000, 0x91000, "---p", 0, "", RegionKind.GUARD));
        DiffResult d = SnapshotDiff.compare(a, b);
        RegionDiff bss = d.rows().stream().filter(x -> x.region().kind() == RegionKind.LIBRARY_BSS).findFirst().orElseThrow();
        assertEquals(0x10000, bss.slide());
        RegionDiff big = d.rows().stream().filter(x -> x.after() != null && x.after().start() == 0x70000).findFirst().orElseThrow();
        assertEquals(0x50000, big.before().start()); // same kind and size: the 64 KiB block moved
        RegionDiff guard = d.rows().get(d.rows().size() - 1);
        assertNull(guard.before());
        assertEquals(Change.ADDED, guard.primary());
        assertEquals(2, d.count(Change.ADDED));
        String text = DiffText.render(d, false);
        assertTrue(text.contains("2 added, 0 removed, 3 moved"), text);
    }

    @Test
    void permissionChangeKeepsTheMatch() {
        DiffResult d = SnapshotDiff.compare(
                List.of(r(0x1000, 0x2000, "rw-p", 0x3000, "/bin/x", RegionKind.PROGRAM_DATA)),
                List.of(r(0x1000, 0x2000, "r--p", 0x3000, "/bin/x", RegionKind.PROGRAM_RODATA)));
        assertEquals(List.of(Change.PERMS), List.copyOf(d.rows().get(0).changes()));
    }
}
