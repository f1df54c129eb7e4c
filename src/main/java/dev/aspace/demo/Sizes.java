package dev.aspace.demo;

import java.util.Locale;

/**
 * Sizes as people type and read them. "MB" means 2^20 bytes, as {@code free -m} and {@code pmap}
 * count.
 */
public final class Sizes {

    public static final long MB = 1L << 20;
    /** The x86_64/aarch64 user address space (47 bits): nothing larger can be mapped. */
    public static final long ADDRESS_SPACE = 1L << 47;

    private Sizes() {
    }

    /**
     * Parses a size in MB ("64", "0.5"): positive, a number, within the address space.
     *
     * @param what names the value in the message ("MB")
     * @throws IllegalArgumentException with one line naming the value and the fix
     */
    public static long parseMegabytes(String text, String what) {
        double mb;
        try {
            mb = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number of megabytes like 64 or 0.5, got '" + text + "'");
        }
        if (Double.isNaN(mb) || mb <= 0) {
            throw new IllegalArgumentException(what + " must be more than 0 MB, got '" + text + "'");
        }
        if (mb * MB >= ADDRESS_SPACE) {
            throw new IllegalArgumentException(what + " " + text + " MB is beyond the 128 TiB user address space");
        }
        return Math.max(1, (long) (mb * MB));
    }

    /**
     * Parses a size as people type it: a number with a binary unit ("64M", "64 MiB", "1.5G", "512K",
     * "4096B"); a bare number is in MiB. K, M, G, T and their KiB, MiB, GiB, TiB spellings are powers
     * of 1024.
     *
     * @param what names the value in the message ("--cgroup-limit")
     * @throws IllegalArgumentException with one line naming the value and the fix
     */
    public static long parseSize(String text, String what) {
        String t = text.strip();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        String unit = t.substring(i).strip().toUpperCase(Locale.ROOT);
        int shift = switch (unit) {
            case "B" -> 0;
            case "K", "KIB" -> 10;
            case "", "M", "MIB" -> 20;
            case "G", "GIB" -> 30;
            case "T", "TIB" -> 40;
            default -> -1;
        };
        double value;
        try {
            value = shift < 0 || i == 0 ? Double.NaN : Double.parseDouble(t.substring(0, i));
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(what + " must be a size like 64M, 64MiB, 1.5G or 512K, got '" + text + "'");
        }
        double bytes = value * (1L << shift);
        if (bytes < 1) {
            throw new IllegalArgumentException(what + " must be more than 0 bytes, got '" + text + "'");
        }
        if (bytes >= ADDRESS_SPACE) {
            throw new IllegalArgumentException(what + " " + text + " is beyond the 128 TiB user address space");
        }
        return (long) bytes;
    }

    /** 64.0 MB, 512 kB, 12 B: one decimal, binary units. */
    public static String human(long bytes) {
        long a = Math.abs(bytes);
        if (a >= (1L << 40)) {
            return String.format(Locale.ROOT, "%.1f TB", bytes / (double) (1L << 40));
        }
        if (a >= (1L << 30)) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (a >= MB) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
        }
        if (a >= 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return bytes + " B";
    }

    /** As {@link #human} with an explicit sign: +64.0 MB, -4.0 kB, 0 B. */
    public static String signed(long bytes) {
        return (bytes > 0 ? "+" : "") + human(bytes);
    }
}
