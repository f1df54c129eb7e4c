package dev.aspace.snapshot;

/** Addresses and offsets in snapshot files: "0x" and lowercase hex digits, unsigned 64-bit. */
final class Hex {

    private Hex() {
    }

    static String format(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** The value, or null when the text is not "0x" followed by 1 to 16 hex digits. */
    static Long parse(String text) {
        if (text.length() < 3 || text.length() > 18 || text.charAt(0) != '0' || text.charAt(1) != 'x') {
            return null;
        }
        long v = 0;
        for (int i = 2; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return null;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
