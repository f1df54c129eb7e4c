package dev.aspace.snapshot;

import java.util.Optional;

/**
 * Recognises UTF-16 text by its first bytes: a byte-order mark, or (without one) ASCII
 * characters each paired with a zero byte. Every reader here takes UTF-8, where UTF-16 text
 * reads as NULs between letters; saying so once beats each format's own confused answer.
 */
public final class Utf16Text {

    /** How many leading bytes are looked at. */
    static final int HEAD = 512;

    private Utf16Text() {
    }

    /** "little-endian, with a byte-order mark" and the like when {@code head} starts UTF-16 text, else empty. */
    public static Optional<String> describe(byte[] head, int length) {
        if (length >= 2) {
            int b0 = head[0] & 0xff;
            int b1 = head[1] & 0xff;
            if (b0 == 0xff && b1 == 0xfe && !(length >= 4 && head[2] == 0 && head[3] == 0)) {
                return Optional.of("little-endian, with a byte-order mark"); // FF FE 00 00 is UTF-32
            }
            if (b0 == 0xfe && b1 == 0xff) {
                return Optional.of("big-endian, with a byte-order mark");
            }
        }
        int pairs = length / 2;
        if (pairs < 2) {
            return Optional.empty();
        }
        int little = 0;
        int big = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            int a = head[i] & 0xff;
            int b = head[i + 1] & 0xff;
            if (b == 0 && isAsciiText(a)) {
                little++;
            } else if (a == 0 && isAsciiText(b)) {
                big++;
            }
        }
        // nearly every character of ordinary text is ASCII; a binary file (ELF, gzip) is not so regular
        if (little * 10 >= pairs * 9) {
            return Optional.of("little-endian, without a byte-order mark");
        }
        if (big * 10 >= pairs * 9) {
            return Optional.of("big-endian, without a byte-order mark");
        }
        return Optional.empty();
    }

    private static boolean isAsciiText(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f);
    }
}
