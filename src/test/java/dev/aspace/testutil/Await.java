package dev.aspace.testutil;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait: for a condition, with a deadline, checking often. On a busy machine
 * the condition comes later, never a fixed pause too short for it.
 */
public final class Await {

    private static final long PAUSE_MILLIS = 10;

    private Await() {
    }

    /** Waits until the condition holds; fails naming what was awaited when the limit passes. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        until(what, limit, () -> condition.getAsBoolean(), done -> done);
    }

    /**
     * Reads until a read satisfies the condition and returns that read; fails naming what was
     * awaited and the last read when the limit passes.
     */
    public static <T> T until(String what, Duration limit, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + ": not within " + limit + " (last read: " + value + ")");
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what + ": interrupted while waiting", e);
            }
        }
    }
}
