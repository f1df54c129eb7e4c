package dev.aspace.elf;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Random access to a file's bytes. Reads stop at the end of the file instead of failing, so a
 * truncated file (a core cut off by a size limit) is read as far as it goes and the caller sees
 * what is missing. Large files are read piecewise, never whole.
 */
public final class ElfBytes implements Closeable {

    private final FileChannel channel;
    private final byte[] array;
    private final long size;

    private ElfBytes(FileChannel channel, byte[] array, long size) {
        this.channel = channel;
        this.array = array;
        this.size = size;
    }

    public static ElfBytes open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return new ElfBytes(ch, null, ch.size());
    }

    public static ElfBytes of(byte[] bytes) {
        return new ElfBytes(null, bytes, bytes.length);
    }

    public long size() {
        return size;
    }

    /** Up to {@code length} bytes from {@code offset}; fewer (maybe none) where the file ends. */
    public byte[] read(long offset, int length) {
        if (offset < 0 || length < 0 || offset >= size) {
            return new byte[0];
        }
        int n = (int) Math.min(length, size - offset);
        if (array != null) {
            return Arrays.copyOfRange(array, (int) offset, (int) offset + n);
        }
        ByteBuffer buf = ByteBuffer.allocate(n);
        try {
            while (buf.hasRemaining()) {
                int r = channel.read(buf, offset + buf.position());
                if (r < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.position() == n ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
