package dev.aspace.snapshot.series;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.ByteSize;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.snapshot.SnapshotCodec;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.testutil.GrowingProcess;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recording a series of a live process and reading it back, its cap, cut-off files and hostile input. */
class SeriesTest {

    private static final MemoryBackend BACKEND = new LinuxBackend();

    @TempDir
    Path dir;

    /** Fake time: reads cost {@code cost} each, waits are recorded and run {@code between}. */
    private static final class FakePacer implements SeriesRecorder.Pacer {
        long now;
        final List<Long> waits = new ArrayList<>();
        Runnable between = () -> { };

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void await(long nanos) {
            waits.add(nanos);
            now += nanos;
            between.run();
        }
    }

    private static Snapshot live(int pid) {
        return BACKEND.snapshot(pid, MemoryBackend.Detail.SMAPS);
    }

    /** Records {@code n} frames of a process that maps one more region between frames. */
    private static List<Snapshot> recordGrowing(Path file, int n) {
        List<Snapshot> written = GrowingProcess.recordSeries(file, n);
        assertEquals(n, written.size());
        return written;
    }

    @Test
    void liveFramesReadBackIdentical() {
        Path file = dir.resolve("grow.series");
        List<Snapshot> written = recordGrowing(file, 3);
        assertTrue(SeriesReader.isSeries(file));
        SeriesReader reader = SeriesReader.open(file);
        assertEquals(3, reader.size());
        assertEquals("", reader.truncation());
        assertEquals(written.get(0).process().pid(), reader.header().pid());
        assertEquals("python3", reader.header().comm());
        assertEquals(Duration.ofSeconds(1), reader.header().every());
        assertEquals(written.get(0).takenAt(), reader.header().startedAt());
        for (int i = 0; i < 3; i++) {
            Snapshot back = reader.frame(i);
            assertEquals(new Source(Source.Type.FILE, file + "@" + i), back.source());
            assertEquals(written.get(i), back.withSource(written.get(i).source()), "frame " + i);
        }
        // the process grew by one mapping between frames, and the summaries say so
        List<FrameSummary> sums = reader.summaries();
        assertEquals(written.get(0).regions().size() + 1, sums.get(1).regions());
        assertEquals(written.get(0).regions().size() + 2, sums.get(2).regions());
        assertEquals(written.get(2).takenAt(), sums.get(2).takenAt());
        assertEquals(written.get(2).process().vmRss(), sums.get(2).rss());
    }

    @Test
    void framesStartEveryIntervalAndASlowReadDoesNotBurst() {
        Snapshot s;
        try (LiveProcess p = LiveProcess.sleep()) {
            s = live(p.pid());
        }
        FakePacer pacer = new FakePacer();
        long[] costs = {300, 1500, 200, 100};
        int[] n = {0};
        Recording end = new SeriesRecorder(dir.resolve("paced.series"), () -> {
            pacer.now += costs[n[0]++] * 1_000_000L;
            return s;
        }, Duration.ofSeconds(1), 50L << 20).run(4, r -> { }, pacer);
        assertEquals(4, end.frames());
        // 1 s apart from start to start; the 1.5 s read makes the next start at once, then the
        // schedule continues from there
        assertEquals(List.of(700_000_000L, 0L, 800_000_000L), pacer.waits);
    }

    @Test
    void sizeCapStopsBeforeTheFrameThatWouldPassIt() throws IOException {
        Snapshot s;
        try (LiveProcess p = LiveProcess.sleep()) {
            p.stop(); // every frame the same size
            s = live(p.pid());
        }
        Path probe = dir.resolve("probe.series");
        Recording one = new SeriesRecorder(probe, () -> s, Duration.ofSeconds(1), 50L << 20).run(1, r -> { }, new FakePacer());
        long header = headerLength(probe);
        long key = one.bytes() - header;
        Recording two = new SeriesRecorder(dir.resolve("probe2.series"), () -> s, Duration.ofSeconds(1), 50L << 20)
                .run(2, r -> { }, new FakePacer());
        long change = two.bytes() - header - key; // the second frame holds only what changed: nothing

        Path file = dir.resolve("capped.series");
        long cap = header + key + change + change / 2;
        List<Integer> seen = new ArrayList<>();
        Recording end = new SeriesRecorder(file, () -> s, Duration.ofSeconds(1), cap).run(0, r -> seen.add(r.frames()),
                new FakePacer());
        assertEquals(StopReason.SIZE_CAP, end.stop());
        assertEquals(List.of(1, 2), seen);
        assertEquals(2, end.frames());
        assertEquals(change, end.nextFrame());
        assertEquals(headerLength(file) + key + change, Files.size(file));
        assertTrue(Files.size(file) <= cap);
        assertEquals(2, SeriesReader.open(file).size());
        assertTrue(end.describe().startsWith("stopped at the size cap: the next frame ("), end.describe());
        assertTrue(end.describe().endsWith("kept 2 frames (" + ByteSize.format(Files.size(file))
                + ") in " + file), end.describe());
        long frame = key;

        Path tiny = dir.resolve("tiny.series");
        Recording none = new SeriesRecorder(tiny, () -> s, Duration.ofSeconds(1), frame).run(0, r -> { }, new FakePacer());
        assertEquals(StopReason.SIZE_CAP, none.stop());
        assertEquals(0, none.frames());
        assertFalse(Files.exists(tiny), "nothing recorded, no file left behind");
        assertTrue(none.describe().contains("does not fit under the size cap"), none.describe());
    }

