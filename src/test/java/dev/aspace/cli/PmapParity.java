package dev.aspace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares aspace's pmap output with procps' for the same stopped process, line for line.
 *
 * <p>Every line must be identical, with one exception the issue explains: Pss, SwapPss,
 * Pss_Dirty and the Shared_Clean/Private_Clean split depend on how many processes map a page at
 * that instant, and the two readers are themselves such processes (procps pmap maps libc and the
 * locale files the target maps too). For a line that differs, the columns other than those must
 * still be equal and at the same place; those columns may differ by a little (at most 64 kB or a
 * fifth of the value), their widths may differ only as the column's header shows, and
 * Shared_Clean + Private_Clean must still sum to the same figure.
 */
final class PmapParity {

    private static final Set<String> TOLERANT = Set.of("Pss", "SwapPss", "Pss_Dirty", "Shared_Clean", "Private_Clean");
    /** Address, Perm, Offset, Device, Inode come before the value columns. */
    private static final int FIXED_COLUMNS = 5;

    private PmapParity() {
    }

    static void assertSame(String what, List<String> expected, List<String> actual) {
        assertSame(what, expected, actual, null);
    }

    /**
     * @param quietColumns for -q output, which has no header: the column names of the same
     *                     format without -q; null otherwise
     */
    static void assertSame(String what, List<String> expected, List<String> actual, List<String> quietColumns) {
        if (expected.equals(actual)) {
            return;
        }
        assertEquals(expected.size(), actual.size(), what + ": line count\nexpected:\n" + head(expected)
                + "\nactual:\n" + head(actual));
        List<String> header = quietColumns;
        int[] deltas = null;
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            boolean isHeader = e.trim().startsWith("Address") && e.endsWith("Mapping") && e.contains("Inode");
            if (isHeader) {
                header = tokens(e, Integer.MAX_VALUE);
                assertEquals(header, tokens(a, Integer.MAX_VALUE), what + ": header line " + (i + 1));
                deltas = deltas(e, a, header.size());
                for (int c = 0; c < header.size(); c++) {
                    if (deltas[c] != (c == 0 ? 0 : deltas[c - 1]) && !TOLERANT.contains(header.get(c))) {
                        fail(what + ": column " + header.get(c) + " has another width\nexpected: " + e + "\nactual:   " + a);
                    }
                }
                continue;
            }
            if (e.equals(a)) {
                continue;
            }
            if (header == null) {
                fail(what + ": line " + (i + 1) + " differs\nexpected: " + e + "\nactual:   " + a);
            }
            if (deltas == null) {
                // -q: no header to show the widths; learn them from this line, hold every other line to them
                deltas = deltas(e, a, header.size() - 1);
                for (int c = 1; c < deltas.length; c++) {
                    if (deltas[c] != deltas[c - 1] && !TOLERANT.contains(header.get(c))) {
                        fail(what + ": column " + header.get(c) + " has another width\nexpected: " + e + "\nactual:   " + a);
                    }
                }
            }
            compareSmapsLine(what + ": line " + (i + 1), header, deltas, e, a);
        }
    }

    private static void compareSmapsLine(String where, List<String> header, int[] deltas, String e, String a) {
        String msg = where + "\nexpected: " + e + "\nactual:   " + a;
        boolean footer = e.startsWith(" ") && (e.trim().startsWith("=") || e.trim().endsWith("KB"));
        int firstColumn = footer ? FIXED_COLUMNS : 0;
        int columns = header.size() - 1 - firstColumn; // Mapping is text, compared whole
        List<String> te = tokens(e, footer ? Integer.MAX_VALUE : columns);
        List<String> ta = tokens(a, footer ? Integer.MAX_VALUE : columns);
        int[] ende = ends(e, te.size());
        int[] enda = ends(a, ta.size());
        assertEquals(te.size(), ta.size(), msg);
        long cleanE = 0;
        long cleanA = 0;
        for (int k = 0; k < te.size(); k++) {
            int col = Math.min(firstColumn + k, header.size() - 1);
            String name = header.get(col);
            boolean mapping = !footer && k == columns;
            if (mapping) {
                assertEquals(e.substring(ende[k - 1]), a.substring(enda[k - 1]), msg);
                break;
            }
            int delta = footer && te.get(k).equals("KB") ? deltas[lastValueColumn(header)] : deltas[col];
            assertEquals(delta, enda[k] - ende[k], msg + "\n(column " + name + " is not where procps puts it)");
            if (TOLERANT.contains(name) && !te.get(k).startsWith("=")) {
                long x = Long.parseLong(te.get(k));
                long y = Long.parseLong(ta.get(k));
                assertTrue(Math.abs(x - y) <= Math.max(64, Math.max(x, y) / 5), msg + "\n(" + name + " differs by more than the tolerance)");
                if (name.endsWith("_Clean")) {
                    cleanE += x;
                    cleanA += y;
                }
            } else if (!TOLERANT.contains(name)) {
                assertEquals(te.get(k), ta.get(k), msg + "\n(column " + name + ")");
            }
        }
        assertEquals(cleanE, cleanA, msg + "\n(Shared_Clean + Private_Clean must not change)");
    }

    private static int lastValueColumn(List<String> header) {
        int last = header.size() - 2;
        return header.get(last).equals("VmFlags") ? last - 1 : last;
    }

    /** End positions of the first n tokens. */
    private static int[] ends(String line, int n) {
        int[] ends = new int[n];
        int k = 0;
        int i = 0;
        while (k < n && i < line.length()) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            while (i < line.length() && line.charAt(i) != ' ') {
                i++;
            }
            ends[k++] = i;
        }
        return ends;
    }

    private static int[] deltas(String e, String a, int n) {
        int[] x = ends(e, n);
        int[] y = ends(a, n);
        int[] d = new int[n];
        for (int c = 0; c < n; c++) {
            d[c] = y[c] - x[c];
        }
        return d;
    }

    /** The first n space-separated tokens, then (for data lines) the rest as one token. */
    private static List<String> tokens(String line, int n) {
        List<String> t = new ArrayList<>();
        int i = 0;
        while (i < line.length() && t.size() < n) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            int s = i;
            while (i < line.length() && line.charAt(i) != ' ') {
                i++;
            }
            if (i > s) {
                t.add(line.substring(s, i));
            }
        }
        if (n != Integer.MAX_VALUE) {
            t.add(i < line.length() ? line.substring(i + 1) : "");
        }
        return t;
    }

    private static String head(List<String> lines) {
        return String.join("\n", lines.subList(0, Math.min(12, lines.size())));
    }
}
