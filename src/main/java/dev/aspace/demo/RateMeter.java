package dev.aspace.demo;

import java.util.function.LongSupplier;

/** MB per second of a growing byte counter, between one sample and the next. */
public final class RateMeter {

    private final LongSupplier counter;
    private long lastBytes;
    private long lastNanos;

    public RateMeter(LongSupplier counter) {
        this.counter = counter;
        this.lastBytes = counter.getAsLong();
        this.lastNanos = System.nanoTime();
    }

    /** MB/s since the previous sample (or since construction). */
    public double sample() {
        long bytes = counter.getAsLong();
        long now = System.nanoTime();
        double mbps = (bytes - lastBytes) / (double) Sizes.MB / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastBytes = bytes;
        lastNanos = now;
        return mbps;
    }
}
