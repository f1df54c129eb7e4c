package dev.aspace.cli;

/** A JVM for parity tests to read: prints "ready" and sleeps until killed. */
public final class SleeperMain {

    private SleeperMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        byte[] keep = new byte[8 << 20]; // some heap that is really touched
        for (int i = 0; i < keep.length; i += 4096) {
            keep[i] = 1;
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(600_000);
        System.out.println(keep.length);
    }
}
