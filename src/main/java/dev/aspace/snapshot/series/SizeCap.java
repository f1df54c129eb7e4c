package dev.aspace.snapshot.series;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A series' size cap as people type it: "50M", "1G", "512K", "1.5GiB" or plain bytes; units are binary. */
public final class SizeCap {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([KMGT])(?:I?B)?|B)?");
    /** Below this not even the header and one frame of a tiny process fit. */
    public static final long MIN = 4 * 1024;

    private SizeCap() {
    }

    /** @throws IllegalArgumentException one line saying what was expected */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a size like 50M, 1G, 512K or a number of bytes was expected, got '"
                    + text + "'");
        }
        int shift = m.group(2) == null ? 0 : 10 * ("KMGT".indexOf(m.group(2)) + 1);
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(2, shift);
        if (bytes < MIN) {
            throw new IllegalArgumentException("the size cap must be at least 4K, got '" + text + "'");
        }
        if (bytes >= 0x1p62) {
            throw new IllegalArgumentException("the size cap '" + text + "' is beyond any disk");
        }
        return (long) bytes;
    }
}
