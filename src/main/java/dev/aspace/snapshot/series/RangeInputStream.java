package dev.aspace.snapshot.series;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The bytes [from, to) of a file, read with positional reads (the channel is shared, not moved). */
final class RangeInputStream extends InputStream {

    private final FileChannel channel;
    private long position;
    private final long end;

    RangeInputStream(FileChannel channel, long from, long to) {
        this.channel = channel;
        this.position = from;
        this.end = to;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
        if (n < 0) {
            return -1; // the file shrank under us; the JSON reader reports the frame as truncated
        }
        position += n;
        return n;
    }
}
