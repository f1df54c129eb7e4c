package dev.aspace.snapshot.importers;

import dev.aspace.model.SystemMemory;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * free's "used" column meant total - free - buff/cache up to procps-ng 4.0.0 and total - available
 * since: a captured free keeps the figure it printed, says which it was, and a snapshot file keeps both.
 */
class UsedAsPrintedTest {

    /** The used column of the Mem: row, in the text's own unit, read here without aspace's parser. */
    private static long printedUsed(String fixture) throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.path(fixture));
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        String[] mem = lines.stream().filter(l -> l.startsWith("Mem:")).findFirst().orElseThrow().trim().split("\\s+");
        return Long.parseLong(mem[1 + header.indexOf("used")]);
    }

    @Test
    void aProcps33CaptureKeepsItsPrintedUsedAsTotalMinusFreeMinusBuffCache() throws IOException {
        // CentOS 7 free -m: 14464 = 32013 - 1142 - 16406, where total - available would be 17719
        String f = "free-01-centos7-new-format-m.txt";
        SystemMemory m = TextImport.with(List.of()).read(Fixtures.path(f), 1L << 20).snapshot().memory();
        assertEquals(printedUsed(f) << 20, m.used());
        assertEquals(FreeImporter.TOTAL_MINUS_FREE_CACHE, m.usedDefinition());
        assertNotEquals(m.memTotal() - m.memAvailable(), m.used(), "not recomputed the procps-ng 4 way");
    }

    @Test
    void aProcps4CaptureKeepsItsPrintedUsedAsTotalMinusAvailable() throws IOException {
        String f = "free-10-procps4.0.2-default-kib.txt";
        SystemMemory m = TextImport.with(List.of()).read(Fixtures.path(f), 0).snapshot().memory();
        assertEquals(printedUsed(f) * 1024, m.used());
        assertEquals(FreeImporter.TOTAL_MINUS_AVAILABLE, m.usedDefinition());
    }

    @Test
    void aSnapshotFileKeepsThePrintedUsedAndItsDefinition(@TempDir Path dir) {
        String f = "free-01-centos7-new-format-m.txt";
        var imported = TextImport.with(List.of()).read(Fixtures.path(f), 1L << 20).snapshot();
        Path file = dir.resolve("free.json");
        SnapshotStore.save(imported, file);
        SystemMemory back = SnapshotStore.load(file).memory();
        assertEquals(imported.memory().usedAsPrinted(), back.usedAsPrinted());
        assertEquals(imported.memory().usedDefinition(), back.usedDefinition());
        assertEquals(imported.memory(), back);
    }

    @Test
    void figuresReadFromTheKernelHaveNoPrintedUsed() {
        SystemMemory computed = new SystemMemory(16L << 30, 2L << 30, 6L << 30, 0, 3L << 30, 0, 0, 0, 0, 0, 0);
        assertFalse(computed.usedIsPrinted());
        assertEquals(10L << 30, computed.used());
    }
}
