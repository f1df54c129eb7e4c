package dev.aspace.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real process a test starts and reads: {@code sleep}, {@code bash}, a C helper from
 * {@code src/test/c} (built into {@code target/testc}), a JVM. Always closed by the test
 * (try-with-resources), so nothing outlives it.
 */
public final class LiveProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader stdout;

    private LiveProcess(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts a command; stderr goes to the test's stderr. */
    public static LiveProcess start(String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            return new LiveProcess(pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + Arrays.toString(command), e);
        }
    }

    /** Starts a C helper built from src/test/c (scripts/build-c.sh) and waits for its "ready" line. */
    public static LiveProcess startHelper(String name, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(testHelper(name).toString());
        cmd.addAll(List.of(args));
        LiveProcess p = start(cmd.toArray(String[]::new));
        p.awaitLine("ready", Duration.ofSeconds(30));
        return p;
    }

    /** Path of a built C helper; fails clearly when the build step did not run. */
    public static Path testHelper(String name) {
        Path dir = Path.of(System.getProperty("aspace.testc", "target/testc"));
        Path exe = dir.resolve(name);
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException(exe + " is missing: run 'mvn process-test-classes' (it builds src/test/c)");
        }
        return exe;
    }

    /**
     * Starts {@code sleep 600}, waiting until it sleeps: exec'ed (its maps name sleep) and past its
     * start-up (the C library maps its heap and locale files after exec), so two reads of it made
     * one after the other see the same address space.
     */
    public static LiveProcess sleep() {
        LiveProcess p = start("sleep", "600");
        p.awaitExec("sleep");
        p.awaitNanosleep();
        return p;
    }

    /**
     * Waits until the process blocks in nanosleep: its wchan names it, or (where wchan is
     * hidden) its current system call is clock_nanosleep or nanosleep (x86-64: 230, 35).
     */
    public void awaitNanosleep() {
        Path dir = Path.of("/proc", Integer.toString(pid()));
        for (int i = 0; i < 500; i++) {
            if (!Files.exists(dir)) {
                throw new IllegalStateException("process " + pid() + " is gone");
            }
            if (readOrEmpty(dir.resolve("wchan")).contains("nanosleep")) {
                return;
            }
            String call = readOrEmpty(dir.resolve("syscall")).split(" ", 2)[0];
            if (call.equals("230") || call.equals("35")) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // neither file tells (hidden by the kernel's settings): five seconds is past any start-up
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return ""; // not allowed to read it, or the process went away (the caller checks)
        }
    }

    public int pid() {
        return (int) process.pid();
    }

    public Process process() {
        return process;
    }

    /** Reads stdout lines until one equals {@code expected}. */
    public void awaitLine(String expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            String line;
            while ((line = stdout.readLine()) != null) {
                if (line.equals(expected)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading stdout of " + pid(), e);
        }
        throw new IllegalStateException("process " + pid() + " did not print '" + expected + "'");
    }

    /** The next line the process prints, or null at end of output. */
    public String readLine() {
        try {
            return stdout.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until /proc/PID/comm names the exec'ed program (so maps no longer shows the parent's image). */
    public void awaitExec(String comm) {
        Path commFile = Path.of("/proc", Integer.toString(pid()), "comm");
        Await.until("process " + pid() + " became " + comm, Duration.ofSeconds(10), () -> {
            try {
                return Files.readString(commFile).trim().equals(comm);
            } catch (IOException e) {
                throw new IllegalStateException("process " + pid() + " is gone", e);
            }
        });
    }

    /** SIGSTOP: the address space holds still while two readers compare it. */
    public void stop() {
        signal("STOP");
    }

    /** SIGCONT. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String sig) {
        try {
            int rc = new ProcessBuilder("kill", "-" + sig, Integer.toString(pid())).start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException("kill -" + sig + " " + pid() + " failed");
            }
            awaitState(sig.equals("STOP") ? 'T' : 'S', sig.equals("STOP"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitState(char state, boolean mustMatch) throws InterruptedException {
        Path stat = Path.of("/proc", Integer.toString(pid()), "stat");
        for (int i = 0; i < 200; i++) {
            try {
                String s = Files.readString(stat);
                char c = s.charAt(s.lastIndexOf(')') + 2);
                if (c == state || (!mustMatch && c != 'T')) {
                    return;
                }
            } catch (IOException e) {
                return;
            }
            Thread.sleep(5);
        }
    }

    /** Kills the process and waits for it: a test that needs it gone before its block ends. */
    public void end() {
        close();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
