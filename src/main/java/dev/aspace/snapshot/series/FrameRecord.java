package dev.aspace.snapshot.series;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * The fixed head of one frame in a version 2 or 3 series: a magic, the frame's number, key or delta,
 * the length and CRC-32 of the compressed snapshot that follows, and the frame's summary, so
 * that opening a series indexes it and draws its timeline without decoding a single frame.
 *
 * @param index   the frame's number, from 0
 * @param key     true: a whole snapshot; false: what changed since frame {@code index - 1}
 * @param length  bytes of compressed snapshot after the head
 * @param crc     CRC-32 of those bytes
 * @param summary what the timeline shows of the frame
 */
record FrameRecord(int index, boolean key, int length, int crc, FrameSummary summary) {

    /** "ASFR": a reader that lost its place finds the next frame by it. */
    static final int MAGIC = 0x41534652;
    static final int HEAD_BYTES = 4 + 4 + 1 + 4 + 4 + 8 + 4 + 4 + 8 + 8;
    /** A frame's snapshot is at most the snapshot reader's 1 GiB; compressed far less. */
    static final int MAX_LENGTH = 1 << 30;

    byte[] head() {
        ByteBuffer b = ByteBuffer.allocate(HEAD_BYTES);
        b.putInt(MAGIC).putInt(index).put((byte) (key ? 'K' : 'D')).putInt(length).putInt(crc);
        b.putLong(summary.takenAt().getEpochSecond()).putInt(summary.takenAt().getNano());
        b.putInt(summary.regions()).putLong(summary.rss()).putLong(summary.vmSize());
        return b.array();
    }

    static int crc(byte[] payload, int off, int len) {
        CRC32 c = new CRC32();
        c.update(payload, off, len);
        return (int) c.getValue();
    }

    /** The head at the buffer's position, or null when it is not one (no magic, impossible values). */
    static FrameRecord parse(ByteBuffer b) {
        if (b.getInt() != MAGIC) {
            return null;
        }
        int index = b.getInt();
        byte kind = b.get();
        int length = b.getInt();
        int crc = b.getInt();
        long seconds = b.getLong();
        int nanos = b.getInt();
        int regions = b.getInt();
        long rss = b.getLong();
        long vmSize = b.getLong();
        if (index < 0 || (kind != 'K' && kind != 'D') || length <= 0 || length > MAX_LENGTH || nanos < 0
                || nanos > 999_999_999 || regions < 0 || rss < 0 || vmSize < 0
                || seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return null;
        }
        return new FrameRecord(index, kind == 'K', length, crc,
                new FrameSummary(index, Instant.ofEpochSecond(seconds, nanos), regions, rss, vmSize));
    }
}
