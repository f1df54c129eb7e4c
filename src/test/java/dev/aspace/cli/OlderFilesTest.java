package dev.aspace.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Files saved by older aspace (src/test/resources/v1: snapshots and a series of format version 1;
 * v2: a series of version 2; see their READMEs) still open, and pmap prints for them what the code
 * that saved them printed.
 */
class OlderFilesTest {

    private static final Path V1 = Path.of("src/test/resources/v1");
    private static final Path V2 = Path.of("src/test/resources/v2");

    private static void assertPmap(String format, String file, String expected) throws IOException {
        assertPmap(V1, format, file, expected);
    }

    private static void assertPmap(Path dir, String format, String file, String expected) throws IOException {
        ProcpsRun.Result r = ProcpsRun.aspace("pmap", format, dir.resolve(file).toString());
        assertEquals(0, r.code(), r.err());
        String want = Files.readString(dir.resolve(expected));
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

    @Test
    void savedVersion2SeriesFramesPrintWhatTheyPrintedWhenSaved() throws IOException {
        for (int i = 0; i < 6; i++) {
            assertPmap(V2, "-X", "changing-series.aspace@" + i, "changing-series." + i + ".pmap-X.txt");
        }
    }
}
