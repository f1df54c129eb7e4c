package dev.aspace.cli;

import dev.aspace.model.SystemMemory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The output of procps-ng 4.0.2 {@code free}: its fixed layout, the figures its library derives
 * from /proc/meminfo, and its scale_size, rounding included.
 */
final class FreeFormat {

    private static final char[] UNITS = {'B', 'K', 'M', 'G', 'T', 'P'};

    private FreeFormat() {
    }

    static String format(SystemMemory m, FreeOptions o) {
        Figures f = Figures.of(m);
        StringBuilder sb = new StringBuilder(512);
        sb.append(o.wide()
                ? "               total        used        free      shared     buffers       cache   available\n"
                : "               total        used        free      shared  buff/cache   available\n");
        row(sb, "Mem:", o, f.total, f.used, f.free, f.shared);
        if (o.wide()) {
            cell(sb, f.buffers, o);
            cell(sb, f.cache, o);
        } else {
            cell(sb, f.buffers + f.cache, o);
        }
        cell(sb, f.available, o).append('\n');
        if (o.lohi()) {
            row(sb, "Low:", o, f.lowTotal, f.lowUsed, f.lowFree).append('\n');
            row(sb, "High:", o, f.highTotal, f.highUsed, f.highFree).append('\n');
        }
        row(sb, "Swap:", o, f.swapTotal, f.swapUsed, f.swapFree).append('\n');
        if (o.total()) {
            row(sb, "Total:", o, f.total + f.swapTotal, f.used + f.swapUsed, f.free + f.swapFree).append('\n');
        }
        if (o.committed()) {
            row(sb, "Comm:", o, f.commitLimit, f.committedAs, f.commitLimit - f.committedAs).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code free -L} (procps-ng 4.0.3 and later): one line, each figure after a 7-character
     * head, ending in a space. The newline is the caller's, since procps ends a line of a
     * repeating run with the blank line it prints between tables.
     */
    static String line(SystemMemory m, FreeOptions o) {
        Figures f = Figures.of(m);
        StringBuilder sb = new StringBuilder(80);
        for (String head : new String[] {"SwapUse", "CachUse", " MemUse", "MemFree"}) {
            long v = switch (head) {
                case "SwapUse" -> f.swapUsed;
                case "CachUse" -> f.buffers + f.cache;
                case " MemUse" -> f.used;
                default -> f.free;
            };
            Text.right(sb.append(head).append(' '), scale(v, o), 11).append(' ');
        }
        return sb.toString();
    }

    /** A line head left-justified in 9, the first value in 11, the others in " %11s". */
    private static StringBuilder row(StringBuilder sb, String head, FreeOptions o, long first, long... rest) {
        Text.left(sb, head, 9);
        Text.right(sb, scale(first, o), 11);
        for (long v : rest) {
            cell(sb, v, o);
        }
        return sb;
    }

    private static StringBuilder cell(StringBuilder sb, long kib, FreeOptions o) {
        return Text.right(sb.append(' '), scale(kib, o), 11);
    }

    /** procps' scale_size: {@code kib} is a meminfo figure in KiB (an unsigned long in C). */
    static String scale(long kib, FreeOptions o) {
        double base = o.si() ? 1000.0 : 1024.0;
        long bytes = kib * 1024L;
        if (!o.human()) {
            return switch (o.exponent()) {
                case 0 -> Long.toString(bytes / (long) base);
                case 1 -> Long.toString(bytes);
                default -> Long.toString((long) (bytes / Math.pow(base, o.exponent() - 1)));
            };
        }
        String s = bytes + "B";
        if (s.length() <= 4) {
            return s;
        }
        for (int i = 1; i < UNITS.length; i++) {
            double scaled = bytes / Math.pow(base, i);
            // C converts to float, then printf("%.1f") rounds the exact binary value half-even
            String oneDecimal = new BigDecimal((double) (float) scaled).setScale(1, RoundingMode.HALF_EVEN)
                    .toPlainString();
            String whole = Long.toString((long) scaled);
            if (o.si()) {
                if ((s = oneDecimal + UNITS[i]).length() <= 4) {
                    return s;
                }
                if ((s = whole + UNITS[i]).length() <= 4) {
                    return s;
                }
            } else {
                if ((s = oneDecimal + UNITS[i] + "i").length() <= 5) {
                    return s;
                }
                if ((s = whole + UNITS[i] + "i").length() <= 5) {
                    return s;
                }
            }
        }
        return s;
    }

    /** The figures procps' meminfo library derives, in KiB. */
    private record Figures(long total, long used, long free, long shared, long buffers, long cache,
                           long available, long lowTotal, long lowUsed, long lowFree, long highTotal,
                           long highUsed, long highFree, long swapTotal, long swapUsed, long swapFree,
                           long commitLimit, long committedAs) {

        static Figures of(SystemMemory m) {
            long total = kib(m.memTotal());
            long free = kib(m.memFree());
            long available = kib(m.memAvailable());
            // the library: no (or zero) MemAvailable means MemFree; more than total (a container) too
            if (available == 0 || available > total) {
                available = free;
            }
            long used = total - available;
            if (used < 0) {
                used = total - free;
            }
            long cache = kib(m.cached()) + kib(m.sReclaimable());
            long lowTotal = kib(m.lowTotal());
            long lowFree = kib(m.lowFree());
            if (lowTotal == 0) {
                lowTotal = total;
                lowFree = free;
            }
            long highTotal = kib(m.highTotal());
            long highFree = kib(m.highFree());
            long swapTotal = kib(m.swapTotal());
            long swapFree = kib(m.swapFree());
            return new Figures(total, used, free, kib(m.shmem()), kib(m.buffers()), cache, available,
                    lowTotal, lowFree < lowTotal ? lowTotal - lowFree : 0, lowFree,
                    highTotal, highFree < highTotal ? highTotal - highFree : 0, highFree,
                    swapTotal, swapFree < swapTotal ? swapTotal - swapFree : 0, swapFree,
                    kib(m.commitLimit()), kib(m.committedAs()));
        }

        /** Bytes back to the kernel's KiB; a field the kernel does not print (-1) counts as 0. */
        private static long kib(long bytes) {
            return bytes < 0 ? 0 : bytes >>> 10;
        }
    }
}
