package dev.aspace.backend.linux;

import dev.aspace.procfs.TextDigest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
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

    /**
     * Bytes handed over at once: large enough that handing over costs nothing (sixteen reads of a
     * page), small enough that the caller starts early and ends soon after the last read.
     */
    static final int CHUNK = 64 * 1024;

    /**
     * Chunks one stream may have handed over and not yet had back: when the caller falls this far
     * behind, the helper waits instead of allocating more (each one would be garbage to collect).
     */
    static final int IN_FLIGHT = 32;
    private static final int POOLED_CHUNKS = 32;
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
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
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
                try {
                    sink.accept(c.bytes, 0, c.length);
                } finally {
                    giveBack(c.bytes);
                }
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
                eof = fill(ch, direct, samples);
                if (direct.hasRemaining()) {
                    inFlight.acquire();
                    byte[] b = take();
                    int n = direct.remaining();
                    direct.get(b, 0, n);
                    full.add(new Chunk(b, n, null));
                }
            }
            full.add(END);
        } catch (IOException e) {
            full.add(new Chunk(null, 0, e));
        } catch (InterruptedException e) {
            full.add(new Chunk(null, 0, new InterruptedIOException("interrupted while reading /proc")));
        } catch (RuntimeException | Error e) {
            full.add(new Chunk(null, 0, new IOException(e)));
        }
    }

    /**
     * Reads into the buffer until it is full or the file ends (true), sampling the virtual size
     * after each read when asked; the buffer is then flipped, ready to be read.
     */
    private static boolean fill(FileChannel ch, ByteBuffer direct, VsizeSamples samples) throws IOException {
        boolean eof = false;
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
        return eof;
    }

    /**
     * The {@link TextDigest} of a whole file, read and digested on a helper thread while the
     * caller goes on, sampling the virtual size as {@link #open(Path, VsizeSamples)} does. The
     * file is opened on the caller's thread, so a refused open is thrown from here.
     */
    static Future<Long> digest(Path file, VsizeSamples samples) throws IOException {
        FileChannel channel = FileChannel.open(file);
        return READERS.submit(() -> {
            ByteBuffer direct = DIRECT.get();
            byte[] b = take();
            try (FileChannel ch = channel) {
                long digest = TextDigest.EMPTY;
                boolean eof = false;
                while (!eof) {
                    eof = fill(ch, direct, samples);
                    int n = direct.remaining();
                    direct.get(b, 0, n);
                    digest = TextDigest.update(digest, b, 0, n);
                }
                return digest;
            } finally {
                recycle(b);
            }
        });
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

    private void giveBack(byte[] b) {
        recycle(b);
        inFlight.release();
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
                giveBack(c.bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
