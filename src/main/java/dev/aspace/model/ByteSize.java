package dev.aspace.model;

import java.util.Locale;

/** Sizes for people: binary units, one decimal where it helps ("4 KiB", "1.5 GiB", "22.3 TiB"). */
public final class ByteSize {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSize() {
    }

    /** Formats a byte count; negative values keep their sign ("-12.0 MiB"). */
    public static String format(long bytes) {
        if (bytes < 0) {
            return bytes == Long.MIN_VALUE ? "-8 EiB" : "-" + format(-bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        double value = bytes / Math.pow(1024, unit);
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%d %s", (long) value, UNITS[unit]);
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Unsigned variant for address-space lengths up to 2^64 - 1. */
    public static String formatUnsigned(long bytes) {
        if (bytes >= 0) {
            return format(bytes);
        }
        double value = (bytes >>> 1) * 2.0 / Math.pow(1024, 6);
        return String.format(Locale.ROOT, "%.1f EiB", value);
    }

    /** A signed delta with an explicit plus sign: "+64.0 MiB", "-4 KiB", "±0 B". */
    public static String delta(long bytes) {
        return bytes > 0 ? "+" + format(bytes) : bytes == 0 ? "±0 B" : format(bytes);
    }
}
