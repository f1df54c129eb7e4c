package dev.aspace.snapshot.importers;

import dev.aspace.model.Snapshot;

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

    public int regionCount() {
        return snapshot.regions().size();
    }
}
