package dev.aspace.backend.linux;

import dev.aspace.model.Region;
import dev.aspace.procfs.SmapsParser;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two reads of a captured maps text (a JVM's): equal, and unequal after each kind of change a torn read shows. */
class SameMappingsTest {

    private static final String NAME = "maps-03-debian10-x86_64-java-tomcat.txt";

    @Test
    void twoReadsOfTheSameTextAgree() {
        assertTrue(SameMappings.same(parse(text()), parse(text())));
    }

    @Test
    void aRegionListedTwiceOrMissingOrChangedDisagrees() {
        String text = text();
        String[] lines = text.split("\n");
        List<Region> whole = parse(text);
        // the second line again, of the same size, above the others: a read made while it moved up
        String vsyscall = lines[lines.length - 1];
        String doubled = text.replace(vsyscall, lines[1].replace("88c00000-d6800000", "7fff00000000-7fff4dc00000") + "\n" + vsyscall);
        String missing = text.replace(lines[1] + "\n", "");
        String otherPerms = text.replace(lines[1], lines[1].replace(" ---p ", " r--p "));
        String otherPath = text.replace("/usr/local", "/usr/locai");
        assertFalse(SameMappings.same(whole, parse(doubled)), "a region listed twice");
        assertFalse(SameMappings.same(whole, parse(missing)), "a region missing");
        assertFalse(SameMappings.same(whole, parse(otherPerms)), "permissions changed");
        assertFalse(SameMappings.same(whole, parse(otherPath)), "backing changed");
    }

    /** The capture, ending in a newline as the kernel's text does. */
    private static String text() {
        return Fixtures.text(NAME).strip() + "\n";
    }

    private static List<Region> parse(String text) {
        return SmapsParser.parse(NAME, text.getBytes(StandardCharsets.ISO_8859_1), SmapsParser.Mode.MAPS);
    }
}
