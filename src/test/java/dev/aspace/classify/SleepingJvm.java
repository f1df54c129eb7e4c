package dev.aspace.classify;

import java.util.concurrent.CountDownLatch;

/**
 * A JVM for the classifier tests: one named thread blocked in sleep, then "ready" on stdout.
 * "ready" waits until the thread runs its body, so HotSpot has made its stack guard zone.
 */
public final class SleepingJvm {

    private SleepingJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Thread sleeper = new Thread(() -> {
            running.countDown();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aspace-sleeper");
        sleeper.setDaemon(true);
        sleeper.start();
        running.await();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
