package dev.aspace.cli;

import java.io.PrintWriter;

/**
 * Output built in one StringBuilder and handed to the writer in large pieces: no per-line
 * writes, and no 12 MB buffer (and its garbage) for the 60,000 lines of a big pmap -X.
 */
final class Sink {

    private static final int FLUSH_AT = 1 << 18;

    final StringBuilder sb = new StringBuilder(FLUSH_AT + 4096);
    private final PrintWriter out;

    Sink(PrintWriter out) {
        this.out = out;
    }

    /** Called after each line: passes the text on once there is enough of it. */
    void line() {
        if (sb.length() >= FLUSH_AT) {
            out.append(sb);
            sb.setLength(0);
        }
    }

    void flush() {
        out.append(sb);
        sb.setLength(0);
        out.flush();
    }
}
