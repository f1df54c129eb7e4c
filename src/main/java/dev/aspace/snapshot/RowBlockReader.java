package dev.aspace.snapshot;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a block of region rows written by {@link RowBlockWriter}, checking everything as it goes:
 * every count and text length is bounded before anything is allocated for it, every index must
 * name an entry of its table, and a row's start is the end of the row before plus a gap, so rows
 * in address order that never overlap are the only thing the block can describe. The first
 * problem stops the read, named with the row's JSON path ({@code $.regions[3]}) as a JSON frame's
 * would be.
 */
final class RowBlockReader {

    /** Four texts a row at most (device, path, label; perms and kinds repeat), and the VmFlags. */
    static final int MAX_TEXTS = 4 * SnapshotCodec.MAX_REGIONS;
    /** All the texts of one frame: far above 524,288 regions with distinct long paths and labels. */
    static final long MAX_TEXT_BYTES = 256L << 20;
    private static final int MAX_VM_FLAGS = 256;

    /** Where a problem is when it is in the row being read: {@code $.regions[row]}, made on a problem. */
    private static final String ROW = null;

    private final InputStream in;
    private final String source;
    private final SmapsLayout layout;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private String[] texts;
    private Perms[] perms;
    private RegionKind[] kinds;
    private List<List<String>> flagLists;
    /** Each distinct set of smaps figures of the block once, and the row's figures as read. */
    private SharedSmaps shared;
    private long[] values;
    private int row;

    /** The rows of a frame, and the starts it removes (null: a whole frame). */
    record Rows(List<Region> regions, long[] removed) {
    }

    private RowBlockReader(InputStream in, String source, SmapsLayout layout) {
        this.in = in;
        this.source = source;
        this.layout = layout;
    }

    /**
     * Reads the block to the end of {@code in}.
     *
     * @param layout the frame's smaps keys ({@code smapsKeys}), null when it has none
     */
    static Rows read(InputStream in, String source, SmapsLayout layout) throws IOException {
        return new RowBlockReader(in, source, layout).block();
    }

    private Rows block() throws IOException {
        int kind = next("$.regions");
        long[] removed = null;
        if (kind == RowBlockWriter.CHANGES) {
            removed = new long[count("$.removed", SnapshotCodec.MAX_REGIONS, "removed regions")];
            for (int k = 0; k < removed.length; k++) {
                removed[k] = varint("$.removed");
            }
        } else if (kind != RowBlockWriter.WHOLE) {
            throw bad("$.regions", "the rows start with neither 'W' (a whole frame) nor 'C' (changes), but byte "
                    + kind);
        }
        texts();
        flagLists();
        int n = count("$.regions", SnapshotCodec.MAX_REGIONS, "regions");
        if (layout != null) {
            shared = new SharedSmaps(layout, n);
            values = new long[layout.size()];
        }
        List<Region> out = new ArrayList<>(n);
        long end = 0;
        for (int k = 0; k < n; k++) {
            Region r = row(k, end);
            end = r.end();
            out.add(r);
        }
        if (lim - pos > 0 || fill() > 0) {
            throw bad("$", "unexpected bytes after the last of " + n + " rows");
        }
        return new Rows(out, removed);
    }

    private Region row(int k, long endBefore) throws IOException {
        row = k;
        String at = ROW; // named only if something is wrong: 60,000 rows a frame
        long start = endBefore + varint(at);
        if (k > 0 && Long.compareUnsigned(start, endBefore) < 0) {
            throw bad(at, "starts past the end of the address space");
        }
        long size = varint(at);
        long end = start + size;
        if (size == 0 || Long.compareUnsigned(end, start) <= 0) {
            throw bad(at, size == 0 ? "has size 0" : "ends past the end of the address space");
        }
        Perms p = perms(at, index(at));
        long offset = varint(at);
        String device = texts[index(at)];
        long inode = positive(at, varint(at), "inode");
        String path = texts[index(at)];
        RegionKind kind = kind(at, index(at));
        String label = texts[index(at)];
        long flags = varint(at);
        Smaps smaps = null;
        if (flags != 0) {
            if (layout == null) {
                throw bad(at, "has smaps values, but $.smapsKeys is empty");
            }
            if (Long.compareUnsigned(flags, flagLists.size()) > 0) {
                throw bad(at, "names VmFlags list " + Long.toUnsignedString(flags - 1) + " of " + flagLists.size());
            }
            for (int v = 0; v < values.length; v++) {
                values[v] = positive(at, varint(at), "smaps value");
            }
            smaps = shared.of(values, (int) flags - 1, flagLists.get((int) flags - 1));
        }
        return new Region(start, end, p, offset, device, inode, path, smaps, kind, label);
    }

