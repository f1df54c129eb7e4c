package dev.aspace.procfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The flag lists of {@code VmFlags:} lines. A process has only a handful of distinct lines, so
 * each distinct line becomes one immutable list shared by every region that has it.
 */
final class VmFlagsCache {

    private final ByteStrings flags = new ByteStrings(128);
    private byte[][] lines = new byte[16][];
    private List<?>[] lists = new List<?>[16];
    private int count;
    private int last;

    /** The flags of the text after {@code VmFlags:}, i.e. {@code b[from, to)}. */
    @SuppressWarnings("unchecked")
    List<String> get(byte[] b, int from, int to) {
        if (last < count && Arrays.equals(lines[last], 0, lines[last].length, b, from, to)) {
            return (List<String>) lists[last];
        }
        for (int i = 0; i < count; i++) {
            if (Arrays.equals(lines[i], 0, lines[i].length, b, from, to)) {
                last = i;
                return (List<String>) lists[i];
            }
        }
        List<String> parsed = split(b, from, to);
        if (count == lines.length) {
            if (count >= 256) {
                return parsed; // a pathological input: stop remembering
            }
            lines = Arrays.copyOf(lines, count * 2);
            lists = Arrays.copyOf(lists, count * 2);
        }
        lines[count] = Arrays.copyOfRange(b, from, to);
        lists[count] = parsed;
        last = count++;
        return parsed;
    }

    private List<String> split(byte[] b, int from, int to) {
        List<String> out = new ArrayList<>(24);
        int p = from;
        while (p < to) {
            while (p < to && b[p] == ' ') {
                p++;
            }
            int s = p;
            while (p < to && b[p] != ' ') {
                p++;
            }
            if (p > s) {
                out.add(flags.get(b, s, p));
            }
        }
        return List.copyOf(out);
    }
}
