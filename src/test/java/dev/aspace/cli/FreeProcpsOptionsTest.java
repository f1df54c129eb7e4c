package dev.aspace.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * free beyond one table, against procps-ng free on this machine: repeating (-s, -c), the
 * refusals with procps' words and exit statuses, -V, -L, and Ctrl+C ending a repeating run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreeProcpsOptionsTest {

    @BeforeAll
    void needsProcps() {
        assumeTrue(ProcpsRun.has("free"), "procps free is not installed");
    }

    @Test
    void versionPrintsOneLineWithBothVersions() {
        for (String v : List.of("-V", "--version")) {
            ProcpsRun.Result r = ProcpsRun.aspace("free", v);
            assertEquals(0, r.code(), r.err());
            assertEquals(1, r.lines().size(), r.out());
            assertTrue(r.out().startsWith("free from aspace") && r.out().contains("procps-ng 4.0.2"), r.out());
        }
    }

    @Test
    void badRepeatArgumentsAreRefusedWithProcpsWordsAndStatus() {
        for (List<String> args : List.of(List.of("-c", "0"), List.of("-c", "-2"), List.of("-c", "abc"),
                List.of("-s", "0"), List.of("-s", "-1"), List.of("-s", "abc"), List.of("-b", "-m"))) {
            List<String> cmd = new ArrayList<>(List.of("free"));
            cmd.addAll(args);
            ProcpsRun.Result real = ProcpsRun.realWithErr(cmd);
            ProcpsRun.Result mine = ProcpsRun.aspace(cmd);
            assertEquals(real.code(), mine.code(), cmd + ": " + mine.err());
            String words = real.err().strip().replaceFirst("^free: ", "").replaceFirst("\\.$", "");
            ProcpsRun.assertOneLine(mine, 1, words);
        }
        // usage errors procps answers with its usage text: the same status
        for (List<String> args : List.of(List.of("-x"), List.of("extra"), List.of("-c"))) {
            List<String> cmd = new ArrayList<>(List.of("free"));
            cmd.addAll(args);
            assertEquals(ProcpsRun.realWithErr(cmd).code(), ProcpsRun.aspace(cmd).code(), cmd.toString());
        }
    }

    @Test
    void aRepeatingRunPrintsItsTablesAsProcpsDoes() {
        for (List<String> args : List.of(List.of("-s", "0.1", "-c", "3"), List.of("-c", "2", "-s", "0,1"),
                List.of("--count", "2", "--seconds", "0.05", "-w", "-t"))) {
            List<String> cmd = new ArrayList<>(List.of("free"));
            cmd.addAll(args);
            List<String> real = ProcpsRun.lines(ProcpsRun.real(cmd));
            ProcpsRun.Result mine = ProcpsRun.aspace(cmd);
            assertEquals(0, mine.code(), mine.err());
            assertEquals(shape(real), shape(mine.lines()), cmd + "\n" + mine.out());
        }
    }

    @Test
    void lineFormatIsOneLinePerReading() {
        Pattern line = Pattern.compile("SwapUse +(\\d+) CachUse +(\\d+)  MemUse +(\\d+) MemFree +(\\d+) ");
        ProcpsRun.Result once = ProcpsRun.aspace("free", "-L");
        assertEquals(0, once.code(), once.err());
        assertEquals(1, once.lines().size(), once.out());
        Matcher m = line.matcher(once.lines().get(0));
        assertTrue(m.matches(), once.out());
        assertEquals(8 + 11 + 1, once.lines().get(0).indexOf("CachUse"), "each figure in 11 after a 7-wide head");
        ProcpsRun.Result repeated = ProcpsRun.aspace("free", "-L", "-m", "-s", "0.05", "-c", "3");
        assertEquals(3, repeated.lines().size(), repeated.out());
        for (String l : repeated.lines()) {
            assertTrue(line.matcher(l).matches(), l);
        }
    }

    @Test
    void ctrlCEndsARepeatingRunAsItEndsProcps() throws Exception {
        Ended real = interrupt(List.of("free", "-s", "0.2"));
        Ended mine = interrupt(ProcpsRun.aspaceCommand(List.of("free", "-s", "0.2")));
        assertEquals(real.code, mine.code, "killed by SIGINT, as procps: " + mine.err);
        assertEquals("", mine.err, "nothing on stderr");
        assertTrue(mine.firstTable.startsWith("               total"), mine.firstTable);
    }

    private record Ended(int code, String firstTable, String err) {
    }

    /** Starts a repeating run, waits for its first table, sends SIGINT as Ctrl+C does. */
    private static Ended interrupt(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder table = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                String l = out.readLine();
                assertTrue(l != null, command + " printed a table");
                table.append(l).append('\n');
            }
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
            assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " ended on SIGINT");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Ended(p.exitValue(), table.toString(), err);
        } finally {
            p.destroyForcibly();
        }
    }

    /** The layout without the figures: line heads and blank lines. */
    private static List<String> shape(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.isEmpty() ? "" : l.startsWith(" ") ? l : l.substring(0, l.indexOf(':') + 1));
        }
        return out;
    }
}
