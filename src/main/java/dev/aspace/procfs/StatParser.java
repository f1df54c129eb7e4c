package dev.aspace.procfs;

import dev.aspace.model.MalformedInputException;

import java.nio.charset.StandardCharsets;

/**
 * Reads {@code /proc/PID/stat}. The comm in parentheses may hold spaces and ')' itself, so the
 * fields after it are found from the last ')' of the line.
 */
public final class StatParser {

    private static final int FIELDS = 29;

    private StatParser() {
    }

    public static ProcStat parse(String source, byte[] text) {
        return parse(source, text, text.length);
    }

    public static ProcStat parse(String source, byte[] text, int length) {
        int open = -1;
        for (int i = 0; i < length; i++) {
            if (text[i] == '(') {
                open = i;
                break;
            }
        }
        int close = -1;
        for (int i = length - 1; i > open; i--) {
            if (text[i] == ')') {
                close = i;
                break;
            }
        }
        if (open < 1 || close < 0) {
            throw bad(source);
        }
        long[] f = new long[FIELDS + 1];
        f[1] = parseLong(text, 0, open - 1, source);
        int p = close + 1;
        int field = 3;
        char state = '?';
        while (field <= FIELDS) {
            while (p < length && text[p] == ' ') {
                p++;
            }
            int s = p;
            while (p < length && text[p] != ' ' && text[p] != '\n') {
                p++;
            }
            if (p == s) {
                break;
            }
            if (field == 3) {
                state = (char) (text[s] & 0xff);
            } else {
                f[field] = parseLong(text, s, p, source);
            }
            field++;
        }
        if (field <= 24) {
            throw bad(source);
        }
        String comm = new String(text, open + 1, close - open - 1, StandardCharsets.UTF_8);
        return new ProcStat((int) f[1], comm, state, (int) f[4], (int) f[5], (int) f[6], (int) f[7], (int) f[8],
                f[9], f[14], f[15], f[18], f[19], (int) f[20], f[22], f[23], f[24], f[26], f[29]);
    }

    /** A decimal that may be negative (nice, priority) or above Long.MAX_VALUE (rsslim: kept as unsigned bits). */
    private static long parseLong(byte[] b, int from, int to, String source) {
        boolean neg = from < to && b[from] == '-';
        int p = neg ? from + 1 : from;
        if (p >= to) {
            throw bad(source);
        }
        long v = 0;
        for (; p < to; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                throw bad(source);
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    private static MalformedInputException bad(String source) {
        return new MalformedInputException(source, "line 1",
                "expected 'pid (comm) state ppid ...' with at least 24 fields, as /proc/PID/stat prints it");
    }
}
