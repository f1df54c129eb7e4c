package dev.aspace.snapshot.series;

import dev.aspace.model.ByteSize;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotCodec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The frames of a version 2 or 3 series. Opening walks the frame heads (49 bytes each, skipping the
 * compressed snapshots), so it reads a few bytes per frame however large the file; a frame is
 * decoded when asked for, from its key frame or from a frame decoded before (frames holding
 * about 70,000 rows are kept, at most 64; they share their unchanged regions), the next frame
 * of the chain parsed on a second thread while one is rebuilt. A damaged head
 * is stepped over by searching for the next frame's magic; a damaged frame (its CRC-32 does not
 * match, or it does not decode) is reported when it, or a frame that builds on it, is asked for.
 */
final class RecordFrames {

    private final Path file;
    /** Version 3 frames hold their rows as a block of numbers; version 2 frames as JSON. */
    private final boolean rowBlocks;
    private final String name;
    /** By frame number; null where a frame is missing (its head was damaged). */
    private final FrameRecord[] heads;
    private final long[] offsets;
    private final String truncation;
    private final FrameCache cache = new FrameCache();
    /** The rows the last {@link #decode} read from its frame (what the frame adds to the cache). */
    private long lastRows;

    private RecordFrames(Path file, int version, FrameRecord[] heads, long[] offsets, String truncation) {
        this.file = file;
        this.rowBlocks = version >= 3;
        this.name = file.toString();
        this.heads = heads;
        this.offsets = offsets;
        this.truncation = truncation;
    }

    /** Indexes the frames that start at {@code from}. */
    static RecordFrames open(Path file, int version, FileChannel ch, long from) throws IOException {
        String name = file.toString();
        long size = ch.size();
        List<FrameRecord> heads = new ArrayList<>();
        long[] offsets = new long[64];
        long pos = from;
        String truncation = "";
        ByteBuffer b = ByteBuffer.allocate(FrameRecord.HEAD_BYTES);
        while (pos < size) {
            FrameRecord h = size - pos < FrameRecord.HEAD_BYTES ? null : head(ch, b, pos);
            int expected = heads.size();
            if (h != null && h.index() >= expected && pos + FrameRecord.HEAD_BYTES + h.length() <= size) {
                if (h.index() >= SeriesReader.MAX_FRAMES) {
                    throw new MalformedInputException(name, "frame " + h.index(), "more than " + SeriesReader.MAX_FRAMES
                            + " frames: not a series aspace records (it stops long before)");
                }
                while (heads.size() < h.index()) {
                    heads.add(null); // frames whose heads were damaged
                }
                if (offsets.length <= h.index()) {
                    offsets = Arrays.copyOf(offsets, Math.max(offsets.length * 2, h.index() + 1));
                }
                offsets[h.index()] = pos + FrameRecord.HEAD_BYTES;
                heads.add(h);
                pos += FrameRecord.HEAD_BYTES + h.length();
                continue;
            }
            long next = nextMagic(ch, pos + 1, size);
            if (next < 0) {
                truncation = "frame " + expected + " is cut off after " + ByteSize.format(size - pos)
                        + " (the recorder stopped while writing it): skipped"
                        + (expected == 0 ? "" : "; frames 0 to " + (expected - 1) + " are whole");
                break;
            }
            pos = next; // a damaged head: go on from the next frame that can be found
        }
        return new RecordFrames(file, version, heads.toArray(new FrameRecord[0]), Arrays.copyOf(offsets, heads.size()),
                truncation);
    }

    /**
     * Frame 0 alone, when the first record at {@code from} is its whole key frame; null otherwise.
     * Reads that record only, so it costs the same however many frames follow.
     */
    static Snapshot first(Path file, int version, FileChannel ch, long from) throws IOException {
        long size = ch.size();
        if (size - from < FrameRecord.HEAD_BYTES) {
            return null;
        }
        FrameRecord h = head(ch, ByteBuffer.allocate(FrameRecord.HEAD_BYTES), from);
        if (h == null || h.index() != 0 || !h.key() || from + FrameRecord.HEAD_BYTES + h.length() > size) {
            return null;
        }
        return new RecordFrames(file, version, new FrameRecord[] {h}, new long[] {from + FrameRecord.HEAD_BYTES}, "")
                .frame(0);
    }

    private static FrameRecord head(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        b.clear();
        while (b.hasRemaining() && ch.read(b, pos + b.position()) > 0) {
            // positional reads until the head is in
        }
        if (b.hasRemaining()) {
            return null;
        }
        b.flip();
        return FrameRecord.parse(b);
    }

