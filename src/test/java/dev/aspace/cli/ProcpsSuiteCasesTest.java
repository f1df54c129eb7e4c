package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cases of procps-ng 4.0.2's own DejaGnu suites for pmap and free (testsuite/pmap.test/
 * pmap.exp and testsuite/free.test/free.exp in the procps-ng repository, tag v4.0.2), ported to
 * JUnit so CI runs them without the procps source: the same command lines, and their patterns
 * rewritten as Java regular expressions, applied to aspace's output. The suites themselves also
 * pass with aspace in place of the binaries (docs in the README, "CLI"); the shm case needs the
 * suite's test_shm program and is left to that run.
 */
class ProcpsSuiteCasesTest {

    private static final String STD_ITEM = "[0-9a-f]+\\s+\\d+K [rwx-]{5}\\s+\\S+[^\\n]+\\n";
    private static final String DEVICE_ITEM = "[0-9a-f]+\\s+\\d+ [rwx-]{5}\\s+[0-9a-f]+\\s+[0-9a-f]{3}:[0-9a-f]{5}\\s+\\S+[^\\n]+\\n";
    private static final String EXT_ITEM = "[0-9a-f]+\\s+\\d+\\s+\\d+\\s+\\d+ [rwx-]{5}\\s+\\S+[^\\n]+\\n";

    private static void matches(String what, String regex, String text) {
        assertTrue(Pattern.compile(regex, Pattern.DOTALL).matcher(text).matches(), what + ": /" + regex + "/ on\n" + text);
    }

    @Test
    void pmapCases() {
        // the suite reads its own expect process, which has no shared mapping: its mode pattern
        // [rwx-]{5} has no 's'. sleep without an environment maps no locale cache, shared or not.
        try (LiveProcess p = LiveProcess.start("env", "-i", "/bin/sleep", "600")) {
            p.awaitExec("sleep");
            String pid = Integer.toString(p.pid());
            String name = pid + ":\\s+\\S+[^\\n]+\\n";
            ProcpsRun.Result none = ProcpsRun.aspace("pmap");
            assertNotEquals(0, none.code());
            assertTrue(Pattern.compile("Usage:\\s+pmap \\[options\\] PID \\[PID \\.\\.\\.\\]").matcher(none.err()).find(), none.err());

            matches("standard", name + "(" + STD_ITEM + ")+\\s*total\\s+\\d+K\\s*", run("pmap", pid));
            matches("quiet", name + "(" + STD_ITEM + ")+", run("pmap", "-q", pid));
            matches("device", name + "Address\\s+Kbytes\\s+Mode\\s+Offset\\s+Device\\s+Mapping\\s+(" + DEVICE_ITEM
                    + ")+mapped:\\s+\\d+K\\s+writeable/private:\\s+\\d+K\\s+shared:\\s+\\d+K\\s*", run("pmap", "-d", pid));
            matches("device quiet (dq)", name + "(" + DEVICE_ITEM + ")+", run("pmap", "-dq", pid));
            matches("device quiet (qd)", name + "(" + DEVICE_ITEM + ")+", run("pmap", "-qd", pid));
            matches("extended", name + "Address\\s+Kbytes\\s+RSS\\s+Dirty\\s+Mode\\s+Mapping\\s+(" + EXT_ITEM
                    + ")+[ -]+\\s+total kB\\s+\\d+(\\s+[\\d-]+){2,3}\\s*", run("pmap", "-x", pid));
            // -X and -XX: "no real format as it's dependent on smaps" (the suite's words)
            String generic = name + "\\s+(?:[A-Z][a-z]+ +)+.*";
            matches("extra extended", generic + "\\n[^=]+[= ]+\\n.*", run("pmap", "-X", pid));
            matches("double extra extended", generic + "\\n[^=]+[= ]+\\n.*", run("pmap", "-XX", pid));
        }
    }