    @Test
    void aProcessThatExitsEndsTheRecordingAndKeepsTheFrames() {
        Path file = dir.resolve("gone.series");
        Recording end;
        int pid;
        try (LiveProcess p = LiveProcess.sleep()) {
            pid = p.pid();
            FakePacer pacer = new FakePacer();
            pacer.between = () -> {
                if (pacer.waits.size() == 2) {
                    p.end();
                }
            };
            end = new SeriesRecorder(file, () -> live(pid), Duration.ofSeconds(1), 50L << 20).run(0, r -> { }, pacer);
        }
        assertEquals(StopReason.SOURCE_FAILED, end.stop());
        assertTrue(end.failure() instanceof ProcessGoneException, String.valueOf(end.failure()));
        assertEquals(2, end.frames());
        assertEquals(2, SeriesReader.open(file).size());
        assertTrue(end.describe().startsWith("process " + pid + " exited; recording stopped, kept 2 frames"),
                end.describe());
    }

    @Test
    void noSuchProcessLeavesNoFile() {
        Path file = dir.resolve("none.series");
        int pid;
        try (LiveProcess p = LiveProcess.sleep()) {
            pid = p.pid();
        }
        Recording end = new SeriesRecorder(file, () -> live(pid), Duration.ofSeconds(1), 50L << 20).run(3, r -> { },
                new FakePacer());
        assertEquals(StopReason.SOURCE_FAILED, end.stop());
        assertEquals(0, end.frames());
        assertFalse(Files.exists(file));
    }

    @Test
    void aStopRequestEndsTheRecordingAfterTheCurrentFrame() {
        Snapshot s;
        try (LiveProcess p = LiveProcess.sleep()) {
            s = live(p.pid());
        }
        SeriesRecorder rec = new SeriesRecorder(dir.resolve("stop.series"), () -> s, Duration.ofMillis(50), 50L << 20);
        Recording end = rec.run(0, r -> {
            if (r.frames() == 3) {
                rec.requestStop();
            }
        });
        assertEquals(StopReason.STOPPED, end.stop());
        assertEquals(3, end.frames());
        assertNull(end.frame());
        assertEquals(end, rec.finish(), "finishing a finished recording changes nothing");
    }

