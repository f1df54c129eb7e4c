package dev.aspace.ui.vm;

import dev.aspace.model.ByteSize;

import java.util.Locale;

/** How byte counts are shown: scaled to fit ({@link ByteSize}, like {@code free -h}) or in one fixed unit. */
public enum Units {
    AUTO("auto"),
    KIB("KiB"),
    MIB("MiB"),
    GIB("GiB");

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
            case AUTO -> ByteSize.format(bytes);
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

    @Override
    public String toString() {
        return displayName;
    }
}
