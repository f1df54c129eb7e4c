package dev.aspace.snapshot.diff;

import java.util.List;

/** Every region of two snapshots, matched or not, in address order of the second (then the first). */
public record DiffResult(List<RegionDiff> rows) {

    public DiffResult {
        rows = List.copyOf(rows);
    }

    /** Rows that carry the change (a row counts under each of its changes). */
    public long count(Change change) {
        return rows.stream().filter(r -> r.changes().contains(change)).count();
    }

    /** Only the rows that differ. */
    public List<RegionDiff> changedRows() {
        return rows.stream().filter(RegionDiff::changed).toList();
    }
}
