package dev.aspace.demo;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.jna.Personality;
import dev.aspace.backend.jna.ProcessGroups;
import dev.aspace.model.AspaceException;
import dev.aspace.model.Snapshot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches a command N times, with or without address-space randomization, and snapshots each
 * run at the same point: once the command has been exec'ed and then either printed its ready
 * line, stopped itself, or the delay passed.
 *
 * <p>Each run starts as the leader of a session of its own (src/main/c/aspace-run.c), and right
 * after its snapshot its whole process group is ended: SIGTERM, then SIGKILL after a grace, so
 * neither its children nor a child that ignores SIGTERM outlive it. Should aspace itself end
 * first, by any signal, SIGKILL included, aspace-run's watcher ends the group the same way.
 *
 * <p>Without randomization the child runs under {@code setarch -R} (util-linux), or, where that
 * is missing, is started while this process has ADDR_NO_RANDOMIZE set (personality(2) is
 * inherited across fork and exec).
 */
public final class AslrRunner {

    /** How a child is started without randomization. */
    public enum Method { SETARCH, PERSONALITY }

    /**
     * @param command    the program and its arguments
     * @param runs       how many runs (1 or more)
     * @param noAslr     run the children with ADDR_NO_RANDOMIZE
     * @param delay      how long after exec to wait before the snapshot when no ready line is set
     * @param readyLine  a prefix of the stdout line that says the program is ready, or null
     * @param timeout    how long one run may take to become ready
     */
    public record Options(List<String> command, int runs, boolean noAslr, Duration delay, String readyLine,
                          Duration timeout) {

        public Options {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("no command to run");
            }
            if (runs < 1) {
                throw new IllegalArgumentException("runs must be at least 1");
            }
        }
    }

    /** The command that starts the memory-user child, ready when it prints "ready". */
    public static List<String> memoryUserCommand() {
        return MemoryUserController.command();
    }

    public static final String MEMORY_USER_READY = "ready ";

    private static final Path SETARCH = Path.of("/usr/bin/setarch");
    /** How long a run's processes have after SIGTERM before SIGKILL. */
    static final long GRACE_MILLIS = 1000;
    private static final String WRAPPER = "aspace-run";
    /** How long a program that never blocks may keep running before it is snapshotted anyway. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final MemoryBackend backend;
    private final Method method;
    private final List<String> launcherEnv;

    /**
     * @param launcherEnv what aspace's launcher set in the environment for aspace alone
     *                    (-Daspace.launcherEnv): the runs do not get it
     */
    public AslrRunner(MemoryBackend backend, List<String> launcherEnv) {
        this(backend, Files.isExecutable(SETARCH) ? Method.SETARCH : Method.PERSONALITY, launcherEnv);
    }

    public AslrRunner(MemoryBackend backend, Method method, List<String> launcherEnv) {
        this.backend = backend;
        this.method = method;
        this.launcherEnv = List.copyOf(launcherEnv);
    }

    public Method method() {
        return method;
    }

    /** Runs the command {@code runs} times, one after the other, and returns a snapshot of each. */
    public List<Snapshot> run(Options o) {
        List<Snapshot> out = new ArrayList<>();
        for (int i = 0; i < o.runs(); i++) {
            out.add(runOnce(o));
        }
        return out;
    }

    private Snapshot runOnce(Options o) {
        Process p = start(o);
        try {
            awaitExec(p, o);
            awaitReady(p, o);
            return backend.snapshot((int) p.pid(), MemoryBackend.Detail.MAPS);
        } finally {
            ProcessGroups.end((int) p.pid(), GRACE_MILLIS);
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Process start(Options o) {
        Path wrapper = MemoryUserController.nativeProgram(WRAPPER);
        if (!Files.isExecutable(wrapper)) {
            throw new RunFailed("the " + WRAPPER + " program is missing: no executable " + wrapper
                    + " (mvn compile builds it with gcc, beside memory-user)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(wrapper.toString());
        cmd.add(Long.toString(GRACE_MILLIS));
        if (o.noAslr() && method == Method.SETARCH) {
            cmd.add(SETARCH.toString());
            cmd.add("-R");
        }
        cmd.addAll(o.command());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(o.readyLine() == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE);
        removeLauncherVariables(pb.environment(), launcherEnv);
        try {
            if (o.noAslr() && method == Method.PERSONALITY) {
                return Personality.withoutRandomization(() -> startOrThrow(pb));
            }
            return pb.start();
        } catch (IOException e) {
            throw new RunFailed("cannot start " + o.command().get(0) + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new RunFailed("cannot start " + o.command().get(0) + ": " + e.getCause().getMessage());
        }
    }

    /**
     * Takes out what aspace's launcher set for aspace alone (GDK_GL, scripts/launcher.sh names
     * them in -Daspace.launcherEnv): the runs are the user's program in the user's environment.
     */
    static void removeLauncherVariables(Map<String, String> env, List<String> names) {
        for (String name : names) {
            env.remove(name);
        }
    }

    private static Process startOrThrow(ProcessBuilder pb) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the child runs the command itself, not aspace-run, setarch (or Java's spawn helper). */
    private static void awaitExec(Process p, Options o) {
        Path exe = Path.of("/proc", Long.toString(p.pid()), "exe");
        long deadline = System.nanoTime() + o.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                if (p.exitValue() == 127) {  // aspace-run's exec of it failed (sh says the same with 127)
                    throw new RunFailed("cannot start " + o.command().get(0)
                            + ": no such program, or it is not executable");
                }
                throw new RunFailed(o.command().get(0) + " exited (status " + p.exitValue()
                        + ") before it could be snapshotted: give a command that keeps running, e.g. sleep 600");
            }
            try {
                String target = Files.readSymbolicLink(exe).getFileName().toString();
                if (!target.equals(WRAPPER) && !target.equals("setarch") && !target.equals("jspawnhelper")) {
                    return;
                }
            } catch (IOException e) {
                // not readable for a moment while it execs
            }
            pause(2);
        }
        throw new RunFailed(o.command().get(0) + " did not start within " + o.timeout().toSeconds() + " s");
    }

    private static void awaitReady(Process p, Options o) {
        if (o.readyLine() != null) {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Thread watchdog = new Thread(() -> {
                pause(o.timeout().toMillis());
                if (!Thread.currentThread().isInterrupted()) {
                    p.destroyForcibly(); // it never got ready: unblock the read below
                }
            }, "aslr-ready-timeout");
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(o.readyLine())) {
                        watchdog.interrupt();
                        return;
                    }
                }
            } catch (IOException e) {
                // the watchdog killed it, or it exited: reported below
            }
            watchdog.interrupt();
            throw new RunFailed(o.command().get(0) + " never printed '" + o.readyLine() + "' within "
                    + o.timeout().toSeconds() + " s");
        }
        long deadline = System.nanoTime() + o.delay().toNanos();
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new RunFailed(o.command().get(0) + " exited before it could be snapshotted");
            }
            if (state(stat) == 'T') {
                return;
            }
            pause(5);
        }
        // then until it waits for something (S, D, T): the dynamic loader has finished by then,
        // so every run is seen at the same point even on a loaded machine
        long settle = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < settle && state(stat) == 'R') {
            pause(2);
        }
    }

    /** The one-letter state of /proc/PID/stat ('T': it stopped itself at the point it wants seen), '?' when gone. */
    private static char state(Path stat) {
        try {
            String s = Files.readString(stat);
            int close = s.lastIndexOf(')');
            return close > 0 && close + 2 < s.length() ? s.charAt(close + 2) : '?';
        } catch (IOException e) {
            return '?';
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A run that could not be snapshotted: a runtime condition (exit 1). */
    public static final class RunFailed extends AspaceException {
        RunFailed(String message) {
            super(message, null);
        }

        @Override
        public int exitCode() {
            return 1;
        }
    }
}
