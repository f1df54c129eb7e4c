package dev.aspace.cli;

/**
 * The few printf conversions the free and ps formats need, appended to a StringBuilder without
 * {@code String.format}, and the width measures pmap's columns use (pmap itself writes bytes
 * through {@link Sink}).
 */
final class Text {

    private Text() {
    }

    /** {@code %*s}: right-justified in {@code width}, never cut. */
    static StringBuilder right(StringBuilder sb, CharSequence s, int width) {
        spaces(sb, width - s.length());
        return sb.append(s);
    }

    /** {@code %-*s}: left-justified in {@code width}, never cut. */
    static StringBuilder left(StringBuilder sb, CharSequence s, int width) {
        sb.append(s);
        return spaces(sb, width - s.length());
    }

    /** {@code %*lu}: an unsigned decimal right-justified in {@code width}, without a String per number. */
    static StringBuilder right(StringBuilder sb, long unsigned, int width) {
        if (unsigned < 0) {
            return right(sb, Long.toUnsignedString(unsigned), width);
        }
        spaces(sb, width - decimalDigits(unsigned));
        return sb.append(unsigned);
    }

    /** Number of hex digits of an unsigned value (1 for 0). */
    static int hexDigits(long value) {
        return value == 0 ? 1 : (64 - Long.numberOfLeadingZeros(value) + 3) / 4;
    }

    /** Number of decimal digits of an unsigned value (1 for 0), as procps' integer_width. */
    static int decimalDigits(long unsigned) {
        if (unsigned < 0) {
            return Long.toUnsignedString(unsigned).length();
        }
        int n = 1;
        while (unsigned >= 10) {
            unsigned /= 10;
            n++;
        }
        return n;
    }

    static StringBuilder spaces(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
        return sb;
    }
}
