package dev.aspace.ui.vm;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Smaps;
import dev.aspace.model.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sums that explain an address space: how many regions of each kind, and VSZ, RSS, PSS and
 * USS with the parts that show why they differ.
 *
 * @param regions      number of regions
 * @param perKind      regions per kind, most common first
 * @param vsz          sum of sizes (ps VSZ, pmap total)
 * @param rss          resident bytes
 * @param pss          proportional set size
 * @param uss          private resident bytes (Private_Clean + Private_Dirty)
 * @param sharedRss    resident bytes also mapped elsewhere (Shared_Clean + Shared_Dirty)
 * @param swap         bytes in swap
 * @param hasSmaps     false when only maps was read (RSS and friends unknown)
 */
public record SummaryFigures(int regions, List<Map.Entry<RegionKind, Integer>> perKind, long vsz, long rss,
                             long pss, long uss, long sharedRss, long swap, boolean hasSmaps) {

    private static final RegionKind[] KINDS = RegionKind.values();

    public static SummaryFigures of(Snapshot snapshot) {
        int[] perOrdinal = new int[KINDS.length]; // not a map of boxed counts: 60,000 regions a frame
        long vsz = 0, rss = 0, pss = 0, uss = 0, shared = 0, swap = 0;
        boolean smaps = false;
        for (Region r : snapshot.regions()) {
            perOrdinal[r.kind().ordinal()]++;
            vsz += r.size();
            Smaps s = r.smaps();
            if (s != null) {
                smaps = true;
                rss += s.rss();
                pss += s.pss();
                uss += s.uss();
                shared += s.sharedClean() + s.sharedDirty();
                swap += s.swap();
            }
        }
        Map<RegionKind, Integer> counts = new EnumMap<>(RegionKind.class);
        for (RegionKind k : KINDS) {
            if (perOrdinal[k.ordinal()] > 0) {
                counts.put(k, perOrdinal[k.ordinal()]);
            }
        }
        List<Map.Entry<RegionKind, Integer>> perKind = new ArrayList<>(counts.entrySet());
        perKind.sort(Map.Entry.<RegionKind, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return new SummaryFigures(snapshot.regions().size(), List.copyOf(perKind), vsz, rss, pss, uss, shared, swap,
                smaps);
    }

    /** "312 regions in 14 kinds". */
    public String headline() {
        return regions + (regions == 1 ? " region" : " regions") + " in " + perKind.size()
                + (perKind.size() == 1 ? " kind" : " kinds");
    }

    /** The share of the shared pages that PSS charges to this process: PSS − USS. */
    public long sharedShare() {
        return pss - uss;
    }

    /** Address space reserved but not in RAM: never touched, dropped, or swapped. */
    public long notResident() {
        return vsz - rss;
    }

    /** Lines that show how the four figures relate, in the given units. */
    public List<String> explanations(Units units) {
        if (!hasSmaps) {
            return List.of("VSZ " + units.format(vsz) + ": the sum of all region sizes.",
                    "RSS, PSS and USS appear once smaps has been read.");
        }
        return List.of(
                "VSZ " + units.format(vsz) + " = RSS " + units.format(rss) + " + " + units.format(notResident())
                        + " reserved but not in RAM (never touched, or swapped: " + units.format(swap) + ")",
                "RSS " + units.format(rss) + " = USS " + units.format(uss) + " private + " + units.format(sharedRss)
                        + " shared with other processes",
                "PSS " + units.format(pss) + " = USS " + units.format(uss) + " + " + units.format(sharedShare())
                        + " (this process's share of the " + units.format(sharedRss) + " shared)",
                "USS " + units.format(uss) + ": what exiting this process would free");
    }
}
