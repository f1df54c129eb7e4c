package dev.aspace.backend.linux;

import dev.aspace.procfs.SmapsParser;
import dev.aspace.procfs.StatParser;
import dev.aspace.procfs.TextDigest;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The two checks a live read gets besides its sizes, on processes the test starts: the maps lines
 * of an smaps read digest as the maps text of the same moment does, and the virtual size is read
 * from a stat line as the full stat parser reads it, command names with spaces and parentheses
 * included.
 */
class LiveReadChecksTest {

    @Test
    void theMapsLinesOfSmapsDigestAsMapsDoesAndAChangeShows() throws IOException {
        try (LiveProcess p = LiveProcess.sleep()) {
            Path dir = Path.of("/proc", Integer.toString(p.pid()));
            byte[] smaps = Files.readAllBytes(dir.resolve("smaps"));
            byte[] maps = Files.readAllBytes(dir.resolve("maps"));
            SmapsParser parser = new SmapsParser("smaps", SmapsParser.Mode.SMAPS);
            parser.feed(smaps, 0, smaps.length);
            parser.finish();
            assertEquals(TextDigest.update(TextDigest.EMPTY, maps, 0, maps.length), parser.headerDigest());
            // one byte of one line different (a permission): another digest
            String text = new String(maps, StandardCharsets.ISO_8859_1);
            byte[] changed = text.replaceFirst(" r--p ", " r--s ").getBytes(StandardCharsets.ISO_8859_1);
            assertNotEquals(TextDigest.update(TextDigest.EMPTY, maps, 0, maps.length),
                    TextDigest.update(TextDigest.EMPTY, changed, 0, changed.length));
        }
    }

    @Test
    void theVirtualSizeIsField23EvenWhenTheNameHasSpacesAndParentheses(@TempDir Path tmp) throws IOException {
        Path odd = tmp.resolve("a) b (c");
        Files.createSymbolicLink(odd, Path.of("/bin/sleep"));
        try (LiveProcess p = LiveProcess.start(odd.toString(), "600")) {
            p.awaitNanosleep();
            byte[] stat = Files.readAllBytes(Path.of("/proc", Integer.toString(p.pid()), "stat"));
            assertEquals("a) b (c", StatParser.parse("stat", stat).comm(), "the process is named so");
            long vsize = StatParser.parse("stat", stat).vsize();
            assertNotEquals(0, vsize);
            assertEquals(vsize, VsizeSamples.vsize(stat, stat.length));
        }
    }
}
