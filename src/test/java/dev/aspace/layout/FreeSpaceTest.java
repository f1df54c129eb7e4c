package dev.aspace.layout;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The user half's free holes, the largest, and where the kernel puts a new mapping. */
class FreeSpaceTest {

    private static Region region(long start, long end, String path, RegionKind kind) {
        return new Region(start, end, Perms.parse("rw-p"), 0, "00:00", 0, path, null, kind, "");
    }

    private static final List<Region> SHAPE = List.of(
            region(0x555500000000L, 0x555500010000L, "/bin/prog", RegionKind.PROGRAM_TEXT),
            region(0x555500020000L, 0x555500030000L, "[heap]", RegionKind.HEAP),
            region(0x7f0000000000L, 0x7f0000100000L, "/lib/libc.so.6", RegionKind.LIBRARY_TEXT),
            region(0x7f0000200000L, 0x7f0000300000L, "/lib/ld.so", RegionKind.LIBRARY_TEXT),
            region(0x7ffff0000000L, 0x7ffff0021000L, "[stack]", RegionKind.MAIN_STACK),
            region(0xffffffffff600000L, 0xffffffffff601000L, "[vsyscall]", RegionKind.VSYSCALL));

    @Test
    void theHolesCoverTheUserHalfBetweenTheMappingsAndNotTheKernelHalf() {
        FreeSpace f = FreeSpace.of(RegionSet.of(SHAPE));
        assertEquals(List.of(
                new FreeSpace.Hole(0x10000, 0x555500000000L),
                new FreeSpace.Hole(0x555500010000L, 0x555500020000L),
                new FreeSpace.Hole(0x555500030000L, 0x7f0000000000L),
                new FreeSpace.Hole(0x7f0000100000L, 0x7f0000200000L),
                new FreeSpace.Hole(0x7f0000300000L, 0x7ffff0000000L),
                new FreeSpace.Hole(0x7ffff0021000L, 0x7ffffffff000L)), f.holes());
        assertEquals(new FreeSpace.Hole(0x10000, 0x555500000000L), f.largest(), "85 TiB below the program");
        assertEquals(0x7f0000300000L, f.mmapTop(), "the dynamic loader's end: the mmap area's top");
    }

    @Test
    void aNewMappingGoesUnderTheHighestMappingBelowTheStackThatLeavesRoomForIt() {
        FreeSpace f = FreeSpace.of(RegionSet.of(SHAPE));
        // 1 MiB fits between libc and ld.so: the highest hole below the mmap area's top
        assertEquals(new FreeSpace.Hole(0x7f0000100000L, 0x7f0000200000L), f.mmapWouldGo(1 << 20));
        // 2 MiB does not: it goes under libc
        assertEquals(new FreeSpace.Hole(0x7effffe00000L, 0x7f0000000000L), f.mmapWouldGo(2 << 20));
        assertEquals(2, f.holesFitting(1L << 40));
        assertNull(f.mmapWouldGo(100L << 40), "100 TiB: no hole is that large");
    }

    @Test
    void aHolesTooltipSaysWhichMmapSizesWouldLandInIt() {
        FreeSpace f = FreeSpace.of(RegionSet.of(SHAPE));
        assertArrayEquals(new long[] {0, 1 << 20}, f.mmapSizesLandingIn(0x7f0000180000L), "between libc and ld.so");
        assertArrayEquals(new long[] {1 << 20, 0x7f0000000000L - 0x555500030000L}, f.mmapSizesLandingIn(0x600000000000L));
        assertNull(f.mmapSizesLandingIn(0x7f0000400000L), "above the mmap area's top, below the stack");
    }

    @Test
    void anMmapLandsWhereFreeSpaceSaysOnALiveProcess() throws IOException {
        LinuxBackend backend = new LinuxBackend();
        try (LiveProcess p = LiveProcess.startHelper("mmap_where")) {
            // sizes that are not whole huge pages: the kernel aligns those differently
            for (long n : List.of(3 * 4096L, (1 << 20) + 4096L, (100L << 20) + 4096L, 12_345L)) {
                FreeSpace f = FreeSpace.of(RegionSet.of(backend.snapshot(p.pid(), MemoryBackend.Detail.MAPS).regions()));
                FreeSpace.Hole predicted = f.mmapWouldGo(n);
                assertNotNull(predicted);
                p.process().getOutputStream().write((n + "\n").getBytes(StandardCharsets.US_ASCII));
                p.process().getOutputStream().flush();
                long got = Long.parseUnsignedLong(p.readLine().strip(), 16);
                assertEquals(Long.toHexString(predicted.start()), Long.toHexString(got), "mmap of " + n + " bytes");
            }
        }
    }
}
