package dev.aspace.snapshot.series;

import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SaveFailedException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Records a series: one snapshot from {@code source} every {@code every} into one file, until a
 * frame count is reached, the next frame would pass the size cap (it stops; older frames are
 * never dropped, because that would mean rewriting the file), the source fails (the process
 * exited: the frames so far are kept), or someone stops it.
 *
 * <p>The file is created with the first frame, so a process that does not exist leaves no file.
 * {@link #run} paces itself (the CLI); a UI calls {@link #step} on its own ticks instead.
 * {@link #requestStop} may be called from any thread.
 */
public final class SeriesRecorder {

    /** Time for {@link #run}: real time in production, a fake in tests. */
    public interface Pacer {
        long nanoTime();

        /** Waits up to {@code nanos}; may return early when a stop is requested. */
        void await(long nanos) throws InterruptedException;
    }

    private final Path file;
    private final Supplier<Snapshot> source;
    private final Duration every;
    private final long maxBytes;
    private final boolean overwrite;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private SeriesWriter writer;
    private Recording last;

    /**
     * @param file     where to record (created with the first frame, replaced if it exists)
     * @param source   takes one snapshot; its exceptions end the recording
     * @param every    the interval between the starts of two frames
     * @param maxBytes the size cap of the whole file
     */
    public SeriesRecorder(Path file, Supplier<Snapshot> source, Duration every, long maxBytes) {
        this(file, source, every, maxBytes, true);
    }

    /**
     * @param overwrite whether an existing ordinary file may be replaced; it is kept until the
     *                  first new frame is written whole
     */
    public SeriesRecorder(Path file, Supplier<Snapshot> source, Duration every, long maxBytes, boolean overwrite) {
        this.overwrite = overwrite;
        this.file = Objects.requireNonNull(file);
        this.source = Objects.requireNonNull(source);
        this.every = Objects.requireNonNull(every);
        this.maxBytes = maxBytes;
        if (every.isNegative() || every.isZero() || maxBytes <= 0) {
            throw new IllegalArgumentException("interval and size cap must be positive");
        }
        this.last = new Recording(file, null, 0, 0, null, 0, null);
    }

    /** Takes one snapshot and appends it; once the recording has ended, returns how it ended. */
    public synchronized Recording step() {
        if (last.stopped()) {
            return last;
        }
        if (stopRequested.getCount() == 0) {
            return end(StopReason.STOPPED, 0, null);
        }
        Snapshot s;
        try {
            s = source.get();
        } catch (RuntimeException e) {
            return end(StopReason.SOURCE_FAILED, 0, e);
        }
        try {
            if (writer == null) {
                writer = SeriesWriter.create(file, new SeriesHeader(s.takenAt(), every, maxBytes, s.process().pid(),
                        s.process().comm()), overwrite);
            }
            SeriesWriter.Append a = writer.append(s);
            if (!a.written()) {
                return end(StopReason.SIZE_CAP, a.frameBytes(), null);
            }
        } catch (SaveFailedException e) {
            return end(StopReason.WRITE_FAILED, 0, e);
        } catch (RuntimeException | Error e) {
            // out of memory while encoding a frame, say: no temporary file outlives the failure
            end(StopReason.WRITE_FAILED, 0, null);
            throw e;
        }
        last = new Recording(file, s, writer.frames(), writer.bytes(), null, 0, null);
        return last;
    }

    /**
     * Records until {@code maxFrames} frames are in the file (0: no limit) or the recording ends
     * otherwise. Frames start every {@code every}; a read slower than that starts the next at
     * once, without a burst to catch up.
     *
     * @param onFrame told after every frame written
     * @return how the recording ended
     */
    public Recording run(int maxFrames, Consumer<Recording> onFrame, Pacer pacer) {
        long next = pacer.nanoTime();
        while (true) {
            Recording r = step();
            if (r.stopped()) {
                return r;
            }
            onFrame.accept(r);
            if (maxFrames > 0 && r.frames() >= maxFrames) {
                return end(StopReason.COUNT_REACHED, 0, null);
            }
            next += every.toNanos();
            long now = pacer.nanoTime();
            if (next < now) {
                next = now;
            }
            try {
                pacer.await(next - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requestStop();
            }
        }
    }

    /** {@link #run} in real time; {@link #requestStop} cuts the wait short. */
    public Recording run(int maxFrames, Consumer<Recording> onFrame) {
        return run(maxFrames, onFrame, new Pacer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void await(long nanos) throws InterruptedException {
                stopRequested.await(nanos, TimeUnit.NANOSECONDS);
            }
        });
    }

    /** Asks the recording to end after the frame being written, if any. Any thread. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Ends the recording now (if it has not ended) and says how it ended. */
    public synchronized Recording finish() {
        return last.stopped() ? last : end(StopReason.STOPPED, 0, null);
    }

    /** The state after the last frame, or how the recording ended. */
    public synchronized Recording state() {
        return last;
    }

    private synchronized Recording end(StopReason why, long nextFrame, RuntimeException failure) {
        int frames = writer == null ? 0 : writer.frames();
        long bytes = writer == null ? 0 : writer.bytes();
        if (writer != null) {
            if (frames == 0) {
                writer.discard();
                bytes = 0;
            } else {
                writer.close();
            }
        }
        last = new Recording(file, null, frames, bytes, why, nextFrame, failure);
        return last;
    }
}
