package dev.aspace.demo;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The writes memory-user makes. "A pass" writes one 8-byte word (the pass number) at the start of
 * every 64-byte cache line, in address order. Every line of the block is dirtied, so the memory
 * traffic is the whole block, yet neither the JIT nor a C compiler can turn the loop into memset or
 * vector stores: src/test/c/stream_ref.c does exactly the same, and StreamingBench compares them.
 */
public final class MemoryWalker {

    /** Bytes between two writes: one x86_64/aarch64 cache line. */
    public static final int LINE = 64;
    /** Progress is published after each segment this large (cheap, and fine enough for a 1 s rate). */
    private static final int SEGMENT = 1 << 20;

    private final ByteBuffer[] chunks;
    private final long size;
    private final long pageSize;
    private final AtomicLong walked = new AtomicLong();

    /** @param chunks consecutive buffers covering the block (each a multiple of 64 bytes but the last) */
    public MemoryWalker(ByteBuffer[] chunks, long pageSize) {
        this.chunks = chunks.clone();
        long s = 0;
        for (ByteBuffer b : chunks) {
            s += b.capacity();
        }
        this.size = s;
        this.pageSize = pageSize;
    }

    /** Bytes walked so far, over all passes: sample it twice to get a rate. */
    public long bytesWalked() {
        return walked.get();
    }

    public long size() {
        return size;
    }

    /** One full pass at full speed. */
    public void pass(long value) {
        for (ByteBuffer b : chunks) {
            int n = b.capacity();
            for (int from = 0; from < n; from += SEGMENT) {
                int to = (int) Math.min(n, (long) from + SEGMENT);
                writeLines(b, from, to, value);
                walked.addAndGet(to - from);
            }
        }
    }

    /** Passes until {@code stop} says so (checked after every segment of 1 MB). */
    public void stream(BooleanSupplier stop) {
        long value = 1;
        while (!stop.getAsBoolean()) {
            for (ByteBuffer b : chunks) {
                int n = b.capacity();
                for (int from = 0; from < n && !stop.getAsBoolean(); from += SEGMENT) {
                    int to = (int) Math.min(n, (long) from + SEGMENT);
                    writeLines(b, from, to, value);
                    walked.addAndGet(to - from);
                }
            }
            value++;
        }
    }

    /**
     * Walks the first {@code bytes} page by page at about {@code bytesPerSecond}, so demand paging
     * can be watched; returns early (false) when {@code stop} says so.
     */
    public boolean paced(long bytes, double bytesPerSecond, long value, BooleanSupplier stop) throws InterruptedException {
        long start = System.nanoTime();
        long done = 0;
        long limit = Math.min(bytes, size);
        long offset = 0;
        for (ByteBuffer b : chunks) {
            int n = b.capacity();
            for (int from = 0; from < n && offset + from < limit; from += (int) pageSize) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                int to = (int) Math.min(Math.min(n, (long) from + pageSize), limit - offset);
                writeLines(b, from, to, value);
                walked.addAndGet(to - from);
                done += to - from;
                long dueNanos = (long) (done / bytesPerSecond * 1e9);
                long aheadNanos = dueNanos - (System.nanoTime() - start);
                if (aheadNanos > 1_000_000) {
                    Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
                }
            }
            offset += n;
        }
        return true;
    }

    /** Walks the first {@code bytes} once at full speed (touch the first K %). */
    public void prefix(long bytes, long value) {
        long offset = 0;
        for (ByteBuffer b : chunks) {
            if (offset >= bytes) {
                return;
            }
            int to = (int) Math.min(b.capacity(), bytes - offset);
            writeLines(b, 0, to, value);
            walked.addAndGet(to);
            offset += b.capacity();
        }
    }

    /** The hot loop: one 8-byte store per 64-byte line in [from, to). */
    static void writeLines(ByteBuffer b, int from, int to, long value) {
        int last = to - Long.BYTES;
        for (int i = from; i <= last; i += LINE) {
            b.putLong(i, value);
        }
    }
}
