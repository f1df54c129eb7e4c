package dev.aspace.classify;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only reader of maps lines (and the header lines of smaps), until the backend's parser is
 * on main; then these tests call that parser instead.
 */
public final class MapsText {

    private MapsText() {
    }

    public static List<Region> regions(String text) {
        List<Region> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Region r = line(line);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** One maps line, or null for an smaps field line. */
    static Region line(String line) {
        int dash = line.indexOf('-');
        int sp = line.indexOf(' ');
        if (dash <= 0 || sp < dash || line.indexOf(':') < sp && line.indexOf(':') >= 0 && line.indexOf(':') < dash) {
            return null;
        }
        String[] f = line.trim().split(" +", 6);
        if (f.length < 5 || !f[0].contains("-")) {
            return null;
        }
        String[] range = f[0].split("-");
        String path = f.length == 6 ? f[5].stripTrailing() : "";
        return Region.unclassified(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                Perms.parse(f[1]), Long.parseUnsignedLong(f[2], 16), f[3], Long.parseLong(f[4]), path, null);
    }
}
