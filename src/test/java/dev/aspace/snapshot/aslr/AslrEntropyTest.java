package dev.aspace.snapshot.aslr;

import dev.aspace.model.AslrSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spread, not flipped bits; alignment that costs bits is flagged; groups that move together. */
class AslrEntropyTest {

    private static final AslrSettings X86 = new AslrSettings(2, 28, 8, "amd64", 4096);

    private static AslrReport report(List<AslrObject> objects) {
        int runs = objects.get(0).bases().size();
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            pids.add(100 + i);
        }
        return new AslrReport(List.of("t"), runs, false, 2, pids, objects, List.of());
    }

    @Test
    void aCarryIsNotEntropy() {
        // two bases one page apart across a carry: 0x7fffff000 -> 0x800000000 flips 24 bits
        AslrObject o = new AslrObject("library /x/libz.so", List.of(0x7fffff000L, 0x800000000L));
        assertEquals(24, o.variedBits());
        assertEquals(1, AslrEntropy.spreadBits(o, 4096));
    }

    @Test
    void alignedTo2MiBInEveryRunLosesNineBits() {
        List<Long> bases = new ArrayList<>();
        for (long k : new long[] {3, 77, 1021, 40_000, 123_456, 9}) {
            bases.add(0x7f0000000000L + (k << 21));
        }
        AslrReport r = report(List.of(new AslrObject("library /x/libbig.so", bases)));
        AslrEntropy e = AslrEntropy.of(r, X86, true).get(0);
        assertEquals(28, e.configured());
        assertEquals(19, e.effective());
        assertTrue(e.flag().contains("aligned to 2 MiB in every run: 9 bits fewer than 28"), e.flag());
    }

    @Test
    void objectsThatKeepTheirDistanceFormAGroup() {
        AslrReport r = report(List.of(
                new AslrObject("library /x/libc.so.6", List.of(0x7f0000100000L, 0x7f1234500000L, 0x7f0ab0000000L)),
                new AslrObject("library /x/ld-linux.so.2", List.of(0x7f0000300000L, 0x7f1234700000L, 0x7f0ab0200000L)),
                new AslrObject(AslrAnalysis.STACK, List.of(0x7ffd00000000L, 0x7ffe10000000L, 0x7ffc20000000L))));
        List<AslrGroup> groups = AslrGroup.of(r);
        assertEquals(1, groups.size());
        assertEquals(List.of("library /x/libc.so.6", "library /x/ld-linux.so.2"), groups.get(0).members());
        assertEquals(List.of(0L, 0x200000L), groups.get(0).offsets());
    }
}
