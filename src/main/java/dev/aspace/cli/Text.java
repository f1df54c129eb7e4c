package dev.aspace.cli;

/**
 * The few printf conversions the procps formats need, appended to a StringBuilder without
 * {@code String.format} (which costs more than the whole pmap output for 60,000 mappings).
 */
final class Text {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

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

    /** {@code %0*lx}: lower-case hex, zero-padded to at least {@code digits}. */
    static StringBuilder hex(StringBuilder sb, long value, int digits) {
        int n = hexDigits(value);
        for (int i = n; i < digits; i++) {
            sb.append('0');
        }
        for (int shift = (n - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(int) (value >>> shift) & 0xf]);
        }
        return sb;
    }

    /** The text of {@link #hex}, for measuring column widths. */
    static String hex(long value, int digits) {
        return hex(new StringBuilder(16), value, digits).toString();
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

    static StringBuilder repeat(StringBuilder sb, char c, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(c);
        }
        return sb;
    }
}
