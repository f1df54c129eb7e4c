package dev.aspace.cli;

import dev.aspace.layout.Bin;
import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.Scale;
import dev.aspace.layout.Tick;
import dev.aspace.layout.Viewport;
import dev.aspace.model.ByteSize;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.export.Picture;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole snapshot as an exportable picture: the layout engine's log-scale ribbon (wide regions,
 * per-pixel bins for narrow ones, gaps with their sizes, address ticks), plus title and subtitle.
 * Lives here because the export writers may not use the layout package and the layout may not
 * know about exports.
 */
final class RibbonPicture {

    static final int MARGIN = 20;

    private RibbonPicture() {
    }

    static Picture of(Snapshot s, int width) {
        List<Region> regions = s.regions();
        int ribbon = width - 2 * MARGIN;
        RibbonLayout layout = RibbonLayout.layout(regions, Viewport.fit(ribbon, regions), Scale.LOG);
        List<Picture.Bar> bars = new ArrayList<>();
        for (int j = 0; j < layout.wideRegionCount(); j++) {
            int i = layout.wideRegion(j);
            Region r = regions.get(i);
            bars.add(new Picture.Bar(layout.regionStartPx(i), layout.regionEndPx(i), r.perms(), r.kind(), label(r)));
        }
        for (int b = 0; b < layout.binCount(); b++) {
            Bin bin = layout.bin(b);
            bars.add(new Picture.Bar(bin.pixel(), bin.pixel() + 1, bin.perms(), bin.kind(),
                    bin.regionCount() + " regions, " + ByteSize.format(bin.bytes())));
        }
        List<Picture.Gap> gaps = new ArrayList<>();
        for (int g = 0; g < layout.gapCount(); g++) {
            gaps.add(new Picture.Gap(layout.gapStartPx(g), layout.gapEndPx(g), layout.gapLabel(g)));
        }
        List<Picture.Tick> ticks = new ArrayList<>();
        for (Tick t : layout.ticks(130)) {
            ticks.add(new Picture.Tick(t.px(), t.label(), t.major()));
        }
        return new Picture(title(s), subtitle(s), width, MARGIN, ribbon, bars, gaps, ticks);
    }

    private static String label(Region r) {
        String name = r.label().isEmpty() ? r.kind().displayName() : r.label();
        return r.rangeText() + " " + r.perms() + " " + ByteSize.format(r.size()) + " " + name
                + (r.path().isEmpty() ? "" : " " + r.path());
    }

    private static String title(Snapshot s) {
        ProcessInfo p = s.process();
        String who = p == null ? "address space" : (p.comm().isEmpty() ? "process" : p.comm())
                + (p.pid() > 0 ? " (pid " + p.pid() + ")" : "");
        return who + (s.source() == null ? "" : " - " + s.source().description());
    }

    private static String subtitle(Snapshot s) {
        long rss = 0;
        for (Region r : s.regions()) {
            rss += r.rss();
        }
        return s.regions().size() + " regions, " + ByteSize.formatUnsigned(s.virtualSize()) + " mapped"
                + (rss > 0 ? ", " + ByteSize.format(rss) + " resident" : "")
                + (s.takenAt() == null ? "" : ", taken " + s.takenAt()) + "; log scale: each region and gap by log2 of its size";
    }
}
