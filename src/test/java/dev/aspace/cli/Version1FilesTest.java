package dev.aspace.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Snapshot and series files saved in format version 1 (src/test/resources/v1, see its README)
 * still open, and pmap prints for them what the code that saved them printed.
 */
class Version1FilesTest {

    private static final Path V1 = Path.of("src/test/resources/v1");

    private static void assertPmap(String format, String file, String expected) throws IOException {
        ProcpsRun.Result r = ProcpsRun.aspace("pmap", format, V1.resolve(file).toString());
        assertEquals(0, r.code(), r.err());
        String want = Files.readString(V1.resolve(expected));
        assertEquals(want, r.out(), "pmap " + format + " " + file);
    }

    @Test
    void savedSnapshotsPrintWhatTheyPrintedWhenSaved() throws IOException {
        for (String name : new String[] {"sleep", "threads"}) {
            for (String format : new String[] {"-x", "-X", "-XX"}) {
                assertPmap(format, name + ".json", name + ".pmap" + format + ".txt");
            }
        }
    }

    @Test
    void savedSeriesFramesPrintWhatTheyPrintedWhenSaved() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertPmap("-X", "threads-series.jsonl@" + i, "threads-series." + i + ".pmap-X.txt");
        }
    }
}
