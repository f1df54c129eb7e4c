package dev.aspace.snapshot.importers;

import dev.aspace.classify.RegionClassifier;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * The one way to import text (CLI and GUI): every format, {@code /proc} text included, and
 * regions from Linux tools classified like a live snapshot's. vmmap and VMMap regions keep the
 * kinds their own types gave them.
 */
public final class TextImports {

    private TextImports() {
    }

    /** Every importer: /proc text first, then pmap, vmmap, VMMap CSV, free. */
    public static TextImport importer() {
        return TextImport.with(List.of(new ProcTextImporter()));
    }

    /**
     * Imports a file, classified; marked partial in its source when lines could not be read.
     *
     * @param freeUnit bytes per unit for {@code free} text without units (0: KiB, with a remark)
     * @throws dev.aspace.model.MalformedInputException unknown format, unreadable file, past a limit
     */
    public static ImportResult read(Path file, long freeUnit) {
        return classified(importer().read(file, freeUnit)).markedPartial();
    }

    static ImportResult classified(ImportResult r) {
        Snapshot s = r.snapshot();
        boolean needed = false;
        for (Region region : s.regions()) {
            needed |= region.kind() == RegionKind.UNCLASSIFIED;
        }
        if (!needed) {
            return r;
        }
        List<Region> regions = new RegionClassifier().classify(s.regions(), s.threads(), s.process());
        return new ImportResult(r.format(), s.withRegions(regions), r.warnings(), r.unreadableLines(),
                r.typeTotals(), r.remarks());
    }
}
