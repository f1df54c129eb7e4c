package dev.aspace.snapshot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stream that deflates on a second thread what the caller writes, so that writing a large
 * snapshot's JSON and compressing it run on two cores at once (together they were most of
 * `aspace snapshot`'s own time). Output below one buffer (a series frame of a few changed
 * regions) is compressed on the caller's thread and starts no thread. The bytes written are
 * exactly those of the wrapped stream; a failure of the compressing thread is thrown by the next
 * write, flush or close.
 */
final class BackgroundDeflate extends OutputStream {

    static final int BUFFER = 1 << 18;
    /** What the worker is told when no more data comes. */
    private static final Chunk END = new Chunk(new byte[0], 0);

    private record Chunk(byte[] bytes, int length) {
    }

    private final OutputStream deflate;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(2);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(4);
    private byte[] buf = new byte[BUFFER];
    private int n;
    private Thread worker;
    private volatile Throwable failure;
    private boolean closed;

    /** @param deflate the compressing stream; it is written by one thread at a time and closed by {@link #close} */
    BackgroundDeflate(OutputStream deflate) {
        this.deflate = deflate;
    }

    @Override
    public void write(int b) throws IOException {
        if (n == buf.length) {
            handOff();
        }
        buf[n++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (n == buf.length) {
                handOff();
            }
            int k = Math.min(len, buf.length - n);
            System.arraycopy(b, off, buf, n, k);
            n += k;
            off += k;
            len -= k;
        }
    }

    private void handOff() throws IOException {
        checkFailure();
        if (worker == null) {
            worker = new Thread(this::work, "snapshot-deflate");
            worker.setDaemon(true);
            worker.start();
        }
        put(new Chunk(buf, n));
        byte[] next = free.poll();
        buf = next != null ? next : new byte[BUFFER];
        n = 0;
    }

    private void work() {
        try {
            while (true) {
                Chunk c = full.take();
                if (c == END) {
                    return;
                }
                if (failure == null) {
                    deflate.write(c.bytes, 0, c.length);
                }
                free.offer(c.bytes);
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            full.clear();
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    /** Everything written so far goes through the deflater before the wrapped stream is flushed. */
    @Override
    public void flush() throws IOException {
        drain();
        deflate.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
        } finally {
            deflate.close(); // frees the deflater's native memory even after a failure
        }
    }

    /** The caller's buffer, then the worker's queue, written out; the worker is stopped. */
    private void drain() throws IOException {
        if (worker != null) {
            put(END);
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while compressing");
            }
            worker = null;
        }
        checkFailure();
        deflate.write(buf, 0, n);
        n = 0;
    }

    private void put(Chunk c) throws IOException {
        try {
            while (!full.offer(c, 50, TimeUnit.MILLISECONDS)) {
                checkFailure();
                if (worker != null && !worker.isAlive() && c != END) {
                    throw new IOException("the compressing thread stopped");
                }
                if (c == END && (worker == null || !worker.isAlive())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        }
    }

    private void checkFailure() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new InterruptedIOException("interrupted while compressing");
        }
    }
}
