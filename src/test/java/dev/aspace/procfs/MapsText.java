package dev.aspace.procfs;

import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The header lines of maps or smaps text, split the slow, obvious way (String methods), to check
 * the byte-level parser against.
 */
public final class MapsText {

    public record Line(String range, String perms, String offset, String device, String inode, String path) {
    }

    private MapsText() {
    }

    public static List<Line> headers(String text) {
        List<Line> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp < 0 || line.indexOf('-') < 0 || line.indexOf('-') > sp || line.indexOf(':') < sp) {
                continue; // an smaps field line
            }
            String rest = line;
            String[] f = new String[5];
            for (int i = 0; i < 5; i++) {
                rest = rest.stripLeading();
                int e = rest.indexOf(' ');
                f[i] = e < 0 ? rest : rest.substring(0, e);
                rest = e < 0 ? "" : rest.substring(e);
            }
            out.add(new Line(f[0], f[1], f[2], f[3], f[4], rest.stripLeading()));
        }
        return out;
    }

    /** Every header field of every region equals the text's. */
    public static void assertSameHeaders(String text, List<Region> regions) {
        List<Line> lines = headers(text);
        assertEquals(lines.size(), regions.size(), "region count");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Region r = regions.get(i);
            String[] range = l.range().split("-");
            String where = "region " + i + " " + l;
            assertEquals(Long.parseUnsignedLong(range[0], 16), r.start(), where);
            assertEquals(Long.parseUnsignedLong(range[1], 16), r.end(), where);
            assertEquals(l.perms(), r.perms().toString(), where);
            assertEquals(Long.parseUnsignedLong(l.offset(), 16), r.offset(), where);
            assertEquals(l.device(), r.device(), where);
            assertEquals(Long.parseLong(l.inode()), r.inode(), where);
            assertEquals(l.path(), r.path(), where);
        }
    }
}
