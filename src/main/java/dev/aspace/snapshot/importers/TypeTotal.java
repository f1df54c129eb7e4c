package dev.aspace.snapshot.importers;

/**
 * One row of a summary table without addresses (vmmap -summary): a region type and its sums.
 *
 * @param type         the tool's name for the type, e.g. "MALLOC_TINY", "__TEXT", "STACK GUARD"
 * @param virtualBytes virtual size in bytes (vmmap rounds it: 11.9M)
 * @param residentBytes resident size in bytes, or -1 when the table has no such column
 * @param regionCount  regions of this type, or -1 when the table has no such column
 */
public record TypeTotal(String type, long virtualBytes, long residentBytes, long regionCount) {
}
