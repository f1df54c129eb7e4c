package dev.aspace.snapshot;

import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;

import java.util.Arrays;
import java.util.List;

/**
 * The smaps figures of one frame's rows as they are decoded, each distinct set held once. The
 * regions of a process repeat their figures (guard pages, untouched reservations, a page or two
 * resident: two thirds of an idle JVM's 311 regions have figures another region has too), and
 * each set costs some 250 bytes a row to hold, and to copy at each collection while the frame is
 * kept. An open-addressing table sized for the frame's rows; {@link Smaps} is immutable, so
 * regions may share one.
 */
final class SharedSmaps {

    private final SmapsLayout layout;
    private final Smaps[] table;
    private final int mask;
    private int size;

    /** @param rows the rows of the frame: the table never holds more distinct sets than that */
    SharedSmaps(SmapsLayout layout, int rows) {
        this.layout = layout;
        int capacity = Integer.highestOneBit(Math.max(8, rows) * 2 - 1) << 1; // at least twice the rows
        this.table = new Smaps[capacity];
        this.mask = capacity - 1;
    }

    /**
     * The figures as a {@link Smaps}: one seen before in this frame, or a new one holding a copy of
     * {@code values} (which the caller goes on reusing).
     *
     * @param flags the row's VmFlags list, one object per list of the frame's table
     */
    Smaps of(long[] values, int flagsIndex, List<String> flags) {
        int h = Arrays.hashCode(values) * 31 + flagsIndex;
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            Smaps s = table[i];
            if (s == null) {
                s = new Smaps(layout, values.clone(), flags);
                if (size < table.length / 2) {
                    table[i] = s;
                    size++;
                }
                return s;
            }
            if (s.vmFlags() == flags && Arrays.equals(s.values(), values)) {
                return s;
            }
        }
    }
}
