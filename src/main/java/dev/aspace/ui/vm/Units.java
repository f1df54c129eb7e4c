package dev.aspace.ui.vm;

import java.util.Locale;

/** How byte counts are shown: scaled to fit (like {@code free -h}) or in one fixed unit. */
public enum Units {
    AUTO("auto"),
    KIB("KiB"),
    MIB("MiB"),
    GIB("GiB");

    private static final String[] SUFFIX = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private final String displayName;

    Units(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Formats a byte count in this unit: "1.5 GiB", "2048 KiB". */
    public String format(long bytes) {
        return switch (this) {
            case AUTO -> human(bytes);
            case KIB -> fixed(bytes, 10, "KiB");
            case MIB -> fixed(bytes, 20, "MiB");
            case GIB -> fixed(bytes, 30, "GiB");
        };
    }

    private static String fixed(long bytes, int shift, String suffix) {
        if (shift == 10) {
            return String.format(Locale.ROOT, "%,d %s", bytes >> 10, suffix);
        }
        return String.format(Locale.ROOT, "%,.1f %s", bytes / (double) (1L << shift), suffix);
    }

    /** Largest binary unit that keeps the number at least 1; one decimal below 10. */
    public static String human(long bytes) {
        if (bytes < 0) {
            return "-" + human(-bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        double v = bytes / Math.pow(1024, unit);
        String num = v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
        return num + " " + SUFFIX[unit];
    }

    /** Human form of an unsigned 64-bit quantity (a whole address space is 2^64 bytes). */
    public static String humanUnsigned(long bytes) {
        if (bytes >= 0) {
            return human(bytes);
        }
        double v = (bytes >>> 1) * 2.0 / Math.pow(1024, 6);
        return String.format(Locale.ROOT, "%.1f EiB", v);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
