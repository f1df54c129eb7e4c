package dev.aspace.backend.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * A test's own record of a process's virtual size: a thread reads field 23 of /proc/PID/stat every
 * few tens of microseconds, with the time of each reading, until closed. Parsed here, not by
 * aspace's code, so a test can hold what aspace read against what the kernel said meanwhile.
 */
final class VsizeRecord implements AutoCloseable {

    private static final int RING = 1 << 16;

    private final long[] times = new long[RING];
    private final long[] sizes = new long[RING];
    private volatile long written;
    private volatile long smallest = Long.MAX_VALUE;
    private volatile boolean stop;
    private final Thread thread;

    private VsizeRecord(Path stat) {
        thread = new Thread(() -> run(stat), "vsize-record");
        thread.setDaemon(true);
    }

    static VsizeRecord start(int pid) {
        VsizeRecord r = new VsizeRecord(Path.of("/proc", Integer.toString(pid), "stat"));
        r.thread.start();
        return r;
    }

    private void run(Path stat) {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        try (FileChannel ch = FileChannel.open(stat)) {
            while (!stop) {
                buf.clear();
                int n = ch.read(buf, 0);
                long t = System.nanoTime();
                String line = new String(buf.array(), 0, Math.max(n, 0), StandardCharsets.US_ASCII);
                // fields after the command name, which ends at the last ')': the 3rd is the state, the 23rd the size
                String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
                long v = Long.parseLong(fields[20]);
                long i = written;
                times[(int) (i % RING)] = t;
                sizes[(int) (i % RING)] = v;
                written = i + 1;
                if (v < smallest) {
                    smallest = v;
                }
                LockSupport.parkNanos(20_000);
            }
        } catch (IOException | RuntimeException e) {
            // the process ended: the record stops there
        }
    }

    /** The sizes read at times within [from, to] (System.nanoTime), oldest first. */
    long[] between(long from, long to) {
        long end = written;
        long i = end - 1;
        long begin = Math.max(0, end - RING / 2);
        while (i >= begin && times[(int) (i % RING)] > to) {
            i--;
        }
        long last = i;
        while (i >= begin && times[(int) (i % RING)] >= from) {
            i--;
        }
        return last <= i ? new long[0] : slice(i + 1, last);
    }

    private long[] slice(long first, long last) {
        long[] out = new long[(int) (last - first + 1)];
        for (long k = first; k <= last; k++) {
            out[(int) (k - first)] = sizes[(int) (k % RING)];
        }
        return out;
    }

    /** The smallest size read so far: the process with the moving region held once. */
    long smallest() {
        return smallest;
    }

    @Override
    public void close() {
        stop = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
