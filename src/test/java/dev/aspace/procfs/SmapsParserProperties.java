package dev.aspace.procfs;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Region;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random and cut input: the parser may reject it (MalformedInputException), never crash. */
class SmapsParserProperties {

    private static final byte[] SMAPS = SmapsParserTest.captured("sleep-smaps.txt");

    @Property(tries = 300)
    void randomBytesNeverCrash(@ForAll @Size(max = 400) byte[] text) {
        parseOrReject(text, SmapsParser.Mode.TEXT);
        parseOrReject(text, SmapsParser.Mode.SMAPS);
    }

    @Property(tries = 300)
    void randomTextMadeOfSmapsCharactersNeverCrashes(@ForAll("smapsish") String text) {
        parseOrReject(text.getBytes(StandardCharsets.ISO_8859_1), SmapsParser.Mode.TEXT);
    }

    @Provide
    Arbitrary<String> smapsish() {
        return Arbitraries.strings().withChars("0123456789abcdef-: \nrwxps[]kBVmFlagsRSize").ofMaxLength(300);
    }

    @Property(tries = 300)
    void cutSmapsEitherParsesWholeRegionsOrIsRejected(@ForAll @IntRange(min = 0, max = 28263) int cut) {
        int n = Math.min(cut, SMAPS.length);
        byte[] text = Arrays.copyOf(SMAPS, n);
        List<Region> regions = parseOrReject(text, SmapsParser.Mode.SMAPS);
        if (regions != null && !regions.isEmpty()) {
            List<Region> whole = SmapsParser.parse("whole", SMAPS, SmapsParser.Mode.SMAPS);
            for (int i = 0; i < regions.size(); i++) {
                assertEquals(whole.get(i), regions.get(i), "a region from cut text is whole, never torn");
            }
        }
    }

    @Property(tries = 200)
    void anyChunkingGivesTheSameRegions(@ForAll @IntRange(min = 1, max = 5000) int chunk) {
        SmapsParser p = new SmapsParser("chunks", SmapsParser.Mode.SMAPS);
        for (int off = 0; off < SMAPS.length; off += chunk) {
            p.feed(SMAPS, off, Math.min(chunk, SMAPS.length - off));
        }
        assertEquals(SmapsParser.parse("whole", SMAPS, SmapsParser.Mode.SMAPS), p.finish());
    }

    private static List<Region> parseOrReject(byte[] text, SmapsParser.Mode mode) {
        try {
            return SmapsParser.parse("random", text, mode);
        } catch (MalformedInputException e) {
            assertTrue(e.getMessage().startsWith("random"), e.getMessage());
            return null;
        }
    }
}
