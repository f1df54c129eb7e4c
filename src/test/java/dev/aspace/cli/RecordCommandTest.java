package dev.aspace.cli;

import dev.aspace.model.ByteSize;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.snapshot.diff.DiffText;
import dev.aspace.snapshot.diff.SnapshotDiff;
import dev.aspace.snapshot.series.SeriesReader;
import dev.aspace.testutil.GrowingProcess;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** aspace record on live processes, then diff between two of its frames. */
class RecordCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void recordsThreeFramesOfAGrowingProcessThenDiffsTheFirstAndLast() {
        Path file = dir.resolve("grow.jsonl");
        int pid;
        try (GrowingProcess p = GrowingProcess.ticking(0.05)) {
            pid = p.pid();
            assertEquals(0, run("record", Integer.toString(pid), "-o", file.toString(), "--every", "0.3",
                    "--count", "3"), err.toString());
        }
        String text = out.toString();
        assertTrue(text.startsWith("recording process " + pid + " (python3) every 0.3 s to " + file
                + ", at most 50 MiB, 3 frames\n"), text);
        assertTrue(Pattern.compile("(?m)^frame 2  \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  \\d+ regions  RSS .+  file .+$")
                .matcher(text).find(), text);
        assertTrue(text.endsWith("recorded 3 frames (" + ByteSize.format(fileSize(file)) + ") in "
                + file + "\n"), text);
        SeriesReader series = SeriesReader.open(file);
        assertEquals(3, series.size());
        Snapshot first = series.frame(0);
        Snapshot last = series.frame(2);
        assertTrue(last.regions().size() > first.regions().size(), "the process mapped more between frames");

        // pmap -X of a frame prints what it printed of that frame saved as a snapshot
        Path saved = dir.resolve("frame2.json");
        SnapshotStore.save(last, saved);
        assertEquals(0, run("pmap", "-X", saved.toString()), err.toString());
        String ofSnapshot = out.toString();
        assertEquals(0, run("pmap", "-X", file + "@2"), err.toString());
        assertEquals(ofSnapshot, out.toString());
        assertTrue(ofSnapshot.startsWith(pid + ":   "), ofSnapshot);

        assertEquals(0, run("diff", file + "@0", file + "@2"), err.toString());
        assertEquals(DiffText.render(SnapshotDiff.compare(first, last), false), out.toString());
        Matcher added = Pattern.compile(" (\\d+) added").matcher(out.toString());
        assertTrue(added.find() && Integer.parseInt(added.group(1)) > 0, out.toString());

        // -1 counts from the end; the same table
        String table = out.toString();
        assertEquals(0, run("diff", file + "@0", file + "@-1"), err.toString());
        assertEquals(table, out.toString());
    }

    @Test
    void aProcessThatExitsStopsTheRecordingKeepingItsFramesExitOne() throws Exception {
        Path file = dir.resolve("short.jsonl");
        int pid;
        try (LiveProcess p = LiveProcess.start("sleep", "2")) {
            p.awaitExec("sleep");
            pid = p.pid();
            assertEquals(1, run("record", Integer.toString(pid), "-o", file.toString(), "--every", "0.2"));
        }
        Matcher m = Pattern.compile("aspace: process " + pid + " exited; recording stopped, kept (\\d+) frames? \\(")
                .matcher(err.toString());
        assertTrue(m.find(), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertEquals(Integer.parseInt(m.group(1)), SeriesReader.open(file).size());
        assertTrue(out.toString().contains("frame 0 "), out.toString());
    }

    @Test
    void badUsageAndMissingProcessesSayWhatIsWrong() {
        Path file = dir.resolve("x.jsonl");
        assertEquals(2, run("record", "abc", "-o", file.toString()));
        assertTrue(err.toString().startsWith("aspace: 'abc' is not a process id"), err.toString());
        assertEquals(2, run("record", "1", "-o", file.toString(), "--every", "0"));
        assertTrue(err.toString().contains("--every must be more than 0"), err.toString());
        assertEquals(2, run("record", "1", "-o", file.toString(), "--max-size", "12Q"));
        assertTrue(err.toString().contains("--max-size: a size like 50M, 1G, 512K or a number of bytes was expected,"
                + " got '12Q'"), err.toString());
        assertEquals(2, run("record", "1", "-o", file.toString(), "--count", "0"));
        assertTrue(err.toString().contains("--count must be at least 1"), err.toString());

        int gone;
        try (LiveProcess p = LiveProcess.sleep()) {
            gone = p.pid();
        }
        assertEquals(1, run("record", Integer.toString(gone), "-o", file.toString(), "--count", "2"));
        assertTrue(err.toString().startsWith("aspace: no such process: " + gone), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertFalse(Files.exists(file), "no frame, no file");

        // a frame is compressed: 20,000 mappings take more than 4 KiB, a sleep alone does not
        try (LiveProcess p = LiveProcess.startHelper("many_maps", "20000")) {
            assertEquals(2, run("record", Integer.toString(p.pid()), "-o", file.toString(), "--max-size", "4K"));
        }
        assertTrue(err.toString().startsWith("aspace: --max-size 4K is too small: the first frame alone is "),
                err.toString());
        assertFalse(Files.exists(file));
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void aSeriesMustBeNamedWithAFrame() {
        Path file = dir.resolve("two.jsonl");
        try (LiveProcess p = LiveProcess.sleep()) {
            assertEquals(0, run("record", Integer.toString(p.pid()), "-o", file.toString(), "--every", "0.1",
                    "--count", "2"), err.toString());
        }
        assertEquals(2, run("diff", file.toString(), file + "@1"));
        assertEquals("aspace: " + file + ": is a recorded series of 2 frames: name one as " + file
                + "@I with I from 0 to 1 (e.g. " + file + "@0, or " + file + "@-1 for the last)\n", err.toString());
        assertEquals(2, run("diff", file + "@0", file + "@2"));
        assertEquals("aspace: " + file + ": has frames 0 to 1 (or -1 to -2 from the end); there is no frame 2\n",
                err.toString());
        assertEquals(0, run("diff", file + "@0", file + "@1"), err.toString());
        assertTrue(out.toString().contains(" 0 added, 0 removed, 0 moved, 0 grown, 0 shrunk, 0 perms"), out.toString());
        Path svg = dir.resolve("last.svg");
        assertEquals(0, run("render", file + "@-1", "-o", svg.toString()), err.toString());
        assertTrue(Files.exists(svg));
    }

    private static long fileSize(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
