package dev.aspace.layout;

import java.util.Locale;

/** Byte counts as people read them: "4 KiB", "1.5 GiB", "22.3 TiB" (binary units). */
public final class SizeFormat {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private SizeFormat() {
    }

    /** Formats an unsigned byte count: whole numbers without decimals, others with one. */
    public static String bytes(long unsignedBytes) {
        if (unsignedBytes >= 0 && unsignedBytes < 1024) {
            return unsignedBytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(unsignedBytes)) / 10;
        boolean exact = (unsignedBytes & ((1L << (10 * unit)) - 1)) == 0;
        double value = Unsigned.toDouble(unsignedBytes) / Math.scalb(1.0, 10 * unit);
        if (exact) {
            return Unsigned.fromDouble(value) + " " + UNITS[unit];
        }
        String text = String.format(Locale.ROOT, "%.1f", value);
        if (text.equals("1024.0") && unit + 1 < UNITS.length) {
            return "1 " + UNITS[unit + 1];
        }
        return text + " " + UNITS[unit];
    }

    /** Size of the inclusive range [first, last], which may be all 2^64 bytes ("16 EiB"). */
    public static String inclusive(long first, long last) {
        long count = last - first + 1;
        if (count == 0) {
            return "16 EiB";
        }
        return bytes(count);
    }
}
