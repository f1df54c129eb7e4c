package dev.aspace.demo;

import dev.aspace.testutil.Await;
import dev.aspace.backend.linux.LinuxBackend;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No process a run of {@code aslr} started is left: not a grandchild, not a child that ignores
 * SIGTERM, and none when aspace itself gets SIGTERM, SIGINT or SIGKILL in the middle of a run
 * (aspace then runs as a process of its own). Each run's processes carry a marker in their
 * command line (a sleep time no other process uses), found by reading every /proc/PID/cmdline.
 */
class AslrProcessGroupTest {

    /** A sleep time only this test's processes have: "1000.4711" seconds. */
    private static String marker() {
        return "1000." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /** Pids of live processes (not zombies) whose command line holds the marker. */
    private static List<Long> withMarker(String marker) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) procs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains(marker) && !isZombie(dir)) {
                        out.add(Long.parseLong(name));
                    }
                } catch (IOException gone) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static boolean isZombie(Path dir) throws IOException {
        String stat = Files.readString(dir.resolve("stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    }

    private static void awaitNone(String marker, Duration timeout) throws InterruptedException {
        Await.until("no process of the run left behind", timeout, () -> withMarker(marker), List::isEmpty);
    }

    /** Waits until both sleeps of the run's script run (its shell and aspace-run have exec'ed). */
    private static void awaitBothSleeps(String marker, Duration timeout) throws InterruptedException {
        Await.until("both sleeps of the run started", timeout, () -> sleeps(marker) == 2);
    }

    private static long sleeps(String marker) {
        return withMarker(marker).stream().filter(pid -> {
            try {
                return Files.readString(Path.of("/proc", pid.toString(), "comm")).trim().equals("sleep");
            } catch (IOException gone) {
                return false;
            }
        }).count();
    }

    private static void runTwice(String script) {
        new AslrRunner(new LinuxBackend(), List.of()).run(new AslrRunner.Options(List.of("sh", "-c", script), 2, false,
                Duration.ofMillis(100), null, Duration.ofSeconds(30)));
    }

    @Test
    void aRunsGrandchildrenEndWithIt() throws InterruptedException {
        String m = marker();
        runTwice("sleep " + m + " & exec sleep " + m + "1");
        awaitNone(m, Duration.ofSeconds(5));
    }

    @Test
    void aChildThatIgnoresSigtermIsKilledAfterTheGrace() throws InterruptedException {
        String m = marker();
        runTwice("trap '' TERM; sleep " + m + " & exec sleep " + m + "1");
        awaitNone(m, Duration.ofSeconds(5));
    }

    @Test
    void noRunOutlivesAspaceKilledWithSigkill() throws Exception {
        aspaceEndedBy("KILL");
    }

    @Test
    void noRunOutlivesAspaceEndedWithSigterm() throws Exception {
        aspaceEndedBy("TERM");
    }

    @Test
    void noRunOutlivesAspaceInterruptedWithSigint() throws Exception {
        aspaceEndedBy("INT");
    }

    /** aspace aslr as a process of its own, ended by a signal while a run waits for its delay. */
    private static void aspaceEndedBy(String signal) throws Exception {
        String m = marker();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.aspace.Launcher", "aslr", "--runs", "3", "--delay", "60000", "--",
                "sh", "-c", "trap '' TERM; sleep " + m + " & exec sleep " + m + "1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process aspace = pb.start();
        try {
            awaitBothSleeps(m, Duration.ofSeconds(60));
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(aspace.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(aspace.waitFor(30, TimeUnit.SECONDS), "aspace ended");
            // the child ignores SIGTERM: the group ends after the grace, with SIGKILL
            awaitNone(m, Duration.ofSeconds(10));
        } finally {
            aspace.destroyForcibly();
        }
    }
}
