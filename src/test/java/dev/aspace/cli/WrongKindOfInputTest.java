package dev.aspace.cli;

import dev.aspace.model.MalformedInputException;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.snapshot.series.SeriesReader;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files of the wrong kind get one clear line: an aspace file handed to import, UTF-16 text to any reader. */
class WrongKindOfInputTest {

    @TempDir
    Path dir;



    /** Runs aspace and checks its one line on stderr; returns that line. */
    private String assertOneLine(int expectedExit, String expectedText, String... args) {
        ProcpsRun.Result r = ProcpsRun.aspace(args);
        String e = r.err();
        assertEquals(expectedExit, r.code(), String.join(" ", args) + ": " + e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains(expectedText), String.join(" ", args) + ": " + e);
        assertFalse(e.contains("Exception"), e);
        return e;
    }

    @Test
    void importOfAnAspaceSnapshotOrSeriesSaysOpenItInstead() throws Exception {
        Path v1 = Path.of("src/test/resources/v1/sleep.json");
        Path v1Series = v1.resolveSibling("threads-series.jsonl");
        Path v2 = dir.resolve("v2.json");
        Path v2Series = dir.resolve("v2.jsonl");
        try (LiveProcess p = LiveProcess.sleep()) {
            String pid = Integer.toString(p.pid());
            ProcpsRun.aspaceOk("snapshot", pid, "-o", v2.toString());
            ProcpsRun.aspaceOk("record", pid, "-o", v2Series.toString(), "--every", "0.2", "--count", "2");
        }
        for (Path snapshot : List.of(v1, v2)) {
            assertOneLine(2, snapshot + ": this is already an aspace snapshot: open it with pmap/diff/render",
                    "import", snapshot.toString());
            assertOneLine(2, "this is already an aspace snapshot", "import", snapshot.toString(), "-o",
                    dir.resolve("again.json").toString());
            assertFalse(Files.exists(dir.resolve("again.json")));
        }
        for (Path series : List.of(v1Series, v2Series)) {
            assertOneLine(2, series + ": this is already an aspace series: open it with pmap/diff/render as "
                    + series + "@I", "import", series.toString());
        }
    }

    private static final String UTF16_ANSWER = "is UTF-16 text";

    /** A real pmap -X capture and a real snapshot, each written in the four UTF-16 shapes. */
    private List<Path> utf16Files() throws Exception {
        List<Path> files = new ArrayList<>();
        String pmap = Fixtures.text("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt");
        String json = Files.readString(Path.of("src/test/resources/v1/sleep.json"));
        String series = Files.readString(Path.of("src/test/resources/v1/threads-series.jsonl"));
        int n = 0;
        for (String text : List.of(pmap, json, series)) {
            for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                for (boolean bom : List.of(true, false)) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    b.writeBytes(((bom ? "\uFEFF" : "") + text).getBytes(cs));
                    Path f = dir.resolve("u" + (n++) + (text == pmap ? ".txt" : ".json"));
                    Files.write(f, b.toByteArray());
                    files.add(f);
                }
            }
        }
        return files;
    }

    @Test
    void utf16TextGetsTheSameOneLineFromEveryCommandThatReadsFiles() throws Exception {
        Path good = Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt");
        for (Path f : utf16Files()) {
            String name = f.toString();
            String svg = dir.resolve("o.svg").toString();
            List<String[]> commands = List.of(
                    new String[]{"pmap", name}, new String[]{"pmap", "-X", name}, new String[]{"pmap", "-x", name},
                    new String[]{"import", name}, new String[]{"import", name, "-o", dir.resolve("o.json").toString()},
                    new String[]{"diff", name, good.toString()}, new String[]{"diff", good.toString(), name},
                    new String[]{"render", name, "-o", svg}, new String[]{"render", name, "-o", dir.resolve("o.csv").toString()},
                    new String[]{"locate", name, "0x400000"}, new String[]{"pmap", name + "@0"});
            for (String[] args : commands) {
                String e = assertOneLine(2, name + ": " + UTF16_ANSWER, args);
                assertTrue(e.contains("iconv -f UTF-16"), e);
            }
            assertFalse(Files.exists(dir.resolve("o.json")));
            assertFalse(Files.exists(dir.resolve("o.svg")));
            // the loaders the window uses (snapshot, text import, series for the timeline) say the same
            for (Executable load : List.<Executable>of(() -> SnapshotStore.load(f), () -> TextImports.read(f, 0),
                    () -> SeriesReader.open(f))) {
                MalformedInputException e = assertThrows(MalformedInputException.class, load);
                assertTrue(e.getMessage().contains(UTF16_ANSWER), e.getMessage());
            }
        }
    }

    @Test
    void utf8TextAndBinaryFilesAreNotMistakenForUtf16() throws Exception {
        ProcpsRun.aspaceOk("import", Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt").toString());
        ProcpsRun.aspaceOk("pmap", Path.of("src/test/resources/v1/sleep.json").toString());
        try (LiveProcess p = LiveProcess.sleep()) {
            Path v2 = dir.resolve("v2.json");
            ProcpsRun.aspaceOk("snapshot", Integer.toString(p.pid()), "-o", v2.toString());
            ProcpsRun.aspaceOk("pmap", v2.toString());
        }
        Path core = dir.resolve("crash.core");
        try (var in = new GZIPInputStream(Files.newInputStream(Path.of("src/test/resources/cores/aarch64/crash.core.gz")))) {
            Files.write(core, in.readAllBytes());
        }
        ProcpsRun.aspaceOk("import", core.toString());
    }
}
