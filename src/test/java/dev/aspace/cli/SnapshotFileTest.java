package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * aspace snapshot PID -o FILE.json, then aspace pmap FILE.json: what procps pmap printed for the
 * process when it was saved. And bad snapshot files: one line naming the file, exit code 2.
 */
class SnapshotFileTest {

    @TempDir
    Path dir;

    @Test
    void pmapOfASavedSnapshotPrintsWhatPmapPrintedThen() {
        assumeTrue(ProcpsRun.has("pmap"), "procps pmap is not installed");
        try (LiveProcess p = LiveProcess.startHelper("threads_maps")) {
            p.stop();
            String pid = Integer.toString(p.pid());
            Path file = dir.resolve("threads.json");
            ProcpsRun.Result saved = ProcpsRun.aspace("snapshot", pid, "-o", file.toString());
            assertEquals(0, saved.code(), saved.err());
            assertTrue(saved.out().contains(file.toString()), saved.out());
            List<List<String>> formats = List.of(List.of(), List.of("-x"), List.of("-X"), List.of("-XX"), List.of("-d"),
                    List.of("-X", "-p"), List.of("-q"));
            List<List<String>> live = new ArrayList<>();
            for (List<String> o : formats) {
                List<String> cmd = new ArrayList<>(List.of("pmap"));
                cmd.addAll(o);
                cmd.add(pid);
                live.add(ProcpsRun.lines(ProcpsRun.real(cmd)));
            }
            p.end(); // the process is gone: only the file is left
            for (int i = 0; i < formats.size(); i++) {
                List<String> cmd = new ArrayList<>(List.of("pmap"));
                cmd.addAll(formats.get(i));
                cmd.add(file.toString());
                ProcpsRun.Result r = ProcpsRun.aspace(cmd);
                assertEquals(0, r.code(), r.err());
                PmapParity.assertSame(String.join(" ", cmd), live.get(i), r.lines());
            }
        }
    }

    @Test
    void aSnapshotWhoseRegionLacksAnSmapsKeyIsBadInputBeforeAnyOutput() throws IOException {
        Path f = dir.resolve("lacking.json");
        String json = Files.readString(Path.of("src/test/resources/v1/sleep.json"));
        // region 3 loses its Pss (the first two are in smapsUnits and the rollup); the others keep theirs
        int at = 0;
        for (int i = 0; i < 6; i++) {
            at = json.indexOf("\"Pss\" :", at + 1);
        }
        int lineEnd = json.indexOf('\n', at);
        Files.writeString(f, json.substring(0, at) + json.substring(lineEnd + 1));
        for (String format : List.of("-x", "-X", "-XX")) {
            ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", format, f.toString()), 2, f.toString(),
                    "$.regions[3].smaps.values", "lacks smaps key 'Pss'");
        }
    }

    @Test
    void aMissingSnapshotFileIsNamed() {
        Path f = dir.resolve("nothing-here.json");
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", "-X", f.toString()), 2, f.toString());
    }

    @Test
    void aTruncatedSnapshotFileIsBadInputNamingTheFile() throws IOException {
        Path f = dir.resolve("cut.json");
        Files.writeString(f, "{\"format\": \"aspace-snapshot\", \"version\": 1, \"process\": {\"pid\": 4");
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", "-X", f.toString()), 2, f.toString());
    }

    @Test
    void aFileThatIsNotASnapshotIsBadInputNamingTheFile() throws IOException {
        Path f = dir.resolve("other.json");
        Files.writeString(f, "{\"format\": \"something-else\", \"version\": 1}");
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", f.toString()), 2, f.toString());
    }

    @Test
    void snapshotOfNoProcessIsARuntimeCondition() throws Exception {
        int pid;
        try (LiveProcess p = LiveProcess.start("true")) {
            pid = p.pid();
            p.process().waitFor();
        }
        Path f = dir.resolve("none.json");
        ProcpsRun.assertOneLine(ProcpsRun.aspace("snapshot", Integer.toString(pid), "-o", f.toString()), 1, Integer.toString(pid));
        assertFalse(Files.exists(f), "no file for a failed snapshot");
    }
}
