package dev.aspace.procfs;

/**
 * Reads {@code /proc/PID/task/TID/syscall}: {@code nr arg1 .. arg6 sp pc} for a thread blocked in
 * a system call, {@code -1 sp pc} for one blocked outside, {@code running} for one on a CPU.
 * The stack pointer is the second-to-last field.
 */
public final class SyscallParser {

    private SyscallParser() {
    }

    /** The user stack pointer, or 0 when the thread is running or the text has none. */
    public static long stackPointer(byte[] text, int length) {
        int end = length;
        while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == ' ')) {
            end--;
        }
        // walk back over the last field (pc), then the spaces, to the end of sp
        int p = end;
        while (p > 0 && text[p - 1] != ' ') {
            p--;
        }
        int spEnd = p;
        while (spEnd > 0 && text[spEnd - 1] == ' ') {
            spEnd--;
        }
        int spStart = spEnd;
        while (spStart > 0 && text[spStart - 1] != ' ') {
            spStart--;
        }
        if (spStart == spEnd || spEnd - spStart < 3 || text[spStart] != '0' || text[spStart + 1] != 'x') {
            return 0;
        }
        long v = 0;
        for (int i = spStart + 2; i < spEnd; i++) {
            byte c = text[i];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else {
                return 0;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
