package dev.aspace.demo;

/**
 * A parent JVM for the "child dies with its parent" test: starts a memory-user child, prints
 * "child PID", then sleeps until it is killed.
 */
public final class ControllerHost {

    private ControllerHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        MemoryUserController c = MemoryUserController.start();
        System.out.println("child " + c.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
