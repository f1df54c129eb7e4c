package dev.aspace.ui;

import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one seam through which the UI does slow work (reading /proc, files). Work runs off the FX
 * thread and its result comes back on the FX thread; tests use {@link #direct()} so everything
 * happens at once on the caller's thread, without a robot or a sleep.
 */
public interface Background {

    /**
     * Runs {@code work} in the background, then {@code done} or {@code failed} on the FX thread.
     */
    <T> void submit(Callable<T> work, Consumer<? super T> done, Consumer<? super Throwable> failed);

    /**
     * Waits in the background for work started elsewhere (at start-up, before the toolkit), then
     * {@code done} with its value or {@code failed} with the exception it failed with, unwrapped.
     */
    default <T> void await(CompletableFuture<T> started, Consumer<? super T> done,
                           Consumer<? super Throwable> failed) {
        submit(() -> {
            try {
                return started.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }, done, failed);
    }

    /**
     * Work started before the toolkit exists (at start-up, while it starts): on the common pool,
     * its result awaited later with {@link #await}.
     */
    static <T> CompletableFuture<T> early(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work);
    }

    /** Runs {@code r} on the FX thread later (a result that arrived on another thread). */
    static void onFx(Runnable r) {
        Platform.runLater(r);
    }

    /** Runs {@code r} on a daemon thread of its own, named {@code name}; nothing waits for it. */
    static void aside(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** A small pool of daemon threads; results through {@link Task}'s FX-thread callbacks. */
    static Background threads() {
        return new TaskBackground(2);
    }

    /** Runs work and callbacks at once on the calling thread (tests). */
    static Background direct() {
        return new Background() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> done, Consumer<? super Throwable> failed) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    failed.accept(e);
                    return;
                }
                done.accept(result);
            }
        };
    }

    /** The production seam: javafx.concurrent.Task on daemon threads. */
    final class TaskBackground implements Background {

        private final ExecutorService pool;

        TaskBackground(int threads) {
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "aspace-background-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> done, Consumer<? super Throwable> failed) {
            Task<T> task = new Task<>() {
                @Override
                protected T call() throws Exception {
                    return work.call();
                }
            };
            task.setOnSucceeded(e -> done.accept(task.getValue()));
            task.setOnFailed(e -> failed.accept(task.getException()));
            pool.execute(task);
        }
    }
}
