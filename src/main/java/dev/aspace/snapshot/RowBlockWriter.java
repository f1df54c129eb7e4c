package dev.aspace.snapshot;

import dev.aspace.model.Region;
import dev.aspace.model.SmapsLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the regions of a series frame as a block of unsigned LEB128 numbers (docs/snapshot-format.md,
 * "Recorded series, version 3"): every text once in a table, each row its start as the gap after
 * the row before, its size, and indexes into the table. Decoding such a row is a few dozen small
 * integer reads where a JSON row is a tokenizer's pass over 180 bytes, which is what makes a jump
 * to any frame of a large recording fast. {@link RowBlockReader} reads it back.
 */
final class RowBlockWriter {

    static final int WHOLE = 'W';
    static final int CHANGES = 'C';

    private final Map<String, Integer> texts = new HashMap<>();
    private final List<String> textOrder = new ArrayList<>();
    private final Map<List<String>, Integer> flagLists = new HashMap<>();
    private final List<List<String>> flagOrder = new ArrayList<>();
    private final Varints out = new Varints();

    private RowBlockWriter() {
    }

    /**
     * @param layout  the smaps keys of every row that has smaps values (null when none has)
     * @param removed starts of the regions gone since the frame before, or null for a whole frame
     * @throws IllegalArgumentException the rows are not in address order or overlap, a row's smaps
     *         keys are not {@code layout}'s, or a figure is negative
     */
    static void write(OutputStream to, SmapsLayout layout, List<Region> rows, long[] removed) throws IOException {
        new RowBlockWriter().writeBlock(to, layout, rows, removed);
    }

    private void writeBlock(OutputStream to, SmapsLayout layout, List<Region> rows, long[] removed)
            throws IOException {
        Varints body = new Varints();
        long end = 0;
        for (int k = 0; k < rows.size(); k++) {
            Region r = rows.get(k);
            if (k > 0 && Long.compareUnsigned(r.start(), end) < 0) {
                throw new IllegalArgumentException("region " + r.rangeText() + " starts below the end of the region"
                        + " before it: rows must be in address order and must not overlap");
            }
            body.add(r.start() - end);
            body.add(r.end() - r.start());
            body.add(text(r.perms().toString()));
            body.add(r.offset());
            body.add(text(r.device()));
            body.add(positive(r.inode(), "inode", r));
            body.add(text(r.path()));
            body.add(text(r.kind().name()));
            body.add(text(r.label()));
            if (r.smaps() == null) {
                body.add(0);
            } else {
                if (r.smaps().layout() != layout && !r.smaps().layout().equals(layout)) {
                    throw new IllegalArgumentException("region " + r.rangeText() + " has other smaps keys than the"
                            + " frame's");
                }
                body.add(flags(r.smaps().vmFlags()) + 1L);
                for (long v : r.smaps().values()) {
                    body.add(positive(v, "smaps value", r));
                }
            }
            end = r.end();
        }
        out.addByte(removed == null ? WHOLE : CHANGES);
        if (removed != null) {
            out.add(removed.length);
            for (long start : removed) {
                out.add(start);
            }
        }
        out.add(textOrder.size());
        for (String s : textOrder) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.add(b.length);
            out.addBytes(b);
        }
        out.add(flagOrder.size());
        for (List<String> list : flagOrder) {
            out.add(list.size());
            for (String f : list) {
                out.add(text(f)); // flags are in the table already: added while the rows were written
            }
        }
        out.add(rows.size());
        out.writeTo(to);
        body.writeTo(to);
    }

    private int text(String s) {
        Integer i = texts.get(s);
        if (i == null) {
            i = textOrder.size();
            texts.put(s, i);
            textOrder.add(s);
        }
        return i;
    }

    private int flags(List<String> list) {
        Integer i = flagLists.get(list);
        if (i == null) {
            for (String f : list) {
                text(f);
            }
            i = flagOrder.size();
            flagLists.put(list, i);
            flagOrder.add(list);
        }
        return i;
    }

    private static long positive(long v, String what, Region r) {
        if (v < 0) {
            throw new IllegalArgumentException("region " + r.rangeText() + " has a negative " + what + " (" + v + ")");
        }
        return v;
    }

    /** A growing buffer of unsigned LEB128 numbers. */
    private static final class Varints {
        private byte[] b = new byte[1 << 12];
        private int n;

        void add(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                b[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[n++] = (byte) v;
        }

        void addByte(int v) {
            room(1);
            b[n++] = (byte) v;
        }

        void addBytes(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, b, n, bytes.length);
            n += bytes.length;
        }

        private void room(int more) {
            if (b.length - n < more) {
                byte[] bigger = new byte[Math.max(b.length * 2, n + more)];
                System.arraycopy(b, 0, bigger, 0, n);
                b = bigger;
            }
        }

        void writeTo(OutputStream to) throws IOException {
            to.write(b, 0, n);
        }
    }
}
