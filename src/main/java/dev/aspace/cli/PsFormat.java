package dev.aspace.cli;

import dev.aspace.backend.ProcessRow;

import java.util.List;

/**
 * The output of procps-ng {@code ps auxw} with its output not a terminal (no width limit): the
 * columns of the BSD {@code u} format and procps' show_one_proc placement, in which a value
 * wider than its column pushes the next ones right until a column with room takes it back.
 */
final class PsFormat {

    private enum Just { LEFT, RIGHT, UNLIMITED }

    private static final String[] NAMES = {"USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START",
        "TIME", "COMMAND"};
    private static final Just[] JUST = {Just.LEFT, Just.RIGHT, Just.RIGHT, Just.RIGHT, Just.RIGHT, Just.RIGHT,
        Just.LEFT, Just.LEFT, Just.RIGHT, Just.RIGHT, Just.UNLIMITED};

    private final int[] widths;

    /** @param pidWidth digits of the largest PID the kernel hands out (/proc/sys/kernel/pid_max) */
    PsFormat(int pidWidth) {
        this.widths = new int[] {8, pidWidth, 4, 4, 6, 5, 8, 4, 5, 6, 0};
    }

    String format(List<ProcessRow> rows) {
        StringBuilder sb = new StringBuilder(128 * (rows.size() + 1));
        line(sb, NAMES);
        for (ProcessRow r : rows) {
            line(sb, values(r));
        }
        return sb.toString();
    }

    static String[] values(ProcessRow r) {
        return new String[] {user(r.user()), Integer.toString(r.pid()), cpu(r.cpuPercent()), mem(r.memPercent()),
            Long.toString(r.vsz()), Long.toString(r.rss()), r.tty(), r.stat(), r.start(), r.time(), r.command()};
    }

    /** procps' show_one_proc: "correct" is where a column should start, "actual" where it does. */
    private void line(StringBuilder sb, String[] cells) {
        int correct = 0;
        int actual = 0;
        int dospace = 0;
        for (int i = 0; i < cells.length; i++) {
            String s = cells[i];
            int leftpad = JUST[i] == Just.RIGHT ? Math.max(0, widths[i] - s.length()) : 0;
            int space = correct - actual + leftpad;
            if (space < 1) {
                space = dospace;
            }
            Text.spaces(sb, space).append(s);
            actual += space + s.length();
            correct += widths[i] + 1;
            dospace = 1;
        }
        sb.append('\n');
    }

    /** A name longer than the column ends in '+' (procps 3.3.11 and later). */
    private static String user(String name) {
        return name.length() > 8 ? name.substring(0, 7) + "+" : name;
    }

    /** %CPU in tenths, cut (not rounded) as procps does; from 100% on, whole percents. */
    static String cpu(double percent) {
        long tenths = (long) Math.floor(percent * 10 + 1e-6);
        return tenths > 999 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }

    /** %MEM as {@code "%2u.%u"} of tenths, at most 99.9. */
    static String mem(double percent) {
        long tenths = Math.min(999, (long) Math.floor(percent * 10 + 1e-6));
        String whole = Long.toString(tenths / 10);
        return (whole.length() < 2 ? " " + whole : whole) + "." + tenths % 10;
    }
}
