package dev.aspace.snapshot.importers;

import dev.aspace.model.MalformedInputException;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Corrupt, truncated, huge and hostile input: a clear message with file:line, or listed lines. */
class ImportBadInputTest {

    @TempDir
    Path dir;

    private static final String PMAP_X = Fixtures.text("pmapX-01-centos7-kernel3.10-few-columns.txt");

    private ImportResult importText(String text) {
        return TextImport.with(List.of()).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                ImportContext.of("t.txt", Instant.EPOCH), "t.txt");
    }

    @Test
    void unknownFormatSaysWhatWasExpected() {
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> importText("hello world\nthis is not a memory map\n"));
        assertTrue(e.getMessage().startsWith("t.txt: unknown format (it starts 'hello world')"), e.getMessage());
        assertTrue(e.getMessage().contains("pmap -X") && e.getMessage().contains("macOS vmmap"), e.getMessage());
    }

    @Test
    void emptyAndBinaryFilesAreRefused() {
        assertTrue(assertThrows(MalformedInputException.class, () -> importText("\n\n"))
                .getMessage().contains("empty"));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> importText("ELF\0\0\1\n"));
        assertEquals("line 1", e.location());
        assertTrue(e.getMessage().contains("binary"));
    }

    @Test
    void truncatedFileImportsWhatIsThereAndListsTheCutLine() {
        String cut = PMAP_X.substring(0, PMAP_X.indexOf(" 1760 ") + 3); // mid-line, no footer
        ImportResult r = importText(cut);
        assertEquals(ImportFormat.PMAP_X_FULL, r.format());
        assertEquals(3, r.regionCount());
        assertEquals(1, r.unreadableLines());
        assertEquals(6, r.warnings().get(0).line());
    }

    @Test
    void corruptLinesAreListedByNumberNotDropped() {
        String[] lines = PMAP_X.split("\n");
        lines[4] = "    zzzz garbage";
        lines[5] = lines[5].replace(" 1760 ", " 99999999999999999999 ");
        ImportResult r = importText(String.join("\n", lines));
        assertEquals(15, r.regionCount());
        assertEquals(List.of(5L, 6L), r.warnings().stream().map(ImportWarning::line).toList());
        assertTrue(r.warnings().get(1).problem().contains("absurdly large"), r.warnings().get(1).problem());
        // the totals line no longer matches: said, not hidden
        assertTrue(r.remarks().get(0).contains("totals line says 14292 kB"), r.remarks().toString());
    }

    @Test
    void overlappingRegionsAreRefusedWithTheirLine() {
        String text = "1:   x\nAddress  Kbytes Mode Offset      Device  Mapping\n"
                + "00400000   8 r-x-- 0000000000000000 008:00005 a\n"
                + "00401000   8 r-x-- 0000000000000000 008:00005 b\n"
                + "00500000   4 rw--- 0000000000000000 008:00005 c\n";
        ImportResult r = importText(text);
        assertEquals(2, r.regionCount());
        assertEquals(4, r.warnings().get(0).line());
        assertTrue(r.warnings().get(0).problem().contains("overlaps 400000-402000"));
    }

    @Test
    void overlongLineStopsWithFileAndLine() {
        String text = "1:   x\n" + "0".repeat(70_000) + "\n";
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> importText(text));
        assertEquals("t.txt:line 2: line longer than 65536 bytes: this is not the text output of a memory-map tool",
                e.getMessage());
    }

    @Test
    void hugeInputStopsAtTheByteLimitWithoutReadingItAll() {
        // an endless stream of valid pmap lines: the limit, not the heap, ends it
        byte[] line = "0000000000400000      4K r-x-- a\n".getBytes(StandardCharsets.US_ASCII);
        long[] served = {0};
        InputStream endless = new InputStream() {
            long addr = 0x400000;
            int pos = line.length;
            byte[] cur = line;

            @Override
            public int read() {
                if (pos == cur.length) {
                    cur = String.format("%016x      4K r-x-- a\n", addr).getBytes(StandardCharsets.US_ASCII);
                    addr += 4096;
                    pos = 0;
                }
                served[0]++;
                return cur[pos++];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        TextImport small = TextImport.with(List.of()).withLimits(new ImportLimits(2L << 20, 4096, 1_000_000, 10));
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> small.read(endless, ImportContext.of("huge.txt", Instant.EPOCH), "huge.txt"));
        assertTrue(e.getMessage().startsWith("huge.txt: file is larger than 2 MiB"), e.getMessage());
        assertTrue(served[0] < (3L << 20), "read " + served[0] + " bytes");
    }

    @Test
    void tooManyRegionsStopsWithTheLine() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append(String.format("%016x      4K r-x-- a%n", 0x400000L + i * 4096L));
        }
        TextImport small = TextImport.with(List.of()).withLimits(new ImportLimits(1 << 20, 4096, 40, 10));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> small.read(
                new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)),
                ImportContext.of("many.txt", Instant.EPOCH), "many.txt"));
        assertEquals("line 41", e.location());
    }

    @Test
    void importingNeverModifiesTheFile() throws IOException {
        Path f = dir.resolve("pmap.txt");
        Files.writeString(f, PMAP_X);
        var before = Files.getLastModifiedTime(f);
        byte[] bytes = Files.readAllBytes(f);
        TextImport.with(List.of()).read(f, 0);
        assertEquals(before, Files.getLastModifiedTime(f));
        assertEquals(new String(bytes, StandardCharsets.UTF_8), Files.readString(f));
    }

    @Test
    void missingFileAndDirectoryAreNamed() {
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> TextImport.with(List.of()).read(dir.resolve("nope.txt"), 0));
        assertTrue(e.getMessage().endsWith("nope.txt: no such file"), e.getMessage());
        assertTrue(assertThrows(MalformedInputException.class, () -> TextImport.with(List.of()).read(dir, 0))
                .getMessage().contains("is a directory"));
    }
}
