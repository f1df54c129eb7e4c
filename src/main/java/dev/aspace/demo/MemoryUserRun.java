package dev.aspace.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * memory-user as the OSTEP homework has it, for {@code aspace memory-user}: the C program
 * (src/main/c/memory-user.c, {@code --run}) allocates, touches as asked, streams until the time is
 * up (or forever), and says once a second how much is resident and how fast the walk goes; its
 * lines are passed on as they come. It is a process of its own, so {@code pmap -x PID} shows a
 * small C program, not this JVM, and it dies with this process (PR_SET_PDEATHSIG).
 */
public final class MemoryUserRun {

    /**
     * @param bytes    how much to allocate
     * @param duration how long to run, or null for until killed
     * @param via      MMAP, MALLOC or BRK
     * @param touch    NONE, ONCE or STREAM
     * @param rateMbps MB/s for a paced walk, or 0 for full speed
     */
    public record Settings(long bytes, Duration duration, BlockKind via, Touch touch, double rateMbps) {
    }

    private MemoryUserRun() {
    }

    /** The program's command line for these settings. */
    static List<String> command(Settings s) {
        List<String> cmd = new ArrayList<>(List.of(MemoryUserController.program().toString(),
                "--parent", Long.toString(ProcessHandle.current().pid()),
                "--run", Long.toString(s.bytes()), "--via", s.via().word(), "--touch", s.touch().word()));
        if (s.rateMbps() > 0) {
            cmd.addAll(List.of("--rate", Double.toString(s.rateMbps())));
        }
        if (s.duration() != null) {
            cmd.addAll(List.of("--seconds", String.format(Locale.ROOT, "%.3f", s.duration().toMillis() / 1000.0)));
        }
        return cmd;
    }

    /**
     * Runs the program until it ends, passing its lines on; returns how it ended.
     *
     * @throws MemoryUserException when it cannot start (its program missing, say)
     */
    public static ChildExit run(Settings s, PrintWriter out, PrintWriter err) throws InterruptedException {
        return run(s, UnaryOperator.identity(), out, err);
    }

    /**
     * As above, with the command line passed through {@code launcher} first (to start it inside a
     * cgroup, say).
     */
    public static ChildExit run(Settings s, UnaryOperator<List<String>> launcher, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        long oomKills = MemoryUserController.oomKills();
        Process p;
        try {
            // started from this thread, which waits for it: PR_SET_PDEATHSIG ends it with this thread
            p = new ProcessBuilder(launcher.apply(command(s))).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new MemoryUserException("cannot start memory-user: " + e.getMessage());
        }
        Thread errors = new Thread(() -> copy(p.getErrorStream(), err), "memory-user-stderr");
        errors.start();
        try {
            copy(p.getInputStream(), out);
            int code = p.waitFor();
            errors.join();
            return ChildExit.of((int) p.pid(), code, oomKills, false);
        } finally {
            p.destroyForcibly();
        }
    }

    private static void copy(InputStream from, PrintWriter to) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (to) {
                    to.println(line);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // the pipe broke: the program is gone, and its exit status says how
        }
    }
}
