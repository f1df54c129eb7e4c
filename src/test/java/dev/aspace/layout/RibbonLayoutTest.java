package dev.aspace.layout;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.aspace.layout.SyntheticProcess.region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RibbonLayoutTest {

    private static final long GIB = 1L << 30;

    /** A small process as /proc/PID/maps of `sleep` shows it, plus a guard page and a 1 GiB heap-like region. */
    private static List<Region> sleepLike() {
        List<Region> r = new ArrayList<>();
        r.add(region(0x5566_0000_0000L, 0x5566_0000_2000L, Perms.parse("r--p"), "/usr/bin/sleep", RegionKind.PROGRAM_RODATA));
        r.add(region(0x5566_0000_2000L, 0x5566_0000_6000L, Perms.parse("r-xp"), "/usr/bin/sleep", RegionKind.PROGRAM_TEXT));
        r.add(region(0x5566_0000_6000L, 0x5566_0000_8000L, Perms.parse("rw-p"), "/usr/bin/sleep", RegionKind.PROGRAM_DATA));
        r.add(region(0x5566_0100_0000L, 0x5566_0102_1000L, Perms.parse("rw-p"), "[heap]", RegionKind.HEAP));
        r.add(region(0x7f00_0000_0000L, 0x7f00_0000_1000L, Perms.parse("---p"), "", RegionKind.GUARD));
        r.add(region(0x7f00_0000_1000L, 0x7f00_0000_1000L + GIB, Perms.parse("rw-p"), "", RegionKind.ANONYMOUS));
        r.add(region(0x7f80_0000_0000L, 0x7f80_0002_8000L, Perms.parse("r--p"), "/usr/lib/libc.so.6", RegionKind.LIBRARY_RODATA));
        r.add(region(0x7f80_0002_8000L, 0x7f80_001b_d000L, Perms.parse("r-xp"), "/usr/lib/libc.so.6", RegionKind.LIBRARY_TEXT));
        r.add(region(0x7ffc_0000_0000L, 0x7ffc_0002_1000L, Perms.parse("rw-p"), "[stack]", RegionKind.MAIN_STACK));
        r.add(region(0xffff_ffff_ff60_0000L, 0xffff_ffff_ff60_1000L, Perms.parse("--xp"), "[vsyscall]", RegionKind.VSYSCALL));
        return r;
    }

    @Test
    void logScaleShowsAGuardPageBesideAGibRegionAndTheGibIsLonger() {
        RibbonLayout layout = RibbonLayout.layout(sleepLike(), Viewport.whole(800), Scale.LOG);
        double guard = layout.regionEndPx(4) - layout.regionStartPx(4);
        double big = layout.regionEndPx(5) - layout.regionStartPx(5);
        assertTrue(guard >= RibbonLayout.NARROW_PX, "guard page is drawn as its own span: " + guard + " px");
        assertFalse(layout.isNarrow(4));
        assertTrue(big > 2 * guard, "1 GiB region longer than the guard page: " + big + " vs " + guard);
        assertTrue(big < 800 / 4.0, "1 GiB region does not swallow the ribbon: " + big + " px");
        assertEquals(4, layout.regionAt((layout.regionStartPx(4) + layout.regionEndPx(4)) / 2));
    }

    @Test
    void linearScaleLosesTheGuardPageInTheSameView() {
        RibbonLayout layout = RibbonLayout.layout(sleepLike(), Viewport.whole(800), Scale.LINEAR);
        assertTrue(layout.isNarrow(4), "at true scale a 4 KiB page in 16 EiB is far below a pixel");
        assertTrue(layout.binCount() > 0);
    }

    @Test
    void gapsCarrySizeLabels() {
        RibbonLayout layout = RibbonLayout.layout(sleepLike(), Viewport.whole(800), Scale.LOG);
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < layout.gapCount(); g++) {
            labels.add(layout.gapLabel(g));
        }
        // heap end 0x556601021000 to the guard at 0x7f0000000000
        long heapToMmap = 0x7f00_0000_0000L - 0x5566_0102_1000L;
        assertTrue(labels.contains(SizeFormat.bytes(heapToMmap) + " unmapped"), labels.toString());
        assertEquals("41.6 TiB", SizeFormat.bytes(heapToMmap));
        assertTrue(labels.contains("16 EiB non-canonical".replace("16 EiB", SizeFormat.bytes(0xffff_8000_0000_0000L - 0x0000_8000_0000_0000L))),
                labels.toString());
        assertEquals("0 B unmapped".length() > 0, labels.get(0).endsWith("unmapped"));
    }

    @Test
    void linearWholeSpaceMarksTheNonCanonicalHoleAndTheKernelHalf() {
        RibbonLayout layout = RibbonLayout.layout(sleepLike(), Viewport.whole(1000), Scale.LINEAR);
        int hole = -1;
        double kernelPx = 0;
        for (int g = 0; g < layout.gapCount(); g++) {
            if (layout.gapKind(g) == GapKind.NON_CANONICAL) {
                hole = g;
            } else if (layout.gapKind(g) == GapKind.KERNEL) {
                kernelPx += layout.gapEndPx(g) - layout.gapStartPx(g);
            }
        }
        assertTrue(hole >= 0);
        assertEquals(0x0000_8000_0000_0000L, layout.gapFirst(hole));
        assertEquals(0xffff_7fff_ffff_ffffL, layout.gapLast(hole));
        // the hole is all but 2^48 of 2^64 bytes: nearly the whole ribbon; user and kernel halves 2^47 each
        assertEquals(1000.0 * (1 - 0x1p-16), layout.gapEndPx(hole) - layout.gapStartPx(hole), 1e-6);
        assertEquals(1000.0 * 0x1p-17, kernelPx, 1e-6);
        assertEquals(GapKind.NON_CANONICAL, layout.gapKind(layout.gapAt(500)));
        assertTrue(layout.gapLabel(hole).endsWith("non-canonical"));
    }

    @Test
    void zoomIntoOnePageShowsThatPageAcrossTheViewport() {
        List<Region> regions = sleepLike();
        long page = 0x7f80_0002_8000L + 5 * 4096;
        for (Scale scale : Scale.values()) {
            RibbonLayout layout = RibbonLayout.layout(regions, Viewport.of(600, page, page + 4096), scale);
            assertEquals(1, layout.itemCount());
            assertEquals(7, layout.itemRegion(0));
            assertEquals(0.0, layout.regionStartPx(7));
            assertEquals(600.0, layout.regionEndPx(7));
            assertEquals(page, layout.regionVisibleFirst(7));
            assertEquals(page + 4095, layout.regionVisibleLast(7));
            assertEquals(page + 2048, layout.addressAt(300), 1.0);
        }
    }

    @Test
    void repeatedZoomAtAPixelReachesOnePageAroundThatAddress() {
        RegionSet set = RegionSet.of(sleepLike());
        for (Scale scale : Scale.values()) {
            Viewport v = Viewport.whole(800);
            RibbonLayout layout = RibbonLayout.layout(set, v, scale);
            double x = (layout.regionStartPx(7) + layout.regionEndPx(7)) / 2;
            if (scale == Scale.LINEAR) {
                v = Viewport.of(800, 0x7f80_0000_0000L, 0x7f80_001b_d000L);
                layout = RibbonLayout.layout(set, v, scale);
                x = 400;
            }
            for (int i = 0; i < 200 && v.spanBytes() > Viewport.MIN_SPAN_BYTES; i++) {
                long underPointer = layout.addressAt(x);
                v = layout.zoomAt(x, 2);
                layout = RibbonLayout.layout(set, v, scale);
                assertTrue(v.contains(underPointer), scale + ": zoom " + i + " keeps 0x" + Long.toHexString(underPointer) + " in view");
                assertEquals(x, layout.pixelOf(underPointer), 1.0, scale + ": zoom " + i + " keeps it under the pointer");
            }
            assertEquals(Viewport.MIN_SPAN_BYTES, v.spanBytes(), scale + ": zoom reaches a single page");
            assertEquals(7, layout.regionAt(0));
            assertEquals(1, layout.visibleRegionCount());
        }
    }

    @Test
    void ticksIncreaseAndAreLabelledInHex() {
        for (Scale scale : Scale.values()) {
            RibbonLayout layout = RibbonLayout.layout(sleepLike(), Viewport.whole(1000), scale);
            List<Tick> ticks = layout.ticks(60);
            assertTrue(ticks.size() >= 3, scale + ": " + ticks);
            for (int i = 0; i < ticks.size(); i++) {
                Tick t = ticks.get(i);
                assertEquals("0x" + Long.toHexString(t.address()), t.label());
                assertTrue(t.px() >= 0 && t.px() <= 1000);
                if (i > 0) {
                    Tick p = ticks.get(i - 1);
                    assertTrue(t.px() >= p.px() + 60 - 1e-9, scale + ": ticks at least 60 px apart: " + p + " " + t);
                    assertTrue(Long.compareUnsigned(t.address(), p.address()) > 0, scale + ": addresses increase");
                }
            }
        }
        RibbonLayout page = RibbonLayout.layout(sleepLike(), Viewport.of(1024, 0x7f80_0002_8000L, 0x7f80_0002_9000L),
                Scale.LINEAR);
        List<Tick> ticks = page.ticks(100);
        assertEquals(0x7f80_0002_8000L, ticks.get(0).address());
        assertEquals(512, ticks.get(1).address() - ticks.get(0).address(), "100 px of 4 bytes/px rounds up to 512 B");
        assertEquals(128.0, ticks.get(1).px() - ticks.get(0).px(), 1e-9);
    }

    @Test
    void logTicksMarkTheStartOfEachClusterAfterABreak() {
        RibbonLayout layout = RibbonLayout.layout(sleepLike(), Viewport.fit(1000, sleepLike()), Scale.LOG);
        List<Tick> ticks = layout.ticks(1);
        assertEquals(layout.itemCount(), ticks.size(), "with 1 px spacing every item start is a tick");
        assertTrue(ticks.get(0).major());
        assertTrue(ticks.stream().anyMatch(t -> t.address() == 0x7f80_0000_0000L && t.major()));
        assertTrue(ticks.stream().anyMatch(t -> t.address() == 0x7f80_0002_8000L && !t.major()));
    }

    @Test
    void panMovesTheViewAndStopsAtTheEndsOfTheSpace() {
        RegionSet set = RegionSet.of(sleepLike());
        Viewport page = Viewport.of(100, 0x7f80_0002_8000L, 0x7f80_0002_9000L);
        Viewport right = RibbonLayout.layout(set, page, Scale.LINEAR).pan(50);
        assertEquals(0x7f80_0002_8800L, right.lo());
        assertEquals(0x7f80_0002_97ffL, right.last());
        Viewport top = RibbonLayout.layout(set, Viewport.of(100, 0xffff_ffff_ffff_0000L, 0xffff_ffff_ffff_f000L),
                Scale.LINEAR).pan(1e6);
        assertEquals(-1L, top.last());
        Viewport bottom = RibbonLayout.layout(set, Viewport.fit(100, sleepLike()), Scale.LOG).pan(-1e6);
        assertEquals(0, bottom.lo());
        Viewport logRight = RibbonLayout.layout(set, Viewport.fit(100, sleepLike()), Scale.LOG).pan(30);
        assertTrue(Long.compareUnsigned(logRight.lo(), 0x5566_0000_0000L) > 0);
    }

    @Test
    void zoomingOutOfAnyViewReachesTheWholeSpace() {
        RegionSet set = RegionSet.of(sleepLike());
        for (Scale scale : Scale.values()) {
            Viewport v = Viewport.of(500, 0x7f80_0002_8000L, 0x7f80_0002_9000L);
            for (int i = 0; i < 200 && !v.isWhole(); i++) {
                v = RibbonLayout.layout(set, v, scale).zoomAt(250, 0.5);
            }
            assertTrue(v.isWhole(), scale + " ends at the whole space: " + v);
        }
    }

    @Test
    void emptySnapshotIsOneGapPerKindOfSpace() {
        RibbonLayout layout = RibbonLayout.layout(List.of(), Viewport.whole(300), Scale.LOG);
        assertEquals(3, layout.gapCount());
        assertEquals(0, layout.visibleRegionCount());
        assertEquals(-1, layout.regionAt(150));
        assertEquals("128 TiB unmapped", layout.gapLabel(0));
        assertEquals("128 TiB kernel space", layout.gapLabel(2));
    }

    @Test
    void overlappingRegionsAreRefusedWithTheirIndices() {
        List<Region> bad = List.of(
                region(0x1000, 0x3000, Perms.parse("r--p"), "", RegionKind.ANONYMOUS),
                region(0x2000, 0x4000, Perms.parse("r--p"), "", RegionKind.ANONYMOUS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegionSet.of(bad));
        assertTrue(e.getMessage().contains("region 1 (2000-4000)"), e.getMessage());
    }

    @Test
    void binsTakeTheDominantPermissionAndKindByBytes() {
        List<Region> many = new ArrayList<>();
        long a = 0x7f00_0000_0000L;
        for (int i = 0; i < 1000; i++) {
            boolean big = i % 10 == 0;
            long size = big ? 16 * 4096 : 4096;
            many.add(region(a, a + size, big ? Perms.parse("r-xp") : Perms.parse("rw-p"), "",
                    big ? RegionKind.LIBRARY_TEXT : RegionKind.ANONYMOUS));
            a += size;
        }
        RibbonLayout layout = RibbonLayout.layout(many, Viewport.fit(10, many), Scale.LINEAR);
        assertEquals(0, layout.wideRegionCount());
        assertEquals(10, layout.binCount());
        long regions = 0;
        for (int b = 0; b < layout.binCount(); b++) {
            Bin bin = layout.bin(b);
            regions += bin.regionCount();
            // per 100 regions: 10 of 64 KiB r-x (640 KiB) against 90 of 4 KiB rw- (360 KiB)
            assertEquals(Perms.parse("r-xp"), bin.perms());
            assertEquals(RegionKind.LIBRARY_TEXT, bin.kind());
        }
        assertEquals(1000, regions);
    }
}
