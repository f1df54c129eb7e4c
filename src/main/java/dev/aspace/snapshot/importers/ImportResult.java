package dev.aspace.snapshot.importers;

import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;

import java.util.List;

/**
 * What an import produced: the snapshot, the format found, and every line it could not read.
 *
 * @param format          the format detected
 * @param snapshot        regions (maybe none: free, meminfo, vmmap -summary), process, memory
 * @param warnings        unreadable lines, by line number (at most {@link ImportLimits#maxWarnings()})
 * @param unreadableLines how many lines were unreadable in all (may exceed {@code warnings.size()})
 * @param typeTotals      per-type sums of a summary table (vmmap -summary), else empty
 * @param remarks         what the reader should know that is not an unreadable line: an assumed
 *                        unit, a totals line that disagrees with the regions read
 */
public record ImportResult(ImportFormat format, Snapshot snapshot, List<ImportWarning> warnings,
                           long unreadableLines, List<TypeTotal> typeTotals, List<String> remarks) {

    public ImportResult {
        warnings = List.copyOf(warnings);
        typeTotals = List.copyOf(typeTotals);
        remarks = List.copyOf(remarks);
    }

    /**
     * The same result, its snapshot's source saying it is partial when lines could not be read
     * ("pmap -x text from run.txt (partial: 2 unreadable lines)"), so the title and badge say so.
     */
    public ImportResult markedPartial() {
        if (unreadableLines == 0 || snapshot.source() == null) {
            return this;
        }
        Source src = snapshot.source();
        Snapshot marked = snapshot.withSource(new Source(src.type(), src.description() + " (partial: " + unreadableLines
                + (unreadableLines == 1 ? " unreadable line)" : " unreadable lines)")));
        return new ImportResult(format, marked, warnings, unreadableLines, typeTotals, remarks);
    }

    public int regionCount() {
        return snapshot.regions().size();
    }
}