    /** Where the next frame magic starts at or after {@code from}, or -1. */
    private static long nextMagic(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        long pos = from;
        while (pos < size) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                return -1;
            }
            byte[] a = buf.array();
            for (int k = 0; k + 3 < n; k++) {
                if (((a[k] & 0xff) << 24 | (a[k + 1] & 0xff) << 16 | (a[k + 2] & 0xff) << 8 | (a[k + 3] & 0xff))
                        == FrameRecord.MAGIC) {
                    return pos + k;
                }
            }
            pos += Math.max(1, n - 3);
        }
        return -1;
    }

    int size() {
        return heads.length;
    }

    String truncation() {
        return truncation;
    }

    /**
     * The frames' summaries, from their heads. A frame whose head is damaged shows as empty (no
     * regions, no memory) at the time of the frame before; asking for it says it is damaged.
     */
    List<FrameSummary> summaries() {
        List<FrameSummary> out = new ArrayList<>(heads.length);
        Instant last = Instant.EPOCH;
        for (int i = 0; i < heads.length; i++) {
            FrameSummary s = heads[i] == null ? new FrameSummary(i, last, 0, 0, 0) : heads[i].summary();
            last = s.takenAt();
            out.add(s);
        }
        return out;
    }

    /** Frame {@code i}, rebuilt from the nearest frame before it that is whole or already decoded. */
    synchronized Snapshot frame(int i) {
        String where = where(i);
        int key = i;
        while (key >= 0 && heads[key] != null && !heads[key].key() && !cache.contains(key)) {
            key--;
        }
        if (key < 0 || heads[key] == null) {
            int missing = Math.max(key, 0);
            throw new MalformedInputException(where, "", (missing == i ? "is damaged: its head cannot be read"
                    : "cannot be rebuilt: it holds changes to frame " + missing + ", which is damaged")
                    + nextWhole(i));
        }
        Snapshot s = cache.get(key);
        int from = s == null ? key : key + 1;
        // the frame after the one being rebuilt is read and parsed on a second thread meanwhile (one
        // ahead, so memory holds at most two parsed frames however long the chain)
        CompletableFuture<SnapshotCodec.Frame> ahead = null;
        for (int j = from; j <= i; j++) {
            CompletableFuture<SnapshotCodec.Frame> mine = ahead;
            ahead = j < i ? parseLater(j + 1) : null;
            int at = j;
            s = decode(j, s, i, mine == null ? () -> parse(at) : () -> join(mine));
            cache.put(j, s, lastRows);
        }
        return s;
    }

    private CompletableFuture<SnapshotCodec.Frame> parseLater(int j) {
        return CompletableFuture.supplyAsync(() -> parse(j));
    }

    /** Reads frame {@code j}'s record, checks its CRC and parses it (what it holds, not yet applied). */
    private SnapshotCodec.Frame parse(int j) {
        String where = where(j);
        try {
            FrameRecord h = heads[j];
            byte[] payload = new byte[h.length()];
            ByteBuffer b = ByteBuffer.wrap(payload);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                while (b.hasRemaining() && ch.read(b, offsets[j] + b.position()) > 0) {
                    // positional reads until the frame is in
                }
            }
            if (b.hasRemaining() || FrameRecord.crc(payload, 0, payload.length) != h.crc()) {
                throw new MalformedInputException(where, "", "is damaged: its checksum does not match its bytes");
            }
            ByteArrayInputStream in = new ByteArrayInputStream(payload);
            return rowBlocks ? SnapshotCodec.readRowsFrame(in, where) : SnapshotCodec.readFrame(in, where);
        } catch (IOException e) {
            throw new MalformedInputException(where, "", "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    private static SnapshotCodec.Frame join(CompletableFuture<SnapshotCodec.Frame> parsed) {
        try {
            return parsed.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private Snapshot decode(int j, Snapshot before, int asked, Supplier<SnapshotCodec.Frame> parsed) {
        String where = where(j);
        FrameRecord h = heads[j];
        try {
            SnapshotCodec.Frame f = parsed.get();
            Snapshot s = f.snapshot();
            lastRows = s.regions().size();
            if (f.removed() == null) {
                return checked(s, h, where);
            }
            if (before == null) {
                throw new MalformedInputException(where, "$.removed", "holds changes, but its head says it is whole");
            }
            try {
                return checked(s.withRegions(Deltas.apply(before.regions(), s.regions(), f.removed())), h, where);
            } catch (IllegalArgumentException e) {
                throw new MalformedInputException(where, "$.regions", "does not fit on frame " + (j - 1) + ": "
                        + e.getMessage());
            }
        } catch (MalformedInputException e) {
            if (j == asked) {
                throw e;
            }
            throw new MalformedInputException(where(asked), "", "cannot be rebuilt: it builds on frame " + j
                    + ", which is damaged (" + e.getMessage() + ")" + nextWhole(asked), e);
        }
    }

    private static Snapshot checked(Snapshot s, FrameRecord h, String where) {
        if (s.regions().size() != h.summary().regions()) {
            throw new MalformedInputException(where, "", "rebuilt with " + s.regions().size() + " regions, but its"
                    + " head says " + h.summary().regions() + ": the frames before it are damaged");
        }
        return s;
    }

    private String nextWhole(int i) {
        for (int k = i + 1; k < heads.length; k++) {
            if (heads[k] != null && heads[k].key()) {
                return "; frames from " + k + " on (the next whole frame) read again";
            }
        }
        return "";
    }

    private String where(int i) {
        return name + " frame " + i;
    }
}
