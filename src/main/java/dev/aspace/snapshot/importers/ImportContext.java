package dev.aspace.snapshot.importers;

import java.time.Instant;

/**
 * What an importer knows besides the text.
 *
 * @param fileName   the file's name, for the snapshot's source ("pmap -X text from run.txt")
 * @param capturedAt when the text was captured, as far as known (the file's modification time)
 * @param freeUnit   bytes per unit for {@code free} output without unit suffixes: 1024 for
 *                   free's default (KiB), 1048576 for {@code free -m}; 0 means "not given"
 */
public record ImportContext(String fileName, Instant capturedAt, long freeUnit) {

    public static ImportContext of(String fileName, Instant capturedAt) {
        return new ImportContext(fileName, capturedAt, 0);
    }
}
