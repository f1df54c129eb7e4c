package dev.aspace.demo;

import java.util.function.Consumer;

/**
 * A walk over a block on a thread of its own (streaming, or a paced walk for watching demand
 * paging), reporting "event rate ..." once a second and "event walked ..." when a paced walk ends.
 */
final class WalkJob {

    private final Thread thread;
    private volatile boolean stopped;

    private WalkJob(NativeBlock b, Consumer<String> events, Walk walk) {
        MemoryWalker w = b.walker();
        int id = b.block().id();
        this.thread = new Thread(() -> {
            RateMeter meter = new RateMeter(w::bytesWalked);
            Thread reporter = new Thread(() -> {
                while (!stopped) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!stopped) {
                        events.accept("event rate block=" + id + " mbps=" + ChildSession.rate(meter.sample()));
                    }
                }
            }, "memory-user-rate-" + id);
            reporter.setDaemon(true);
            reporter.start();
            try {
                boolean done = walk.run(w, () -> stopped);
                if (done) {
                    events.accept("event walked block=" + id);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped = true;
                reporter.interrupt();
            }
        }, "memory-user-walk-" + id);
        thread.setDaemon(true);
    }

    private interface Walk {
        boolean run(MemoryWalker w, java.util.function.BooleanSupplier stop) throws InterruptedException;
    }

    static WalkJob streaming(NativeBlock b, Consumer<String> events) {
        return new WalkJob(b, events, (w, stop) -> {
            w.stream(stop);
            return false;
        });
    }

    static WalkJob paced(NativeBlock b, double bytesPerSecond, long bytes, Consumer<String> events) {
        return new WalkJob(b, events, (w, stop) -> w.paced(bytes, bytesPerSecond, 1, stop));
    }

    void start() {
        thread.start();
    }

    /** Stops the walk and waits for it, so the caller may unmap the block afterwards. */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