    private static long headerLength(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                return i + 1;
            }
        }
        throw new AssertionError("no header line in " + file);
    }

    /** A series in version 1 (JSON lines), as aspace recorded before version 2, of the frames given. */
    static void writeVersion1(Path file, List<Snapshot> frames) throws IOException {
        Snapshot first = frames.get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new SeriesHeader(first.takenAt(), Duration.ofSeconds(1), 50L << 20, first.process().pid(),
                first.process().comm(), 1).toLine());
        for (Snapshot s : frames) {
            SnapshotCodec.writeLine(s, out);
            out.write('\n');
        }
        Files.write(file, out.toByteArray());
    }

    @Test
    void aVersion1FileCutInsideAFrameKeepsTheFramesBefore() throws IOException {
        Path file = dir.resolve("whole.series");
        writeVersion1(file, recordGrowing(dir.resolve("v2.series"), 3));
        byte[] all = Files.readAllBytes(file);
        int[] breaks = lineBreaks(all);
        assertEquals(4, breaks.length, "header and 3 frames, each ending in a line break");

        Path cut = dir.resolve("cut.series");
        int middleOfFrame2 = (breaks[2] + breaks[3]) / 2;
        Files.write(cut, Arrays.copyOf(all, middleOfFrame2));
        SeriesReader reader = SeriesReader.open(cut);
        assertEquals(2, reader.size());
        assertTrue(reader.truncation().startsWith("frame 2 (line 4) is cut off after "), reader.truncation());
        assertTrue(reader.truncation().endsWith("skipped; frames 0 to 1 are whole"), reader.truncation());
        assertEquals(SeriesReader.open(file).frame(1), reader.frame(1).withSource(new Source(Source.Type.FILE, file + "@1")));
        assertEquals(2, reader.summaries().size());

        // cut right after a frame's line break: nothing is missing
        Files.write(cut, Arrays.copyOf(all, breaks[2] + 1));
        assertEquals(2, SeriesReader.open(cut).size());
        assertEquals("", SeriesReader.open(cut).truncation());

        // cut inside the first frame: no whole frame
        Files.write(cut, Arrays.copyOf(all, breaks[0] + 100));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> SeriesReader.open(cut));
        assertTrue(e.getMessage().startsWith(cut + ": has no whole frame: frame 0 (line 2) is cut off"), e.getMessage());

        // cut inside the header
        Files.write(cut, Arrays.copyOf(all, 40));
        e = assertThrows(MalformedInputException.class, () -> SeriesReader.open(cut));
        assertEquals(cut + ":line 1: not an aspace series (its first line has no end); expected a first line "
                + "{\"format\":\"aspace-series\",...}", e.getMessage());
        Files.write(cut, new byte[0]);
        assertMessage(cut, ":line 1: not an aspace series (the file is empty)");
    }

    @Test
    void hostileAndWrongVersion1FilesFailWithTheLineAndNeverLoadEverything() throws IOException {
        Path file = dir.resolve("whole.series");
        writeVersion1(file, recordGrowing(dir.resolve("v2.series"), 2));
        byte[] all = Files.readAllBytes(file);
        int[] breaks = lineBreaks(all);
        String header = new String(all, 0, breaks[0], StandardCharsets.UTF_8);

        // a snapshot is not a series
        Path snap = dir.resolve("one.json");
        SnapshotStore.save(SeriesReader.open(file).frame(0), snap);
        assertFalse(SeriesReader.isSeries(snap));
        assertMessage(snap, ":line 1: is one snapshot, not a recorded series: open it as a snapshot");
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "dear diary\n");
        assertMessage(notes, ":line 1: not an aspace series; expected a first line {\"format\":\"aspace-series\",...}");

        // a later version
        Path v3 = dir.resolve("v3.series");
        Files.writeString(v3, header.replace("\"version\":1", "\"version\":4") + "\n");
        assertMessage(v3, ":line 1: version 4 is not supported: this aspace reads versions 1 to 3");

        // a blank line
        Path blank = dir.resolve("blank.series");
        Files.write(blank, concat(Arrays.copyOf(all, breaks[1] + 1), "\n".getBytes(StandardCharsets.US_ASCII)));
        assertMessage(blank, ":line 3: is empty: a series holds one snapshot per line, with no blank lines");

        // a first line that never ends
        Path longLine = dir.resolve("long.series");
        Files.writeString(longLine, "{\"format\":\"aspace-series\",\"x\":\"" + "a".repeat(100_000));
        assertMessage(longLine, ":line 1: not an aspace series (its first line is longer than 64 KiB)");

        // millions of lines: refused before the index grows past its bound
        Path many = dir.resolve("many.series");
        byte[] lines = new byte[2 * (SeriesReader.MAX_FRAMES + 1)];
        for (int i = 0; i < lines.length; i += 2) {
            lines[i] = 'x';
            lines[i + 1] = '\n';
        }
        Files.write(many, concat((header + "\n").getBytes(StandardCharsets.UTF_8), lines));
        assertMessage(many, ":line " + (SeriesReader.MAX_FRAMES + 2) + ": more than 1000000 frames");

        // a damaged frame in the middle: named by frame, line and JSON path
        Path bad = dir.resolve("bad.series");
        String text = new String(all, StandardCharsets.UTF_8);
        int frame1 = breaks[1] + 1;
        String damaged = text.substring(0, frame1) + text.substring(frame1).replaceFirst("\"start\":\"0x", "\"start\":\"zz");
        Files.writeString(bad, damaged);
        SeriesReader r = SeriesReader.open(bad);
        assertEquals(2, r.size());
        r.frame(0);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> r.frame(1));
        assertTrue(e.getMessage().startsWith(bad + " frame 1 (line 3):$.regions[0].start: expected a hex number"),
                e.getMessage());
        assertThrows(MalformedInputException.class, r::summaries);

        // deep nesting inside a frame hits the snapshot reader's limits
        Path deep = dir.resolve("deep.series");
        Files.writeString(deep, header + "\n{\"format\":\"aspace-snapshot\",\"version\":1,\"x\":" + "[".repeat(5000) + "\n");
        e = assertThrows(MalformedInputException.class, () -> SeriesReader.open(deep).frame(0));
        assertTrue(e.getMessage().startsWith(deep + " frame 0 (line 2):") && e.getMessage().contains("exceeds a safety limit"),
                e.getMessage());

        e = assertThrows(MalformedInputException.class, () -> r.frame(2));
        assertEquals(bad + ": has frames 0 to 1; there is no frame 2", e.getMessage());
        assertMessage(dir.resolve("missing.series"), ": no such file");
    }

    private static void assertMessage(Path file, String expectedAfterName) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> SeriesReader.open(file));
        assertTrue(e.getMessage().startsWith(file + expectedAfterName), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    private static int[] lineBreaks(byte[] all) {
        return IntStream.range(0, all.length).filter(i -> all[i] == '\n').toArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