    @Test
    void pmapOfAnUnreachableProcessPrintsItsFirstLine() {
        // the suite reads process 1, which it expects it may not read (true where the tests run
        // unprivileged, or as root in a container whose pid 1 is outside it)
        ProcpsRun.Result real = ProcpsRun.realWithErr(List.of("pmap", "-X", "1"));
        assumeTrue(ProcpsRun.has("pmap") && real.code() != 0, "process 1 is readable here");
        for (String x : List.of("-X", "-XX")) {
            ProcpsRun.Result r = ProcpsRun.aspace("pmap", x, "1");
            matches("pmap " + x + " 1", "1:\\s+\\S+[^\\n]+\\s+", r.out());
            assertEquals(real.code(), r.code());
        }
    }

    @Test
    void freeCases() throws Exception {
        String meminfo = Files.readString(Path.of("/proc/meminfo"));
        long memKb = field(meminfo, "MemTotal");
        long swapKb = field(meminfo, "SwapTotal");
        String header = "\\s+total\\s+used\\s+free\\s+shared\\s+buff/cache\\s+available\\s*";
        String six = "\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s*";
        find("no arguments", "^" + header + "Mem:\\s+" + memKb + six + "Swap:\\s+" + swapKb + "\\s+\\d+\\s+\\d+\\s*", run("free"));
        long mem = memKb * 1024;
        long swap = swapKb * 1024;
        find("-b", "^" + header + "Mem:\\s+" + mem + six + "Swap:\\s+" + swap + "\\s+\\d+\\s+\\d+\\s*", run("free", "-b"));
        String[] args = {"-k", "-m", "-g", "--kilo", "--mega", "--giga"};
        long[] divisors = {1024, 1048576, 1073741824, 1000, 1000000, 1000000000};
        for (int i = 0; i < args.length; i++) {
            find(args[i], "^" + header + "Mem:\\s+" + mem / divisors[i] + six + "Swap:\\s+" + swap / divisors[i]
                    + "\\s+\\d+\\s+\\d+\\s*", run("free", args[i]));
        }
        find("-l", "^" + header + "Mem:" + "\\s+\\d+" + six + "Low:\\s+\\d+\\s+\\d+\\s+\\d+\\s*High:\\s+\\d+\\s+\\d+\\s+\\d+\\s*"
                + "Swap:\\s+\\d+\\s+\\d+\\s+\\d+", run("free", "-l"));
        find("-t", "^" + header + "Mem:\\s+" + memKb + six + "Swap:\\s+" + swapKb + "\\s+\\d+\\s+\\d+\\s*"
                + "Total:\\s+\\d+\\s+\\d+\\s+\\d+\\s*", run("free", "-t"));
        // "Comm: \d+ \d+ \d+": the last is CommitLimit - Committed_AS, negative in procps too when
        // the machine is committed beyond its limit; the suite's pattern then fails for procps alike
        find("-v", "^" + header + "Mem:\\s+" + memKb + six + "Swap:\\s+" + swapKb + "\\s+\\d+\\s+\\d+\\s*"
                + "Comm:\\s+\\d+\\s+\\d+\\s+-?\\d+\\s*", run("free", "-v"));
        for (String count : List.of("-2", "0")) {
            ProcpsRun.Result r = ProcpsRun.aspace("free", "-c", count);
            find("-c " + count, "free: failed to parse count argument: '" + count + "': Numerical result out of range", r.err());
        }
        String two = run("free", "-c", "2", "-s", "0.1");
        find("-c 2", "^" + header + ".*" + header, two);
    }

    private static void find(String what, String regex, String text) {
        assertTrue(Pattern.compile(regex, Pattern.DOTALL).matcher(text).find(), "free " + what + ": /" + regex + "/ on\n" + text);
    }

    private static long field(String meminfo, String key) {
        for (String l : meminfo.split("\n")) {
            if (l.startsWith(key + ":")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException(key + " missing from /proc/meminfo");
    }

    private static String run(String... args) {
        ProcpsRun.Result r = ProcpsRun.aspace(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r.out();
    }
}
