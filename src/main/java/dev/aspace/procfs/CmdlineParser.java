package dev.aspace.procfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code /proc/PID/cmdline} (arguments separated and ended by NUL) and {@code comm}. */
public final class CmdlineParser {

    private CmdlineParser() {
    }

    /** The arguments; empty for a kernel thread or a zombie. */
    public static List<String> arguments(byte[] text, int length) {
        List<String> args = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < length; i++) {
            if (text[i] == 0) {
                args.add(new String(text, s, i - s, StandardCharsets.UTF_8));
                s = i + 1;
            }
        }
        if (s < length) {
            // a process that rewrote its arguments (setproctitle) may leave no final NUL
            args.add(new String(text, s, length - s, StandardCharsets.UTF_8));
        }
        return args;
    }

    /** The comm file's name without its newline. */
    public static String comm(byte[] text, int length) {
        int end = length;
        while (end > 0 && text[end - 1] == '\n') {
            end--;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }
}
