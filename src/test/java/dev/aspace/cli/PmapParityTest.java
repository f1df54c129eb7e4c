package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * aspace pmap against procps-ng pmap, line for line, on processes this test starts and stops
 * with SIGSTOP while both read them. See {@link PmapParity} for the one tolerance allowed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PmapParityTest {

    /** Every format and option pmap 4.0.2 has that aspace implements. */
    private static final List<List<String>> OPTIONS = List.of(
            List.of(), List.of("-x"), List.of("-X"), List.of("-XX"), List.of("-d"), List.of("-q"), List.of("-p"),
            List.of("-x", "-q"), List.of("-d", "-q"), List.of("-X", "-q"), List.of("-XX", "-p"), List.of("-x", "-p"),
            List.of("--extended"), List.of("--device", "--show-path"), List.of("--quiet", "-X"),
            List.of("-A", "7f0000000000,7fffffffffff"), List.of("-x", "-A", "7f0000000000"),
            List.of("-d", "--range=0,600000000000"), List.of("-X", "-A", "7f0000000000,7fffffffffff"));

    private final List<LiveProcess> started = new ArrayList<>();

    @BeforeAll
    void needsProcps() {
        assumeTrue(ProcpsRun.has("pmap"), "procps pmap is not installed");
    }

    @AfterAll
    void stopAll() {
        started.forEach(LiveProcess::close);
    }

    private LiveProcess keep(LiveProcess p) {
        started.add(p);
        p.stop();
        return p;
    }

    @Test
    void sleepMatchesInEveryFormat() {
        compareAll(keep(LiveProcess.sleep()));
    }

    @Test
    void bashMatchesInEveryFormat() {
        // bash waiting in its builtin read: no child process to outlive the test
        LiveProcess p = LiveProcess.start("bash", "-c", "echo ready; read -r line");
        p.awaitLine("ready", Duration.ofSeconds(10));
        compareAll(keep(p));
    }

    @Test
    void threadsAndMappingsMatchInEveryFormat() {
        compareAll(keep(LiveProcess.startHelper("threads_maps")));
    }

    @Test
    void pythonWithThreadsAndMmapsMatchesInEveryFormat() {
        assumeTrue(ProcpsRun.has("python3"), "python3 is not installed");
        LiveProcess p = LiveProcess.start("python3", "-c", String.join("\n",
                "import mmap, threading, time, sys",
                "maps = [mmap.mmap(-1, 1 << 20) for _ in range(4)]",
                "for m in maps: m.write(b'x' * 4096)",
                "f = open('/etc/passwd', 'rb'); fm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)",
                "ts = [threading.Thread(target=time.sleep, args=(600,), daemon=True) for _ in range(3)]",
                "[t.start() for t in ts]",
                "print('ready', flush=True)",
                "time.sleep(600)"));
        p.awaitLine("ready", Duration.ofSeconds(30));
        compareAll(keep(p));
    }

    @Test
    void nonAsciiMappingNamesPrintAsProcpsPrintsThemFromTheCommandLine(@TempDir Path dir) {
        assumeTrue(ProcpsRun.has("python3"), "python3 is not installed");
        // python makes the file, by its UTF-8 bytes: this JVM may run in the C locale, where
        // Java cannot name it
        String name = "d\u00e4t\u00e4 \u2713 \u5730\u56f3.bin";
        LiveProcess p = LiveProcess.start("python3", "-c", String.join("\n",
                "import mmap, os, sys, time",
                "path = os.path.join(sys.argv[1].encode(), 'd\\u00e4t\\u00e4 \\u2713 \\u5730\\u56f3.bin'.encode('utf-8'))",
                "open(path, 'wb').write(bytes(8192))",
                "f = open(path, 'rb'); m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)",
                "print('ready', flush=True)",
                "time.sleep(600)"), dir.toString());
        p.awaitLine("ready", Duration.ofSeconds(30));
        keep(p);
        for (List<String> o : List.<List<String>>of(List.of("-X"), List.of("-XX", "-p"), List.of("-x"), List.of())) {
            List<String> pmap = new ArrayList<>(List.of("pmap"));
            pmap.addAll(o);
            pmap.add(Integer.toString(p.pid()));
            List<String> expected = ProcpsRun.lines(ProcpsRun.real(pmap));
            ProcpsRun.Result r = ProcpsRun.aspaceProcess(pmap);
            assertEquals(0, r.code(), "aspace " + pmap + " failed: " + r.err());
            // -X and -XX print the kernel's bytes; the other formats each byte beyond ASCII as '?'
            String shown = o.isEmpty() || o.contains("-x") ? " d??t?? ??? ??????.bin"
                    : (o.contains("-p") ? dir + "/" : " ") + name;
            assertEquals(true, r.out().contains(shown), "'" + shown + "' in\n" + r.out());
            PmapParity.assertSame(String.join(" ", pmap), expected, r.lines(), null);
        }
    }

    @Test
    void javaVirtualMachineMatchesInEveryFormat() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        LiveProcess p = LiveProcess.start(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SleeperMain.class.getName());
        p.awaitLine("ready", Duration.ofSeconds(60));
        compareAll(keep(p));
    }

    @Test
    void sixtyThousandMappingsMatch() {
        LiveProcess p = keep(LiveProcess.startHelper("many_maps"));
        for (List<String> o : List.<List<String>>of(List.of(), List.of("-X"), List.of("-x"))) {
            compare(o, List.of(Integer.toString(p.pid())));
        }
    }

    @Test
    void severalProcessesShareTheColumnWidthsAsProcpsDoes() {
        LiveProcess a = keep(LiveProcess.sleep());
        LiveProcess b = keep(LiveProcess.startHelper("threads_maps"));
        List<String> pids = List.of(Integer.toString(b.pid()), Integer.toString(a.pid()));
        for (List<String> o : List.<List<String>>of(List.of(), List.of("-X"), List.of("-X", "-q"), List.of("-XX"), List.of("-x"))) {
            compare(o, pids);
        }
    }

    private void compareAll(LiveProcess p) {
        for (List<String> o : OPTIONS) {
            compare(o, List.of(Integer.toString(p.pid())));
        }
    }

    private static void compare(List<String> options, List<String> pids) {
        List<String> pmap = new ArrayList<>(List.of("pmap"));
        pmap.addAll(options);
        pmap.addAll(pids);
        List<String> expected = ProcpsRun.lines(ProcpsRun.real(pmap));
        ProcpsRun.Result r = ProcpsRun.aspace(pmap);
        assertEquals(0, r.code(), "aspace " + pmap + " failed: " + r.err());
        PmapParity.assertSame(String.join(" ", pmap), expected, r.lines(), quietColumns(options, pids));
    }

    /** For -q with -X/-XX: the column names, from procps' own header of the same format. */
    private static List<String> quietColumns(List<String> options, List<String> pids) {
        boolean quiet = options.contains("-q") || options.contains("--quiet");
        List<String> formats = options.stream().filter(o -> o.startsWith("-X")).toList();
        if (!quiet || formats.isEmpty()) {
            return null;
        }
        List<String> pmap = new ArrayList<>(List.of("pmap"));
        pmap.addAll(formats);
        pmap.add(pids.get(0));
        return List.of(ProcpsRun.lines(ProcpsRun.real(pmap)).get(1).trim().split(" +"));
    }
}
