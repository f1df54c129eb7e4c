package dev.aspace.cli;

import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every reader takes only ordinary files, and says what else it got in one line, at once. */
class InputSafetyTest {

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void aFifoDirectoryDeviceOrSocketAsInputIsRefusedInOneLineWithoutHanging() throws Exception {
        List<Path> specials = new ArrayList<>();
        specials.add(SpecialFiles.fifo(dir.resolve("x.json")));
        specials.add(Files.createDirectory(dir.resolve("d.json")));
        specials.add(SpecialFiles.socket(dir.resolve("s.json")));
        if (SpecialFiles.root()) {
            specials.add(SpecialFiles.charDevice(dir.resolve("zero.json"), 1, 5)); // endless like /dev/zero
        }
        String good = Fixtures.path("pmap-default-01-centos7-x86_64.txt").toString();
        for (Path special : specials) {
            String s = special.toString();
            List<String[]> readers = List.of(new String[] {"pmap", "-X", s}, new String[] {"pmap", s},
                    new String[] {"import", s}, new String[] {"diff", s, good}, new String[] {"diff", good, s},
                    new String[] {"render", s, "-o", dir.resolve("o.svg").toString()},
                    new String[] {"pmap", s + "@0"}, new String[] {"diff", s + "@0", good});
            for (String[] args : readers) {
                String what = String.join(" ", args);
                int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(args), what + " hung");
                assertEquals(2, code, what + ": " + err);
                assertEquals(1, err.toString().lines().count(), what + ": " + err);
                assertTrue(err.toString().startsWith("aspace: " + s + ": is a"), what + ": " + err);
                assertTrue(err.toString().contains(", not an ordinary file: give "), what + ": " + err);
            }
        }
    }

    @Test
    void aPmapArgumentThatIsNotAllDigitsIsAFileNotAProcessId() throws Exception {
        assertEquals(2, run("pmap", "2024-01-01.json"));
        assertEquals("aspace: 2024-01-01.json: no such file\n", err.toString());
        assertEquals(2, run("pmap", "-X", "12abc"));
        assertEquals("aspace: 12abc: no such file\n", err.toString());

        Path dated = dir.resolve("2024-01-01.json");
        assertEquals(0, run("import", Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt").toString(), "-o",
                dated.toString()), err.toString());
        assertEquals(0, run("pmap", "-X", dated.toString()), err.toString());
        assertTrue(out.toString().startsWith("16156:"), out.toString());
    }

    @Test
    void withoutADisplayTheAppSaysWhatToDoInOneLine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.aspace.Launcher");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ended");
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), stderr);
        assertEquals("aspace: no display: set DISPLAY, or use a subcommand: aspace --help\n", stderr);
        assertFalse(stderr.contains("Exception"), stderr);
    }

    @Test
    void runningOutOfMemorySaysWhatWasTooBigAndHowToRaiseTheHeapWithoutATrace() throws Exception {
        // 600,000 maps lines (48 MB) within the import limits; 48 MiB of heap cannot hold their regions
        Path big = dir.resolve("big.maps");
        StringBuilder sb = new StringBuilder();
        try (var w = Files.newBufferedWriter(big)) {
            for (long i = 0; i < 600_000; i++) {
                long a = 0x10000000L + i * 0x2000;
                sb.setLength(0);
                sb.append(Long.toHexString(a)).append('-').append(Long.toHexString(a + 0x1000))
                        .append(" rw-p 00000000 00:00 0                          /tmp/some/long/path/to/a/file.so\n");
                w.append(sb);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path json = dir.resolve("big.json");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                "dev.aspace.Launcher", "import", big.toString(), "-o", json.toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        byte[] stdout = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(1, p.exitValue(), stderr + new String(stdout, StandardCharsets.UTF_8));
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("aspace: out of memory reading " + big + " ("), stderr);
        assertTrue(stderr.contains("JAVA_TOOL_OPTIONS=-Xmx"), stderr);
        assertFalse(stderr.contains("Error") || stderr.contains("\tat "), stderr);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(big), files.toList(), "nothing written, no temporary file");
        }
    }
}
