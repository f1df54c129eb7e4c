package dev.aspace.snapshot.importers;

import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partly readable /proc text: the readable entries come in, each bad line is listed by number. */
class ProcTextImporterTest {

    private static ImportResult importText(String text) {
        return TextImports.importer().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                ImportContext.of("s.txt", Instant.EPOCH), "s.txt");
    }

    @Test
    void corruptHeaderDropsItsEntryAndListsItsLines() {
        String[] lines = Fixtures.text("smaps-01-googleinterns-memfd-deleted-vsyscall.txt").split("\n", -1);
        // line 24 is the second entry's maps line; break its address
        assertTrue(lines[23].startsWith("16efa600000-16f00000000 "), lines[23]);
        lines[23] = "16efa6zz000-16f00000000 rw-p 00000000 00:00 0 ";
        ImportResult r = importText(String.join("\n", lines));
        assertEquals(ImportFormat.PROC_SMAPS, r.format());
        assertEquals(1071, r.regionCount());
        List<ImportWarning> w = r.warnings();
        assertEquals(24, w.get(0).line());
        // its 22 field lines have no maps line to belong to: each is listed, none silently dropped
        assertEquals(23, r.unreadableLines());
        assertEquals(46, w.get(w.size() - 1).line());
    }

    @Test
    void truncatedSmapsKeepsAllButTheCutEntry() {
        String text = Fixtures.text("smaps-01-googleinterns-memfd-deleted-vsyscall.txt");
        String cut = text.substring(0, text.indexOf("Rss:", 2000)); // inside the 4th or so entry
        ImportResult r = importText(cut);
        long complete = Arrays.stream(cut.split("\n")).filter(l -> l.startsWith("VmFlags")).count();
        assertEquals(complete, r.regionCount());
        assertEquals(1, r.unreadableLines());
        assertTrue(r.warnings().get(0).problem().startsWith("the last entry is incomplete"), r.warnings().toString());
    }

    @Test
    void mapsTextWithAGarbageLineListsIt() {
        String[] lines = Fixtures.text("maps-03-debian10-x86_64-java-tomcat.txt").split("\n");
        lines[9] = "this line was mangled by a mail client";
        ImportResult r = importText(String.join("\n", lines));
        assertEquals(ImportFormat.PROC_MAPS, r.format());
        assertEquals(339, r.regionCount());
        assertEquals(10, r.warnings().get(0).line());
    }
}
