package dev.aspace.cli;

/**
 * Parses pmap's {@code -A low,high} the way procps does with {@code strtoul(s, &end, 16)}: an
 * empty side keeps what it was (the default, or what an earlier -A set), a single value is both
 * low and high, and anything left over after the hex number is an error.
 */
final class PmapRange {

    private PmapRange() {
    }

    /**
     * @return {low, high}
     * @throws IllegalArgumentException with the reason when the text is not a range
     */
    static long[] parse(String text) {
        return parse(text, 0, -1L);
    }

    /**
     * One more {@code -A}: procps applies each in turn to the same two bounds.
     *
     * @return {low, high}, each side as the text says or as it was when that side is empty
     * @throws IllegalArgumentException with the reason when the text is not a range
     */
    static long[] parse(String text, long low, long high) {
        int comma = text.indexOf(',');
        String a = comma < 0 ? text : text.substring(0, comma);
        String b = comma < 0 ? text : text.substring(comma + 1);
        long newLow = a.isEmpty() ? low : parseHex(a, text);
        long newHigh = b.isEmpty() ? high : parseHex(b, text);
        return new long[] {newLow, newHigh};
    }

    /** strtoul base 16: leading blanks, a sign, an optional 0x, hex digits, nothing after. */
    private static long parseHex(String s, String whole) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x'
                && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
        }
        int digitsStart = i;
        long value = 0;
        boolean overflow = false;
        while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
            if ((value >>> 60) != 0) {
                overflow = true;
            }
            value = (value << 4) | Character.digit(s.charAt(i), 16);
            i++;
        }
        if (i == digitsStart || i != n) {
            throw new IllegalArgumentException("failed to parse argument: '" + whole
                    + "' (expected -A LOW,HIGH with hexadecimal addresses, e.g. -A 7f0000000000,7fffffffffff)");
        }
        if (overflow) {
            return -1L;
        }
        return negative ? -value : value;
    }
}
