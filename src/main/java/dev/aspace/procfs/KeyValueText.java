package dev.aspace.procfs;

import java.nio.charset.StandardCharsets;

/**
 * Walks {@code Key:<spaces or tabs>value} lines, the form of {@code /proc/PID/status} and
 * {@code /proc/meminfo}, byte by byte. Lines without a colon are skipped (meminfo of old kernels
 * starts with a table header).
 */
public final class KeyValueText {

    /** Called once per line with the key and the bounds of its value (leading blanks skipped). */
    interface Visitor {
        void entry(String key, byte[] text, int valueFrom, int valueTo, int line);
    }

    private KeyValueText() {
    }

    public static void walk(byte[] text, int length, Visitor visitor) {
        int p = 0;
        int line = 0;
        while (p < length) {
            line++;
            int eol = p;
            while (eol < length && text[eol] != '\n') {
                eol++;
            }
            int colon = p;
            while (colon < eol && text[colon] != ':') {
                colon++;
            }
            if (colon < eol && colon > p) {
                int v = colon + 1;
                while (v < eol && (text[v] == ' ' || text[v] == '\t')) {
                    v++;
                }
                int vEnd = eol;
                while (vEnd > v && (text[vEnd - 1] == ' ' || text[vEnd - 1] == '\t')) {
                    vEnd--;
                }
                visitor.entry(new String(text, p, colon - p, StandardCharsets.ISO_8859_1), text, v, vEnd, line);
            }
            p = eol + 1;
        }
    }

    /**
     * The leading decimal number of {@code text[from, to)}, times 1024 when followed by " kB";
     * -1 when there is no number.
     */
    public static long number(byte[] text, int from, int to) {
        long v = 0;
        int p = from;
        while (p < to && p - from < 19 && text[p] >= '0' && text[p] <= '9') {
            v = v * 10 + (text[p] - '0');
            p++;
        }
        if (p == from) {
            return -1;
        }
        if (p + 3 <= to && text[p] == ' ' && text[p + 1] == 'k' && text[p + 2] == 'B') {
            return v * 1024;
        }
        return v;
    }

    public static String string(byte[] text, int from, int to) {
        return new String(text, from, to - from, StandardCharsets.UTF_8);
    }
}
