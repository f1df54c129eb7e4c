package dev.aspace.backend.linux;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A /proc file read on a helper thread while the caller parses what has arrived. The kernel makes
 * smaps text about as fast as a parser reads it and hands it out a page per read(), so reading
 * and parsing on two cores at once takes about as long as reading alone.
 *
 * <p>Opening happens on the caller's thread, so a missing file or a refused open is thrown from
 * {@link #open}; errors of later reads come out of {@link #drainTo}.
 */
final class ChunkStream implements AutoCloseable {

    /** Bytes handed over at once: large enough that handing over costs nothing. */
    static final int CHUNK = 256 * 1024;

    private static final int POOLED_CHUNKS = 16;
    private static final ConcurrentLinkedQueue<byte[]> POOL = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOL_SIZE = new AtomicInteger();
    private static final ThreadLocal<ByteBuffer> DIRECT = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK));
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "aspace-proc-reader-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Receives the bytes in order. */
    interface Sink {
        void accept(byte[] buf, int off, int len);
    }

    private record Chunk(byte[] bytes, int length, IOException error) {
    }

    private static final Chunk END = new Chunk(new byte[0], -1, null);

    private final BlockingQueue<Chunk> full = new LinkedBlockingQueue<>();
    private final FileChannel channel;
    private final VsizeSamples samples;
    private volatile boolean cancelled;
    private boolean drained;

    private ChunkStream(FileChannel channel, VsizeSamples samples) {
        this.channel = channel;
        this.samples = samples;
    }

    /** Opens the file and starts reading it on a helper thread. */
    static ChunkStream open(Path file) throws IOException {
        return open(file, null);
    }

    /** The same, sampling the process's virtual size between reads (null: none). */
    static ChunkStream open(Path file, VsizeSamples samples) throws IOException {
        ChunkStream s = new ChunkStream(FileChannel.open(file), samples);
        READERS.execute(s::readAll);
        return s;
    }

    /** Passes every byte of the file to the sink, in order, on the calling thread. */
    void drainTo(Sink sink) throws IOException {
        try {
            while (true) {
                Chunk c = full.take();
                if (c == END) {
                    drained = true;
                    return;
                }
                if (c.error != null) {
                    drained = true;
                    throw c.error;
                }
                sink.accept(c.bytes, 0, c.length);
                recycle(c.bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading /proc");
        }
    }

    private void readAll() {
        ByteBuffer direct = DIRECT.get();
        try (FileChannel ch = channel) {
            boolean eof = false;
            while (!eof && !cancelled) {
                direct.clear();
                while (direct.hasRemaining()) {
                    if (ch.read(direct) < 0) {
                        eof = true;
                        break;
                    }
                    if (samples != null) {
                        samples.afterRead();
                    }
                }
                direct.flip();
                if (direct.hasRemaining()) {
                    byte[] b = take();
                    int n = direct.remaining();
                    direct.get(b, 0, n);
                    full.add(new Chunk(b, n, null));
                }
            }
            full.add(END);
        } catch (IOException e) {
            full.add(new Chunk(null, 0, e));
        } catch (RuntimeException | Error e) {
            full.add(new Chunk(null, 0, new IOException(e)));
        }
    }

    private static byte[] take() {
        byte[] b = POOL.poll();
        if (b != null) {
            POOL_SIZE.decrementAndGet();
            return b;
        }
        return new byte[CHUNK];
    }

    private static void recycle(byte[] b) {
        if (b.length == CHUNK && POOL_SIZE.incrementAndGet() <= POOLED_CHUNKS) {
            POOL.offer(b);
        } else {
            POOL_SIZE.decrementAndGet();
        }
    }

    /** Stops the helper when the caller gave up early (a parse error); returns its buffers. */
    @Override
    public void close() {
        if (drained) {
            return;
        }
        cancelled = true;
        try {
            while (true) {
                Chunk c = full.take();
                if (c == END || c.error != null) {
                    return;
                }
                recycle(c.bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
