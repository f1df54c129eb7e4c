package dev.aspace.layout;

import dev.aspace.model.Region;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the ribbon on random region sets (1 page to TiBs, gaps 0 to huge, up to 100,000 regions). */
class RibbonLayoutProperties {

    /** One random case: regions, a viewport on them, and a scale. */
    record Case(List<Region> regions, Viewport viewport, Scale scale, long seed) {
        @Override
        public String toString() {
            return regions.size() + " regions, " + scale + ", [" + Long.toHexString(viewport.lo()) + ", "
                    + Long.toHexString(viewport.last()) + "] on " + viewport.lengthPx() + " px, seed " + seed;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> counts = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 200)),
                Tuple.of(3, Arbitraries.integers().between(200, 5_000)),
                Tuple.of(1, Arbitraries.integers().between(50_000, 100_000)));
        return Combinators.combine(counts, Arbitraries.longs(), Arbitraries.of(Scale.values()),
                        Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(1, 4000),
                        Arbitraries.of(true, false))
                .as((count, seed, scale, view, length, realistic) -> {
                    List<Region> regions = realistic && count >= 20
                            ? SyntheticProcess.realistic(count, seed) : SyntheticProcess.random(count, seed);
                    return new Case(regions, viewport(regions, view, length, new SplittableRandom(seed)), scale, seed);
                });
    }

    /** The whole space, the fit, an interval between two random boundaries or addresses, one page. */
    private static Viewport viewport(List<Region> regions, int view, double length, SplittableRandom rnd) {
        if (regions.isEmpty() || view == 0) {
            return Viewport.whole(length);
        }
        Region a = regions.get(rnd.nextInt(regions.size()));
        Region b = regions.get(rnd.nextInt(regions.size()));
        return switch (view) {
            case 1 -> Viewport.fit(length, regions);
            case 2 -> {
                long x = a.start() + rnd.nextLong(Math.max(1, a.size()));
                long y = b.start() + rnd.nextLong(Math.max(1, b.size()));
                yield new Viewport(length, Unsigned.min(x, y), Unsigned.max(x, y));
            }
            case 3 -> {
                long x = rnd.nextLong();
                long y = rnd.nextLong();
                yield new Viewport(length, Unsigned.min(x, y), Unsigned.max(x, y));
            }
            default -> Viewport.of(length, a.start(), a.start() + 4096);
        };
    }

    @Property(tries = 40)
    void itemsTileTheViewportInAddressAndPixelOrder(@ForAll("cases") Case c) {
        RibbonLayout layout = RibbonLayout.layout(c.regions(), c.viewport(), c.scale());
        Viewport v = c.viewport();
        assertTrue(layout.itemCount() > 0, "a non-empty interval has at least one item");
        assertEquals(v.lo(), layout.itemFirst(0));
        assertEquals(v.last(), layout.itemLast(layout.itemCount() - 1));
        assertEquals(0.0, layout.itemStartPx(0));
        assertEquals(v.lengthPx(), layout.itemEndPx(layout.itemCount() - 1));
        for (int k = 0; k < layout.itemCount(); k++) {
            assertTrue(Long.compareUnsigned(layout.itemFirst(k), layout.itemLast(k)) <= 0, "item " + k + " empty");
            assertTrue(layout.itemStartPx(k) >= 0 && layout.itemStartPx(k) <= layout.itemEndPx(k)
                    && layout.itemEndPx(k) <= v.lengthPx(), "item " + k + " outside or reversed");
            if (c.scale() == Scale.LOG) {
                assertTrue(layout.itemEndPx(k) > layout.itemStartPx(k), "log item " + k + " has no length");
            }
            if (k > 0) {
                assertEquals(layout.itemLast(k - 1) + 1, layout.itemFirst(k), "items " + (k - 1) + "," + k + " not adjacent");
                assertEquals(layout.itemEndPx(k - 1), layout.itemStartPx(k), "pixel overlap or hole at item " + k);
                assertTrue(layout.itemRegion(k - 1) < 0 || layout.itemRegion(k) < 0
                        || layout.itemRegion(k) == layout.itemRegion(k - 1) + 1, "regions out of order");
            }
        }
    }

    @Property(tries = 40)
    void visibleRegionsAreExactlyThoseMeetingTheViewport(@ForAll("cases") Case c) {
        RibbonLayout layout = RibbonLayout.layout(c.regions(), c.viewport(), c.scale());
        Viewport v = c.viewport();
        int expected = 0;
        for (Region r : c.regions()) {
            if (Long.compareUnsigned(r.end() - 1, v.lo()) >= 0 && Long.compareUnsigned(r.start(), v.last()) <= 0) {
                expected++;
            }
        }
        assertEquals(expected, layout.visibleRegionCount());
        for (int i = layout.firstVisibleRegion(); i < layout.firstVisibleRegion() + layout.visibleRegionCount(); i++) {
            assertTrue(layout.regionStartPx(i) <= layout.regionEndPx(i));
            assertTrue(c.regions().get(i).contains(layout.regionVisibleFirst(i)));
        }
    }

    @Property(tries = 30)
    void logLengthGrowsWithSize(@ForAll("cases") Case c) {
        RibbonLayout layout = RibbonLayout.layout(c.regions(), c.viewport(), Scale.LOG);
        List<Integer> whole = new ArrayList<>();
        for (int i = layout.firstVisibleRegion(); i < layout.firstVisibleRegion() + layout.visibleRegionCount(); i++) {
            Region r = c.regions().get(i);
            if (c.viewport().contains(r.start()) && c.viewport().contains(r.end() - 1)) {
                whole.add(i);
            }
        }
        whole.sort(Comparator.comparingLong(i -> c.regions().get(i).size()));
        for (int j = 1; j < whole.size(); j++) {
            int small = whole.get(j - 1);
            int big = whole.get(j);
            double smallLength = layout.regionEndPx(small) - layout.regionStartPx(small);
            double bigLength = layout.regionEndPx(big) - layout.regionStartPx(big);
            assertTrue(bigLength >= smallLength - 1e-9 * c.viewport().lengthPx(),
                    "region " + big + " (" + c.regions().get(big).size() + " B) is shorter than region " + small
                            + " (" + c.regions().get(small).size() + " B): " + bigLength + " < " + smallLength);
        }
    }

    @Property(tries = 40)
    void addressPixelAddressRoundTripsWithinAPixel(@ForAll("cases") Case c) {
        roundTripsWithinAPixel(c);
    }

    /**
     * The seed of a clean-clone CI run that found 0x2009454f452 -> 614.007 px -> 0x2009454f451 ->
     * 613.007 px: zoomed in to about a pixel a byte, the inverse landed a byte short because
     * (x - start) / width * bytes came out a hair under the whole byte it was.
     */
    @Property(tries = 40, seed = "-2816641244019501558")
    void addressPixelAddressRoundTripsWithinAPixelWhereAByteIsAPixel(@ForAll("cases") Case c) {
        roundTripsWithinAPixel(c);
    }

    private void roundTripsWithinAPixel(Case c) {
        RibbonLayout layout = RibbonLayout.layout(c.regions(), c.viewport(), c.scale());
        SplittableRandom rnd = new SplittableRandom(c.seed());
        Viewport v = c.viewport();
        for (int n = 0; n < 200; n++) {
            long a = n == 0 ? v.lo() : n == 1 ? v.last()
                    : v.lo() + Unsigned.fromDouble(rnd.nextDouble() * v.spanBytes());
            if (!v.contains(a)) {
                continue;
            }
            double x = layout.pixelOf(a);
            assertTrue(x >= 0 && x <= v.lengthPx());
            long back = layout.addressAt(x);
            assertTrue(v.contains(back));
            double x2 = layout.pixelOf(back);
            assertTrue(Math.abs(x2 - x) <= 1.0, "0x" + Long.toHexString(a) + " -> " + x + " -> 0x"
                    + Long.toHexString(back) + " -> " + x2);
        }
        for (int n = 0; n < 100; n++) {
            double x = rnd.nextDouble() * v.lengthPx();
            long a = layout.addressAt(x);
            int k = layout.itemAt(x);
            assertTrue(Long.compareUnsigned(a, layout.itemFirst(k)) >= 0 && Long.compareUnsigned(a, layout.itemLast(k)) <= 0,
                    "addressAt stays inside the item under the pixel");
            // the byte under the pixel: its span holds x (a byte may be wider than a pixel when
            // zoomed in, so "its start within a pixel of x" would not hold there)
            assertTrue(layout.pixelOf(a) - 1e-3 <= x && x <= layout.pixelAfter(a) + 1e-3, "pixel " + x + " -> 0x"
                    + Long.toHexString(a) + " -> " + layout.pixelOf(a) + ".." + layout.pixelAfter(a));
        }
    }

    @Property(tries = 40)
    void binsHoldExactlyTheSubPixelRegions(@ForAll("cases") Case c) {
        RibbonLayout layout = RibbonLayout.layout(c.regions(), c.viewport(), c.scale());
        int first = layout.firstVisibleRegion();
        boolean[] inBin = new boolean[layout.visibleRegionCount()];
        int lastPixel = -1;
        for (int b = 0; b < layout.binCount(); b++) {
            Bin bin = layout.bin(b);
            assertTrue(bin.pixel() > lastPixel, "bins in increasing pixel order");
            assertTrue(bin.pixel() >= 0 && bin.pixel() < Math.ceil(c.viewport().lengthPx()));
            lastPixel = bin.pixel();
            assertTrue(bin.regionCount() > 0);
            long bytes = 0;
            for (int i = bin.firstRegion(); i < bin.firstRegion() + bin.regionCount(); i++) {
                assertTrue(layout.isNarrow(i), "region " + i + " in a bin is narrow");
                assertTrue(!inBin[i - first], "region " + i + " in two bins");
                inBin[i - first] = true;
                bytes += layout.regionVisibleLast(i) - layout.regionVisibleFirst(i) + 1;
            }
            assertEquals(bytes, bin.bytes());
            assertEquals(b, layout.binAt(bin.pixel() + 0.5));
        }
        int wide = 0;
        for (int i = first; i < first + layout.visibleRegionCount(); i++) {
            assertEquals(layout.isNarrow(i), inBin[i - first], "region " + i + ": narrow iff binned");
            if (!layout.isNarrow(i)) {
                assertEquals(i, layout.wideRegion(wide++));
            }
        }
        assertEquals(wide, layout.wideRegionCount());
    }

    @Property(tries = 30)
    void gapsHaveOneKindAndTheirLabel(@ForAll("cases") Case c) {
        RibbonLayout layout = RibbonLayout.layout(c.regions(), c.viewport(), c.scale());
        RegionSet set = layout.regionSet();
        for (int g = 0; g < layout.gapCount(); g++) {
            long a = layout.gapFirst(g);
            long b = layout.gapLast(g);
            assertEquals(-1, set.indexOf(a));
            assertEquals(-1, set.indexOf(b));
            GapKind expected = Long.compareUnsigned(a, set.userTop()) < 0 ? GapKind.UNMAPPED
                    : Long.compareUnsigned(a, set.kernelBase()) < 0 ? GapKind.NON_CANONICAL : GapKind.KERNEL;
            assertEquals(expected, layout.gapKind(g));
            assertEquals(expected, Long.compareUnsigned(b, set.userTop()) < 0 ? GapKind.UNMAPPED
                    : Long.compareUnsigned(b, set.kernelBase()) < 0 ? GapKind.NON_CANONICAL : GapKind.KERNEL);
            assertTrue(layout.gapLabel(g).endsWith(" " + expected.word()));
            assertEquals(g, layout.itemGap(layout.gapItem(g)));
        }
    }

    @Property(tries = 30)
    void zoomAndPanStayInsideTheSpaceAndKeepTheAnchor(@ForAll("cases") Case c,
                                                       @ForAll("factors") double factor) {
        RegionSet set = RegionSet.of(c.regions());
        RibbonLayout layout = RibbonLayout.layout(set, c.viewport(), c.scale());
        double x = c.viewport().lengthPx() * 0.3;
        Viewport zoomed = layout.zoomAt(x, factor);
        assertEquals(c.viewport().lengthPx(), zoomed.lengthPx());
        assertTrue(zoomed.spanBytes() >= Math.min(Viewport.MIN_SPAN_BYTES, c.viewport().spanBytes()));
        long anchor = layout.addressAt(x);
        if (factor >= 1) {
            assertTrue(zoomed.contains(anchor), "zooming in keeps the address under the pointer in view");
        }
        Viewport panned = RibbonLayout.layout(set, zoomed, c.scale()).pan(-c.viewport().lengthPx() / 4);
        assertTrue(Long.compareUnsigned(panned.lo(), zoomed.lo()) <= 0, "panning down moves to lower addresses");
    }

    @Provide
    Arbitrary<Double> factors() {
        return Arbitraries.of(0.25, 0.5, 0.9, 1.1, 2.0, 10.0, 1e6);
    }
}
