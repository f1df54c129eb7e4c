package dev.aspace.demo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people type and read them, in binary units written as such: KiB, MiB, GiB, TiB
 * (2^10, 2^20, ...), as {@code free} and {@code pmap} count. Typed sizes take a suffix (100M,
 * 1G, 512K, 100MiB); a plain number is MiB; MB, GB and kB are the decimal units (10^6, 10^9,
 * 10^3), since that is what they mean.
 */
public final class Sizes {

    public static final long KIB = 1L << 10;
    public static final long MB = 1L << 20;
    public static final long MIB = MB;
    public static final long GIB = 1L << 30;
    /** The x86_64/aarch64 user address space (47 bits): nothing larger can be mapped. */
    public static final long ADDRESS_SPACE = 1L << 47;

    private static final Pattern SIZE =
            Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*([A-Za-z]*)");

    private Sizes() {
    }

    /**
     * Parses a size: a number with an optional unit ("64", "0.5", "100M", "1G", "512KiB",
     * "100MB" = 100,000,000 bytes); a plain number is MiB. Positive and within the address space.
     *
     * @param what names the value in the message ("Size")
     * @throws IllegalArgumentException with one line naming the value and the fix
     */
    public static long parse(String text, String what) {
        Matcher m = SIZE.matcher(text.strip());
        long unit = m.matches() ? unit(m.group(2)) : -1;
        if (unit < 0) {
            throw new IllegalArgumentException(what + ": expected a size like 64M, 1G, 512K or 100MiB (a plain number is"
                    + " MiB), got '" + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be more than 0, got '" + text + "'");
        }
        if (n * unit >= ADDRESS_SPACE) {
            throw new IllegalArgumentException(what + " " + text.strip() + " is beyond the 128 TiB user address space");
        }
        return Math.max(1, (long) (n * unit));
    }

    /** Bytes per unit of a suffix, -1 when it is not one. */
    private static long unit(String suffix) {
        return switch (suffix) {
            case "", "M", "m", "Mi", "MiB", "mib", "MIB" -> MIB;
            case "K", "k", "Ki", "KiB", "kib", "KIB" -> KIB;
            case "G", "g", "Gi", "GiB", "gib", "GIB" -> GIB;
            case "T", "t", "Ti", "TiB", "tib", "TIB" -> 1L << 40;
            case "B", "b" -> 1;
            case "kB", "KB", "kb" -> 1000;
            case "MB", "mb" -> 1_000_000;
            case "GB", "gb" -> 1_000_000_000;
            default -> -1;
        };
    }

    /** 64.0 MiB, 512.0 KiB, 12 B: one decimal, binary units. */
    public static String human(long bytes) {
        long a = Math.abs(bytes);
        if (a >= (1L << 40)) {
            return String.format(Locale.ROOT, "%.1f TiB", bytes / (double) (1L << 40));
        }
        if (a >= GIB) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
        }
        if (a >= MIB) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
        }
        if (a >= KIB) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) KIB);
        }
        return bytes + " B";
    }

    /** As {@link #human} with an explicit sign: +64.0 MiB, -4.0 KiB, 0 B. */
    public static String signed(long bytes) {
        return (bytes > 0 ? "+" : "") + human(bytes);
    }
}
