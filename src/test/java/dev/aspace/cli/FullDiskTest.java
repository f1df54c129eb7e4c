package dev.aspace.cli;

import dev.aspace.snapshot.series.SeriesReader;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.testutil.SpecialFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writers on a full disk: a small tmpfs mounted below the test's own directory (root only),
 * unmounted after. What the messages say was kept must be what is on the disk.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    private Path disk;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void mountASmallDisk() throws IOException {
        assumeTrue(SpecialFiles.root(), "mounting a tmpfs needs root");
        disk = Files.createDirectory(dir.resolve("small"));
        try {
            SpecialFiles.run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString());
        } catch (IllegalStateException e) {
            disk = null;
            assumeTrue(false, "cannot mount a tmpfs here: " + e.getMessage());
        }
    }

    @AfterEach
    void unmount() {
        if (disk != null) {
            SpecialFiles.run("umount", disk.toString());
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Fills the disk until {@code leave} bytes (or fewer) are free. */
    private void fill(long leave) throws IOException {
        long free = Files.getFileStore(disk).getUsableSpace();
        byte[] block = new byte[4096];
        try (OutputStream o = Files.newOutputStream(disk.resolve("filler"))) {
            for (long written = 0; written + block.length <= free - leave; written += block.length) {
                o.write(block);
            }
        } catch (IOException full) {
            // full already
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(disk)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void recordOverwriteOnAFullDiskKeepsTheOldRecordingAndSaysSo() throws Exception {
        Path old = disk.resolve("rec.jsonl");
        byte[] before = "an older recording\n".getBytes();
        Files.write(old, before);
        fill(0);
        try (LiveProcess p = LiveProcess.sleep()) {
            assertEquals(1, run("record", Integer.toString(p.pid()), "-o", old.toString(), "--count", "2",
                    "--overwrite"), err.toString());
        }
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("aspace: cannot record to " + old + ": No space left on device"),
                err.toString());
        assertTrue(err.toString().contains("nothing was recorded, " + old + " was left as it was"), err.toString());
        assertArrayEquals(before, Files.readAllBytes(old));
        assertEquals(List.of("filler", "rec.jsonl"), names(), "no temporary file is left");
    }

    @Test
    void snapshotAndRenderOnAFullDiskKeepTheOldFileAndLeaveNoTemporaryFile() throws Exception {
        Path json = disk.resolve("run.json");
        Path svg = disk.resolve("run.svg");
        Files.writeString(json, "{}");
        Files.writeString(svg, "<svg/>");
        fill(0);
        try (LiveProcess p = LiveProcess.sleep()) {
            assertEquals(1, run("snapshot", Integer.toString(p.pid()), "-o", json.toString()), err.toString());
            assertTrue(err.toString().startsWith("aspace: cannot save " + json + ": No space left on device"),
                    err.toString());
            assertTrue(err.toString().endsWith(json + " was left as it was\n"), err.toString());
        }
        assertEquals(1, run("render", Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt")
                .toString(), "-o", svg.toString()), err.toString());
        assertTrue(err.toString().startsWith("aspace: cannot write " + svg + ": No space left on device"), err.toString());
        assertEquals("{}", Files.readString(json));
        assertEquals("<svg/>", Files.readString(svg));
        assertEquals(List.of("filler", "run.json", "run.svg"), names());
    }

    @Test
    void aRecordingThatFillsTheDiskKeepsTheFramesItSaysItKept() throws Exception {
        try (LiveProcess p = LiveProcess.sleep()) {
            String pid = Integer.toString(p.pid());
            Path probe = dir.resolve("probe.jsonl");
            assertEquals(0, run("record", pid, "-o", probe.toString(), "--count", "1"), err.toString());
            long frame = Files.size(probe);
            fill(frame * 5 / 2); // room for two frames and a half, about
            Path rec = disk.resolve("rec.jsonl");
            assertEquals(1, run("record", pid, "-o", rec.toString(), "--every", "0.05", "--count", "50"),
                    err.toString());
        }
        Matcher m = Pattern.compile("^aspace: cannot record to .*: No space left on device; the (\\d+) frames? before are"
                + " kept; recording stopped, kept (\\d+) frames? \\(.*\\) in .*\n$").matcher(err.toString());
        assertTrue(m.matches(), err.toString());
        int kept = Integer.parseInt(m.group(2));
        assertEquals(m.group(1), m.group(2));
        assertTrue(kept >= 1, err.toString());
        SeriesReader series = SeriesReader.open(disk.resolve("rec.jsonl"));
        assertEquals(kept, series.size(), "the file holds what the message says");
        assertEquals("", series.truncation(), "and ends on a whole frame");
        series.frame(kept - 1);
        assertEquals(List.of("filler", "rec.jsonl"), names());
    }
}
