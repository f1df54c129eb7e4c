package dev.aspace.snapshot.series;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Version 2 series: frames that hold what changed, key frames, and what damage and a killed
 * recorder cost. The frames are a live snapshot of a C program with threads, changed the way a
 * process changes (a region's figures, a region gone, one added).
 */
class SeriesDeltaTest {

    private static Snapshot live;

    @TempDir
    Path dir;

    @BeforeAll
    static void takeOne() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "3")) {
            live = new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
        }
    }

    /** Frame i: the live snapshot i seconds later, its region 3's Rss changed by i pages, and every 7th without region 5. */
    private static Snapshot changed(int i) {
        List<Region> regions = new ArrayList<>(live.regions());
        Region r = regions.get(3);
        Smaps s = r.smaps();
        long[] v = s.values().clone();
        v[s.layout().indexOf("Rss")] += 4096L * i;
        regions.set(3, r.withSmaps(new Smaps(s.layout(), v, s.vmFlags())));
        if (i % 7 == 6) {
            regions.remove(5);
        }
        return new Snapshot(live.process(), live.threads(), regions, live.rollup(), live.memory(), live.machine(),
                live.takenAt().plusSeconds(i), live.readTime(), live.source(), live.torn());
    }

    private List<Snapshot> write(Path file, int n) {
        List<Snapshot> frames = new ArrayList<>();
        try (SeriesWriter w = SeriesWriter.create(file, new SeriesHeader(live.takenAt(), Duration.ofSeconds(1), 1L << 30,
                live.process().pid(), live.process().comm()))) {
            for (int i = 0; i < n; i++) {
                Snapshot s = changed(i);
                assertTrue(w.append(s).written());
                frames.add(s);
            }
        }
        return frames;
    }

    /** Each frame's head, in file order, with where its payload starts. */
    private static List<long[]> heads(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int pos = indexOf(all, (byte) '\n') + 1;
        List<long[]> out = new ArrayList<>();
        while (pos < all.length) {
            FrameRecord h = FrameRecord.parse(ByteBuffer.wrap(all, pos, FrameRecord.HEAD_BYTES));
            out.add(new long[] {pos, h.key() ? 1 : 0, h.length()});
            pos += FrameRecord.HEAD_BYTES + h.length();
        }
        return out;
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static Snapshot asWritten(Snapshot read, Snapshot written) {
        return read.withSource(written.source());
    }

    @Test
    void aChangeRebuildsTheFrameInAddressOrderAcrossTheTopOfTheAddressSpace() {
        List<Region> before = live.regions();
        Region top = before.get(before.size() - 1);
        assertTrue(top.start() < 0, "the live process has a region above 2^63 ([vsyscall]): " + top.rangeText());
        // changed: region 3 (a row), gone: region 5 and the topmost (starts on both sides of 2^63)
        List<Region> after = new ArrayList<>(changed(1).regions());
        after.remove(after.size() - 1);
        after.remove(5);
        Deltas.Change c = Deltas.between(before, after);
        assertEquals(1, c.rows().size());
        assertEquals(2, c.removed().length);
        assertEquals(after, Deltas.apply(before, c.rows(), c.removed()));
        // and the topmost back as a row: it goes last, after every region below 2^63
        List<Region> rows = List.of(c.rows().get(0), top);
        List<Region> back = Deltas.apply(before, rows, new long[] {before.get(5).start()});
        assertEquals(top, back.get(back.size() - 1));
        assertEquals(before.size() - 1, back.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Deltas.apply(after, List.of(), new long[] {top.start()}));
        assertTrue(e.getMessage().contains("removes regions the frame before does not have"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Deltas.apply(after, List.of(), new long[] {before.get(5).start()}));
    }

    @Test
    void everyFrameReadsBackAsWrittenFromItsChangesAndAKeyFrameComesEverySixty() throws IOException {
        Path file = dir.resolve("rec.series");
        List<Snapshot> written = write(file, 125);
        SeriesReader r = SeriesReader.open(file);
        assertEquals(3, r.header().version());
        assertEquals(125, r.size());
        assertEquals("", r.truncation());
        // in every order: forwards, backwards, jumps (the cache must not change what is read)
        int[] order = {0, 1, 2, 59, 60, 61, 124, 3, 58, 120, 119, 7, 6, 5, 64};
        for (int i : order) {
            Snapshot back = r.frame(i);
            assertEquals(new Source(Source.Type.FILE, file + "@" + i), back.source());
            assertEquals(written.get(i), asWritten(back, written.get(i)), "frame " + i);
        }
        List<long[]> heads = heads(file);
        for (int i = 0; i < heads.size(); i++) {
            assertEquals(i % SeriesWriter.KEY_EVERY == 0 ? 1 : 0, heads.get(i)[1], "frame " + i + " key?");
        }
        assertTrue(heads.get(1)[2] * 5 < heads.get(0)[2] * 3, "a frame that changes one region is smaller than a"
                + " whole one: " + heads.get(1)[2] + " against " + heads.get(0)[2]);
        assertEquals(written.get(6).regions().size(), r.summaries().get(6).regions());
        assertEquals(written.get(124).takenAt(), r.summaries().get(124).takenAt());
    }

    @Test
    void inALargeProcessTheRowsChangedSinceAKeyFrameStayFewerThanItsRowsAndAFrameIsBuiltFromFew() throws IOException {
        Snapshot big;
        try (LiveProcess p = LiveProcess.startHelper("many_maps", "6000")) {
            big = new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
        }
        int n = big.regions().size();
        assertTrue(n >= SeriesWriter.MANY_ROWS, n + " regions");
        Path file = dir.resolve("big.series");
        List<Snapshot> written = new ArrayList<>();
        try (SeriesWriter w = SeriesWriter.create(file, new SeriesHeader(big.takenAt(), Duration.ofSeconds(1), 1L << 30,
                big.process().pid(), big.process().comm()))) {
            List<Region> regions = new ArrayList<>(big.regions());
            for (int f = 0; f < 12; f++) {
                for (int i = f % 3; i < regions.size(); i += 3) { // a third of the regions change each frame
                    Region r = regions.get(i);
                    if (r.smaps() != null) {
                        long[] v = r.smaps().values().clone();
                        v[r.smaps().layout().indexOf("Rss")] += 4096;
                        regions.set(i, r.withSmaps(new Smaps(r.smaps().layout(), v, r.smaps().vmFlags())));
                    }
                }
                Snapshot s = big.withRegions(List.copyOf(regions));
                assertTrue(w.append(s).written());
                written.add(s);
            }
        }
        List<long[]> heads = heads(file);
        int sinceKey = 0;
        for (int i = 0; i < heads.size(); i++) {
            sinceKey = heads.get(i)[1] == 1 ? 0 : sinceKey + 1;
            assertTrue(sinceKey <= 2, "frame " + i + " is the " + sinceKey + "th delta after a key frame, each"
                    + " changing a third of the rows: rebuilding it would decode more rows than two key frames");
        }
        SeriesReader r = SeriesReader.open(file);
        for (int i : new int[] {11, 4, 7, 0, 10}) {
            assertEquals(written.get(i).regions(), r.frame(i).regions(), "frame " + i);
        }
    }

    @Test
    void aFrameWhoseChangesWouldBeLargerThanAWholeOneIsWrittenWhole() throws IOException {
        Path file = dir.resolve("all.series");
        try (SeriesWriter w = SeriesWriter.create(file, new SeriesHeader(live.takenAt(), Duration.ofSeconds(1), 1L << 30,
                live.process().pid(), live.process().comm()))) {
            w.append(live);
            // every region's label changes: the changes are every region, plus the list of none removed
            List<Region> all = new ArrayList<>();
            for (Region x : live.regions()) {
                all.add(x.classified(x.kind(), x.label() + " (moved)"));
            }
            w.append(live.withRegions(all));
        }
        assertEquals(1, heads(file).get(1)[1], "written whole");
        assertEquals(live.withRegions(live.regions().stream()
                .map(x -> x.classified(x.kind(), x.label() + " (moved)")).toList()),
                asWritten(SeriesReader.open(file).frame(1), live));
    }

    @Test
    void aDamagedFrameCostsTheFramesUpToTheNextKeyFrameOnly() throws IOException {
        Path file = dir.resolve("rec.series");
        List<Snapshot> written = write(file, 70);
        byte[] all = Files.readAllBytes(file);
        long[] frame5 = heads(file).get(5);

        // a flipped byte inside frame 5's compressed snapshot
        byte[] flipped = all.clone();
        flipped[(int) (frame5[0] + FrameRecord.HEAD_BYTES + frame5[2] / 2)] ^= 0x20;
        Path bad = dir.resolve("flipped.series");
        Files.write(bad, flipped);
        SeriesReader r = SeriesReader.open(bad);
        assertEquals(70, r.size());
        assertEquals(written.get(4), asWritten(r.frame(4), written.get(4)));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> r.frame(5));
        assertTrue(e.getMessage().startsWith(bad + " frame 5: is damaged: its checksum"), e.getMessage());
        e = assertThrows(MalformedInputException.class, () -> r.frame(59));
        assertTrue(e.getMessage().contains("frame 59: cannot be rebuilt: it builds on frame 5, which is damaged"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("frames from 60 on (the next whole frame) read again"), e.getMessage());
        for (int i = 60; i < 70; i++) {
            assertEquals(written.get(i), asWritten(r.frame(i), written.get(i)), "frame " + i);
        }

        // frame 5's head overwritten: the reader finds frame 6 by its magic and numbers the rest right
        byte[] headless = all.clone();
        Arrays.fill(headless, (int) frame5[0], (int) frame5[0] + 8, (byte) 0);
        Path noHead = dir.resolve("headless.series");
        Files.write(noHead, headless);
        SeriesReader h = SeriesReader.open(noHead);
        assertEquals(70, h.size());
        e = assertThrows(MalformedInputException.class, () -> h.frame(5));
        assertTrue(e.getMessage().contains("frame 5: is damaged: its head cannot be read"), e.getMessage());
        e = assertThrows(MalformedInputException.class, () -> h.frame(6));
        assertTrue(e.getMessage().contains("frame 6: cannot be rebuilt: it holds changes to frame 5"), e.getMessage());
        assertEquals(written.get(65), asWritten(h.frame(65), written.get(65)));
        assertEquals(70, h.summaries().size());
    }

    @Test
    void aKilledRecorderLosesOnlyTheFrameItWasWriting() throws IOException {
        Path file = dir.resolve("rec.series");
        List<Snapshot> written = write(file, 4);
        byte[] all = Files.readAllBytes(file);
        long[] last = heads(file).get(3);
        Path cut = dir.resolve("cut.series");
        long end = last[0] + FrameRecord.HEAD_BYTES + last[2];
        for (long at : new long[] {last[0] + 1, last[0] + FrameRecord.HEAD_BYTES - 1, last[0] + FrameRecord.HEAD_BYTES + 10,
                end - 1}) {
            Files.write(cut, Arrays.copyOf(all, (int) at));
            SeriesReader r = SeriesReader.open(cut);
            assertEquals(3, r.size(), "cut at " + at);
            assertTrue(r.truncation().startsWith("frame 3 is cut off after"), r.truncation());
            assertTrue(r.truncation().endsWith("frames 0 to 2 are whole"), r.truncation());
            assertEquals(written.get(2), asWritten(r.frame(2), written.get(2)));
        }
        Files.write(cut, Arrays.copyOf(all, (int) last[0]));
        assertEquals("", SeriesReader.open(cut).truncation(), "cut between frames: nothing is missing");
        Files.write(cut, Arrays.copyOf(all, (int) heads(file).get(0)[0] + 20));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> SeriesReader.open(cut));
        assertTrue(e.getMessage().startsWith(cut + ": has no whole frame: frame 0 is cut off"), e.getMessage());
    }

    @Test
    void anUnchangedProcessCostsOnlyItsHeaderFieldsPerFrame() throws IOException {
        Path file = dir.resolve("still.series");
        try (SeriesWriter w = SeriesWriter.create(file, new SeriesHeader(live.takenAt(), Duration.ofSeconds(1), 1L << 30,
                live.process().pid(), live.process().comm()))) {
            for (int i = 0; i < 5; i++) {
                w.append(new Snapshot(live.process(), live.threads(), live.regions(), live.rollup(), live.memory(),
                        live.machine(), live.takenAt().plusSeconds(i), live.readTime(), live.source(), live.torn()));
            }
        }
        List<long[]> heads = heads(file);
        for (int i = 1; i < 5; i++) {
            assertTrue(heads.get(i)[2] < 2048, "frame " + i + ": " + heads.get(i)[2] + " bytes");
        }
        assertFalse(SeriesReader.open(file).frame(4).regions().isEmpty());
    }
}
