package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process whose mapping name and command line hold an escape sequence, a C1 control, a tab
 * and bidirectional overrides: no CLI output passes them to a terminal, and the mapping column
 * of the formats where procps escapes them is procps' own.
 */
class ControlCharactersTest {

    /** ESC [31m (red), RLO, DEL, C1 CSI, a tab, LRI. */
    static final String HOSTILE = "a\u001b[31mred\u202eevil\u007f\u009bc1\tT\u2066x";

    @TempDir
    static Path dir;

    private static Path mapped;
    private static LiveProcess python;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void start() throws IOException {
        mapped = dir.resolve(HOSTILE);
        Files.write(mapped, new byte[4096]);
        String code = "import mmap,sys\n"
                + "f=open(sys.argv[1],'rb'); m=mmap.mmap(f.fileno(),4096,prot=mmap.PROT_READ)\n"
                + "print('ready',flush=True); sys.stdin.read()\n";
        python = LiveProcess.start("python3", "-c", code, mapped.toString(), "arg\u001b]0;title\u0007", "\u202ebidi");
        python.awaitLine("ready", Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        python.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Fails naming the first character a terminal would act on. */
    static void assertTerminalSafe(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertFalse(c != '\n' && Printable.unsafe(c), what + ": U+" + Integer.toHexString(c) + " at " + i + " in "
                    + text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 20)));
        }
    }

    private static String procps(String... args) throws Exception {
        Process p = new ProcessBuilder(args).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return s;
    }

    /** The first line after the header (the command line) that holds {@code needle}. */
    private static String lineWith(String text, String needle) {
        return text.lines().skip(1).filter(l -> l.contains(needle)).findFirst().orElse("<no line with " + needle + ">");
    }

    @Test
    void pmapInEveryFormatEscapesThemAndMatchesProcpsWhereProcpsEscapes() throws Exception {
        String pid = Integer.toString(python.pid());
        for (String format : List.of("", "-x", "-d", "-X", "-XX")) {
            String[] args = format.isEmpty() ? new String[] {"pmap", pid} : new String[] {"pmap", format, pid};
            assertEquals(0, run(args), err.toString());
            String text = out.toString();
            assertTerminalSafe("pmap " + format, text);
            assertTrue(text.contains("red"), text);
            if (!format.startsWith("-X")) {
                String real = procps(format.isEmpty() ? new String[] {"pmap", pid} : new String[] {"pmap", format, pid});
                assertEquals(lineWith(real, "evil"), lineWith(text, "evil"), "the mapping line is procps' " + format);
            } else {
                assertTrue(lineWith(text, "evil").endsWith("a?[31mred???evil???c1?T???x"), lineWith(text, "evil"));
            }
        }
        // an ordinary name is as procps prints it, in the same output (PmapParityTest holds whole lines)
        String libc = lineWith(procps("pmap", "-XX", pid), "libc");
        assertEquals(libc.substring(libc.lastIndexOf(' ')), lineWith(out.toString(), "libc").substring(
                lineWith(out.toString(), "libc").lastIndexOf(' ')));
    }

    @Test
    void psSnapshotDiffAndErrorsEscapeThemToo() {
        assertEquals(0, run("ps"), err.toString());
        assertTerminalSafe("ps", out.toString());
        assertTrue(out.toString().contains("arg?]0;title?"), lineWith(out.toString(), "title"));

        Path json = dir.resolve("p.json");
        assertEquals(0, run("snapshot", Integer.toString(python.pid()), "-o", json.toString()), err.toString());
        assertTerminalSafe("snapshot", out.toString());
        assertEquals(0, run("diff", "--all", json.toString(), json.toString()), err.toString());
        assertTerminalSafe("diff", out.toString());
        assertTrue(out.toString().contains("red"), out.toString());

        Path missing = dir.resolve("x\u001b[2J\u202e.json");
        assertEquals(2, run("pmap", "-X", missing.toString()));
        assertTerminalSafe("an error naming a file", err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void importedTextWithThemIsListedSafely() throws Exception {
        Path text = dir.resolve("hostile.pmap-X.txt");
        Files.writeString(text, procps("pmap", "-X", Integer.toString(python.pid())) + "not a line \u001b[5m\u202e\n");
        assertEquals(2, run("import", text.toString()), err.toString());
        assertTerminalSafe("import", out.toString() + err);
        assertTrue(out.toString().contains("unreadable line"), out.toString());
        Path json = dir.resolve("imported.json");
        assertEquals(0, run("import", "--partial", text.toString(), "-o", json.toString()), err.toString());
        assertEquals(0, run("pmap", "-X", json.toString()), err.toString());
        assertTerminalSafe("pmap -X of an import", out.toString());
    }

    @Test
    void jsonKeepsTheSameStringsWithEscapes() {
        assertEquals("{\"name\":\"a\\u202eb\\u009b\"}", Printable.json("{\"name\":\"a\u202eb\u009b\"}"));
        String ordinary = "{\"name\":\"café 日本\"}";
        assertTrue(ordinary == Printable.json(ordinary), "an ordinary string is left as it is");
    }
}
