package dev.aspace.snapshot.importers;

import java.util.Arrays;

/**
 * Character-level scanning of one line: tokens by whitespace, hex and decimal numbers, without
 * regular expressions or substrings per field (big files have millions of fields).
 */
final class Scan {

    private Scan() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int tokenEnd(String s, int i) {
        while (i < s.length() && !isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isHex(String s, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String s, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Unsigned 64-bit hex; leading zeros allowed, more than 16 significant digits refused. */
    static long hex(String s, int from, int to) {
        while (to - from > 16 && s.charAt(from) == '0') {
            from++;
        }
        if (to - from > 16 || to <= from) {
            throw new NumberFormatException("'" + s.substring(from, to) + "' is not a 64-bit hex number");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            if (d < 0 || d > 15) {
                throw new NumberFormatException("'" + s.substring(from, to) + "' is not a hex number");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** Non-negative decimal that fits a long. */
    static long dec(String s, int from, int to) {
        if (to <= from) {
            throw new NumberFormatException("missing number");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("'" + s.substring(from, to) + "' is not a number");
            }
            if (v > (Long.MAX_VALUE - 9) / 10) {
                throw new NumberFormatException("'" + s.substring(from, to) + "' is absurdly large");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** kB to bytes, refusing sizes past 2^63 (a hostile or corrupt number). */
    static long kib(long kb) {
        if (kb > (Long.MAX_VALUE >> 10)) {
            throw new NumberFormatException(kb + " kB is absurdly large");
        }
        return kb << 10;
    }

    /** Whitespace-separated tokens of a line as start/end pairs: [s0, e0, s1, e1, ...]. */
    static int[] tokens(String s) {
        int[] out = new int[16];
        int n = 0;
        int i = skipSpaces(s, 0);
        while (i < s.length()) {
            int e = tokenEnd(s, i);
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = i;
            out[n++] = e;
            i = skipSpaces(s, e);
        }
        return Arrays.copyOf(out, n);
    }

    /** A size in kB that {@link #dec} reads: digits, at most 18 of them (a total past that is not real). */
    static boolean isKilobytes(String v) {
        return !v.isEmpty() && v.length() <= 18 && isDigits(v, 0, v.length());
    }

    static String token(String s, int[] t, int k) {
        return s.substring(t[2 * k], t[2 * k + 1]);
    }

    /** The line from {@code from} without trailing whitespace. */
    static String rest(String s, int from) {
        int e = s.length();
        while (e > from && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return from >= e ? "" : s.substring(from, e);
    }

    static boolean isBlank(String s) {
        return skipSpaces(s, 0) == s.length();
    }
}
