package dev.aspace.backend.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The process's virtual size (/proc/PID/stat) read again and again while its maps are read: a
 * read is whole only if the size held still throughout and equals the sum of the sizes read.
 *
 * <p>Why: the size read before and after can each fall inside a remap that moves a region, when
 * the kernel counts the region twice for a moment; a read that held the region twice then adds up
 * to both. Samples in between fall outside such moments too. They are taken after each of the
 * first {@value #EVERY_READ} reads of a page of text, then after every {@value #THEN_EVERY}th, so
 * a small process gets one per page and a 60,000-region one a few hundred (~1 % of its read).
 * Only the reading thread touches it until {@link ChunkStream#drainTo} has returned.
 */
final class VsizeSamples implements AutoCloseable {

    static final int EVERY_READ = 64;
    static final int THEN_EVERY = 16;

    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(1024);
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private boolean failed;
    private int reads;

    private VsizeSamples(FileChannel channel) {
        this.channel = channel;
    }

    static VsizeSamples open(Path statFile) throws IOException {
        return new VsizeSamples(FileChannel.open(statFile));
    }

    /** Called after each read of a page of maps text; samples when the schedule says so. */
    void afterRead() {
        reads++;
        if (reads <= EVERY_READ || reads % THEN_EVERY == 0) {
            sample();
        }
    }

    private void sample() {
        try {
            buf.clear();
            // a read at offset 0 makes the kernel print the file afresh; it is one short line
            int n = channel.read(buf, 0);
            if (n <= 0 || n == buf.capacity()) {
                failed = true;
                return;
            }
            long v = vsize(buf.array(), n);
            min = Math.min(min, v);
            max = Math.max(max, v);
        } catch (IOException | RuntimeException e) {
            failed = true; // gone or unreadable: the check after the read says which
        }
    }

    /**
     * Field 23 of a stat line: counted from the last ')', which ends the command name (the name
     * itself may hold spaces and parentheses).
     */
    static long vsize(byte[] b, int n) {
        int p = n - 1;
        while (p >= 0 && b[p] != ')') {
            p--;
        }
        for (int field = 2; field < 23; p++) {
            if (p + 1 >= n) {
                throw new IllegalArgumentException("stat line too short");
            }
            if (b[p + 1] == ' ') {
                field++;
            }
        }
        long v = 0;
        int digits = 0;
        for (; p + 1 < n && b[p + 1] >= '0' && b[p + 1] <= '9'; p++, digits++) {
            v = v * 10 + b[p + 1] - '0';
        }
        if (digits == 0) {
            throw new IllegalArgumentException("no virtual size in the stat line");
        }
        return v;
    }

    /** True when every sample (there may be none) saw exactly this virtual size. */
    boolean allWere(long vsize) {
        return !failed && (min == Long.MAX_VALUE || min == vsize && max == vsize);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written
        }
    }
}
