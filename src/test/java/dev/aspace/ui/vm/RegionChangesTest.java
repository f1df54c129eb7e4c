package dev.aspace.ui.vm;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionChangesTest {

    private static Region r(long start, long end, String path) {
        return Region.unclassified(start, end, Perms.parse("rw-p"), 0, "00:00", 0, path, null);
    }

    @Test
    void heapGrowingUpKeepsItsStartAndIsMarkedGrown() {
        var before = List.of(r(0x1000, 0x5000, "[heap]"));
        var after = List.of(r(0x1000, 0x9000, "[heap]"));
        RegionChanges c = RegionChanges.between(before, after);
        assertEquals(RegionChange.GREW, c.of(after.get(0)));
        assertTrue(c.vanished().isEmpty());
    }

    @Test
    void stackGrowingDownKeepsItsEndAndIsMarkedGrown() {
        var before = List.of(r(0x7000, 0x9000, "[stack]"));
        var after = List.of(r(0x6000, 0x9000, "[stack]"));
        assertEquals(RegionChange.GREW, RegionChanges.between(before, after).of(after.get(0)));
    }

    @Test
    void newMappingAppearsOldOneVanishesUnchangedOneIsNotMarked() {
        Region kept = r(0x1000, 0x2000, "");
        Region gone = r(0x3000, 0x4000, "");
        Region fresh = r(0x5000, 0x6000, "");
        RegionChanges c = RegionChanges.between(List.of(kept, gone), List.of(kept, fresh));
        assertNull(c.of(kept));
        assertEquals(RegionChange.APPEARED, c.of(fresh));
        assertEquals(List.of(gone), c.vanished());
    }

    @Test
    void shrinkingIsMarked() {
        var before = List.of(r(0x1000, 0x9000, ""));
        var after = List.of(r(0x1000, 0x2000, ""));
        assertEquals(RegionChange.SHRANK, RegionChanges.between(before, after).of(after.get(0)));
    }

    @Test
    void splitByMprotectMakesTwoPiecesOfTheOldRegionAndNothingNew() {
        var before = List.of(r(0x1000, 0x9000, ""));
        Region low = r(0x1000, 0x2000, "");
        Region high = r(0x2000, 0x9000, "");
        RegionChanges c = RegionChanges.between(before, List.of(low, high));
        assertEquals(RegionChange.SHRANK, c.of(low));
        assertEquals(RegionChange.SHRANK, c.of(high));
        assertTrue(c.vanished().isEmpty());
    }

    @Test
    void aFileMappedOverAnonymousMemoryIsMarkedReplaced() {
        Region anon = r(0x1000, 0x9000, "");
        Region file = Region.unclassified(0x1000, 0x9000, Perms.parse("rw-p"), 0, "fe:01", 1234, "/tmp/data", null);
        RegionChanges c = RegionChanges.between(List.of(anon), List.of(file));
        assertEquals(RegionChange.REPLACED, c.of(file));
        assertTrue(c.vanished().isEmpty());
    }

    @Test
    void aRegionThatMovedAppearsWhereItIsAndVanishesWhereItWas() {
        Region lib = Region.unclassified(0x1000, 0x9000, Perms.parse("r--p"), 0, "fe:01", 1234, "/tmp/lib.so", null);
        Region moved = Region.unclassified(0x20000, 0x28000, Perms.parse("r--p"), 0, "fe:01", 1234, "/tmp/lib.so", null);
        RegionChanges c = RegionChanges.between(List.of(lib), List.of(moved));
        assertEquals(RegionChange.APPEARED, c.of(moved));
        assertEquals(List.of(lib), c.vanished());
    }

    @Test
    void highlightsExpireAfterTheHoldTime() {
        Region fresh = r(0x5000, 0x6000, "");
        RegionChanges c = RegionChanges.between(List.of(), List.of(fresh));
        Highlights h = Highlights.NONE.plus(c, 1_000);
        assertEquals(RegionChange.APPEARED, h.changeOf(fresh, 1_000 + Highlights.HOLD_NANOS - 1));
        assertNull(h.changeOf(fresh, 1_000 + Highlights.HOLD_NANOS));
        assertTrue(h.plus(RegionChanges.NONE, 1_000 + Highlights.HOLD_NANOS).isEmpty());
    }
}
