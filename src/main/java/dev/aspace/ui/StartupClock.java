package dev.aspace.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Named moments of the start, for -Daspace.startupLog (docs/PERFORMANCE.md, start to first
 * frame), in milliseconds since the process started: the launcher's own work before the JVM
 * counts too (the kernel's start time of this process, /proc/self/stat, 10 ms resolution).
 * Marks are cheap nanoTime readings, turned into those milliseconds only when written.
 */
public final class StartupClock {

    private record Mark(String name, long nanos) {
    }

    private static final List<Mark> MARKS = new ArrayList<>();

    private StartupClock() {
    }

    public static synchronized void mark(String name) {
        MARKS.add(new Mark(name, System.nanoTime()));
    }

    /**
     * Both figures count from boot in the kernel's clock ticks, so their difference is exact to a
     * tick; ProcessHandle's start instant adds the boot time, known only to the second.
     */
    private static long sinceProcessStartMs() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(f[19]); // field 22, starttime
            String up = Files.readString(Path.of("/proc/uptime"));
            double uptimeS = Double.parseDouble(up.substring(0, up.indexOf(' ')));
            return Math.round(uptimeS * 1000) - startTicks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getRuntimeMXBean().getUptime();
        }
    }

    /**
     * One line per mark, "NAME MS" with MS since the process started, the last one named
     * {@code last}; with {@code threads}, each thread's CPU time too.
     */
    public static synchronized String report(String last, boolean threads) {
        long now = System.nanoTime();
        long uptimeMs = sinceProcessStartMs();
        StringBuilder out = new StringBuilder();
        for (Mark m : MARKS) {
            out.append(m.name()).append(' ').append(uptimeMs - TimeUnit.NANOSECONDS.toMillis(now - m.nanos())).append('\n');
        }
        out.append(last).append(' ').append(uptimeMs).append('\n');
        ProcessHandle.current().info().totalCpuDuration()
                .ifPresent(cpu -> out.append("cpu-ms ").append(cpu.toMillis()).append('\n'));
        if (threads) {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                tasks.forEach(t -> {
                    try {
                        String stat = Files.readString(t.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        if (ticks > 5) {
                            out.append("thread ").append(name.replace(' ', '_')).append(' ').append(ticks * 10).append('\n');
                        }
                    } catch (IOException | RuntimeException e) {
                        // a thread that ended meanwhile
                    }
                });
            } catch (IOException e) {
                out.append("threads ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }
}