    private void texts() throws IOException {
        texts = new String[count("$.regions", MAX_TEXTS, "texts")];
        perms = new Perms[texts.length];
        kinds = new RegionKind[texts.length];
        long total = 0;
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int t = 0; t < texts.length; t++) {
            int len = count("$.regions", SnapshotCodec.MAX_STRING_LENGTH, "bytes in text " + t);
            total += len;
            if (total > MAX_TEXT_BYTES) {
                throw bad("$.regions", "exceeds a safety limit: its texts take more than " + (MAX_TEXT_BYTES >> 20)
                        + " MiB");
            }
            byte[] bytes = bytes(len);
            try {
                texts[t] = utf8.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw bad("$.regions", "text " + t + " is not UTF-8");
            }
            if (texts[t].indexOf('\0') >= 0) {
                throw bad("$.regions", "text " + t + " holds a NUL character (\\u0000), which no path or name from"
                        + " the kernel can hold");
            }
        }
    }

    private void flagLists() throws IOException {
        int n = count("$.regions", SnapshotCodec.MAX_REGIONS, "VmFlags lists");
        flagLists = new ArrayList<>(Math.min(n, 1024));
        for (int f = 0; f < n; f++) {
            String[] list = new String[count("$.regions", MAX_VM_FLAGS, "VmFlags in list " + f)];
            for (int k = 0; k < list.length; k++) {
                list[k] = texts[index("$.regions")];
            }
            flagLists.add(List.of(list));
        }
    }

    private Perms perms(String at, int t) {
        if (perms[t] == null) {
            try {
                perms[t] = Perms.parse(texts[t]);
            } catch (IllegalArgumentException e) {
                throw bad(at, "expected permissions like \"r-xp\", got \"" + SnapshotReader.shorten(texts[t]) + "\"");
            }
        }
        return perms[t];
    }

    private RegionKind kind(String at, int t) {
        if (kinds[t] == null) {
            try {
                kinds[t] = RegionKind.valueOf(texts[t]);
            } catch (IllegalArgumentException e) {
                throw bad(at, "unknown region kind \"" + SnapshotReader.shorten(texts[t]) + "\" (expected one of "
                        + Arrays.toString(RegionKind.values()) + ")");
            }
        }
        return kinds[t];
    }

    private int index(String at) throws IOException {
        long i = varint(at);
        if (i >= texts.length) {
            throw bad(at, "names text " + Long.toUnsignedString(i) + " of " + texts.length);
        }
        return (int) i;
    }

    private int count(String at, int max, String what) throws IOException {
        long n = varint(at);
        if (n > max || n < 0) {
            throw bad(at, "more than " + max + " " + what + ": aspace reads at most " + max);
        }
        return (int) n;
    }

    private long positive(String at, long v, String what) {
        if (v < 0) {
            throw bad(at, what + " " + Long.toUnsignedString(v) + " out of range (expected 0 to " + Long.MAX_VALUE + ")");
        }
        return v;
    }

    /** An unsigned LEB128 number of at most 64 bits. */
    private long varint(String at) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = pos < lim ? buf[pos++] & 0xFF : next(at);
            if (shift == 63 && (b & 0xFE) != 0) {
                break;
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw bad(at, "holds a number of more than 64 bits");
    }

    /** The next byte; the block must not end here. */
    private int next(String at) throws IOException {
        if (pos == lim && fill() <= 0) {
            throw bad(at, "truncated: the frame ends inside its rows");
        }
        return buf[pos++] & 0xFF;
    }

    private byte[] bytes(int len) throws IOException {
        byte[] out = new byte[len];
        int have = 0;
        while (have < len) {
            if (pos == lim && fill() <= 0) {
                throw bad("$.regions", "truncated: the frame ends inside its texts");
            }
            int k = Math.min(len - have, lim - pos);
            System.arraycopy(buf, pos, out, have, k);
            pos += k;
            have += k;
        }
        return out;
    }

    private int fill() throws IOException {
        pos = 0;
        lim = Math.max(0, in.read(buf, 0, buf.length));
        return lim;
    }

    private MalformedInputException bad(String at, String problem) {
        return new MalformedInputException(source, at == ROW ? "$.regions[" + row + "]" : at, problem);
    }
}
