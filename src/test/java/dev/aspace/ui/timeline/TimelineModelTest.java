package dev.aspace.ui.timeline;

import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.ui.Background;
import dev.aspace.testutil.GrowingProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's view model on a series recorded from a live process, without a robot. */
class TimelineModelTest {

    @TempDir
    static Path dir;
    private static Path file;
    private static List<Snapshot> written;

    private final List<Snapshot> shown = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    @BeforeAll
    static void record() {
        file = dir.resolve("grow.jsonl");
        written = GrowingProcess.recordSeries(file, 4);
    }

    private static Snapshot asWritten(Snapshot s) {
        return s.withSource(new Source(Source.Type.LIVE, "pid " + s.process().pid()));
    }

    @Test
    void openingShowsFrameZeroAndSelectingShowsThatFrame() {
        TimelineModel m = new TimelineModel(Background.direct(), shown::add, errors::add);
        boolean[] then = {false};
        m.open(file, () -> then[0] = true);
        assertTrue(then[0]);
        assertEquals(4, m.frames().size());
        assertEquals(0, m.shownProperty().get());
        assertEquals(written.get(0), asWritten(shown.get(0)));
        assertEquals(new Source(Source.Type.FILE, file + "@0"), shown.get(0).source());

        m.select(2);
        assertEquals(2, m.shownProperty().get());
        assertEquals(written.get(2), asWritten(shown.get(1)));
        String d = m.describe(2);
        assertTrue(d.startsWith("frame 3 of 4 · " + m.time(written.get(2).takenAt()) + " · +"), d);
        assertTrue(d.contains(" · " + written.get(2).regions().size() + " regions · RSS "), d);
        assertEquals(written.get(0).regions().size() + 2, m.frames().get(2).regions());

        m.select(7);
        m.select(-1);
        assertEquals(2, m.shownProperty().get(), "no such frame: nothing changes");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void marksADiffTheTwoFramesInOrder() {
        TimelineModel m = new TimelineModel(Background.direct(), shown::add, errors::add);
        m.open(file, () -> { });
        m.select(3);
        m.markA();
        assertFalse(m.canDiff());
        m.select(1);
        m.markB();
        assertTrue(m.canDiff());
        List<List<Snapshot>> compared = new ArrayList<>();
        m.diff(compared::add);
        assertEquals(1, compared.size());
        assertEquals(written.get(3), asWritten(compared.get(0).get(0)));
        assertEquals(written.get(1), asWritten(compared.get(0).get(1)));

        m.close();
        assertNull(m.seriesProperty().get());
        assertEquals(-1, m.markAProperty().get());
        assertTrue(m.frames().isEmpty());
    }

    @Test
    void aFrameChosenAsSoonAsTheSeriesOpensIsTheOneShown() {
        TimelineModel m = new TimelineModel(Background.direct(), shown::add, errors::add);
        m.seriesProperty().addListener((o, a, series) -> {
            if (series != null) {
                m.select(2);
            }
        });
        m.open(file, () -> { });
        assertEquals(2, m.shownProperty().get());
        assertEquals(written.get(2), asWritten(shown.get(shown.size() - 1)));
    }

    /** Work queued until the test runs it, to see what happens while a read is in flight. */
    private static final class Queued implements Background {
        final Queue<Runnable> jobs = new ArrayDeque<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> done, Consumer<? super Throwable> failed) {
            jobs.add(() -> Background.direct().submit(work, done, failed));
        }

        void runAll() {
            while (!jobs.isEmpty()) {
                jobs.poll().run();
            }
        }
    }

    @Test
    void frameZeroIsOnScreenBeforeTheFramesAreIndexed() {
        Queued bg = new Queued();
        TimelineModel m = new TimelineModel(bg, shown::add, errors::add);
        boolean[] then = {false};
        m.open(file, () -> then[0] = true);
        bg.jobs.poll().run(); // the first read done, the index not yet
        assertEquals(1, shown.size(), "frame 0 shown while the frames are indexed");
        assertEquals(written.get(0), asWritten(shown.get(0)));
        assertEquals(new Source(Source.Type.FILE, file + "@0"), shown.get(0).source());
        assertNull(m.seriesProperty().get(), "not on the timeline yet");
        assertTrue(m.frames().isEmpty());
        assertFalse(then[0]);

        bg.runAll();
        assertEquals(4, m.frames().size());
        assertEquals(0, m.shownProperty().get());
        assertEquals(1, shown.size(), "frame 0 is not shown twice: " + shown);
        assertTrue(then[0]);
        m.select(1);
        bg.runAll();
        assertEquals(written.get(1), asWritten(shown.get(shown.size() - 1)));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aSeriesWhoseFirstFrameCannotBeReadEarlyStillOpens() throws Exception {
        Path cut = dir.resolve("damaged-first-head.jsonl");
        byte[] bytes = Files.readAllBytes(file);
        int firstRecord = indexOf(bytes, (byte) '\n') + 1;
        bytes[firstRecord] ^= 0x55; // frame 0's magic: only the index's search for the next frame finds the rest
        Files.write(cut, bytes);
        Queued bg = new Queued();
        TimelineModel m = new TimelineModel(bg, shown::add, errors::add);
        m.open(cut, () -> { });
        bg.jobs.poll().run();
        assertTrue(shown.isEmpty(), "nothing shown early: " + shown);
        bg.runAll();
        assertEquals(1, errors.size(), "frame 0 is damaged, and the open says so: " + errors);
        assertTrue(errors.get(0).getMessage().contains("frame 0"), errors.get(0).getMessage());
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void scrubbingWhileAFrameIsReadShowsOnlyTheLatest() {
        Queued bg = new Queued();
        TimelineModel m = new TimelineModel(bg, shown::add, errors::add);
        m.open(file, () -> { });
        bg.runAll();
        shown.clear();
        m.select(2);
        m.select(3);
        assertEquals(1, bg.jobs.size(), "one read at a time");
        bg.runAll();
        assertEquals(3, m.shownProperty().get());
        assertEquals(1, shown.size(), "frame 2 was read but never shown: " + shown);
        assertEquals(written.get(3), asWritten(shown.get(0)));
    }

    @Test
    void theNextFrameIsReadAheadSoTheNextStepShowsAtOnce() {
        Queued bg = new Queued();
        TimelineModel m = new TimelineModel(bg, shown::add, errors::add);
        m.open(file, () -> { });
        bg.runAll();
        for (int k = 1; k < 4; k++) {
            m.select(k);
            assertEquals(k, m.shownProperty().get(), "frame " + k + " was read ahead: shown without waiting");
            assertEquals(written.get(k), asWritten(shown.get(shown.size() - 1)));
            assertEquals(new Source(Source.Type.FILE, file + "@" + k), shown.get(shown.size() - 1).source());
            assertEquals(k < 3 ? 1 : 0, bg.jobs.size(), "only the frame after it is read ahead");
            bg.runAll();
        }
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void framesKeptAreBoundedByTheirRegionsSoALargeProcessKeepsFewer() {
        long oneFrame = written.get(1).regions().size();
        for (long budget : new long[] {4 * oneFrame, oneFrame}) {
            Queued bg = new Queued();
            TimelineModel m = new TimelineModel(bg, shown::add, errors::add, budget);
            m.open(file, () -> { });
            bg.runAll(); // frame 0 shown, frame 1 read ahead
            m.select(1);
            bg.runAll(); // frame 2 read ahead
            m.select(0);
            assertEquals(budget == oneFrame ? 1 : 0, bg.jobs.size(), "frame 0 read again with room for "
                    + budget + " regions");
            bg.runAll();
            assertEquals(0, m.shownProperty().get());
            assertEquals(written.get(0), asWritten(shown.get(shown.size() - 1)));
        }
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aFrameReadAheadIsNotShownWhenAnotherWasAskedForMeanwhile() {
        Queued bg = new Queued();
        TimelineModel m = new TimelineModel(bg, shown::add, errors::add);
        m.open(file, () -> { });
        bg.runAll();
        shown.clear();
        m.select(1);
        assertEquals(1, bg.jobs.size(), "frame 2 being read ahead");
        m.select(3);
        bg.runAll();
        assertEquals(3, m.shownProperty().get());
        assertEquals(List.of(written.get(1), written.get(3)), shown.stream().map(TimelineModelTest::asWritten).toList(),
                "frame 2, read ahead, never shown");
    }

    @Test
    void aCutOffFileOpensWithItsWholeFramesAndABadOneIsReported() throws Exception {
        byte[] all = Files.readAllBytes(file);
        int cutAt = all.length - 100;
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, Arrays.copyOf(all, cutAt));
        TimelineModel m = new TimelineModel(Background.direct(), shown::add, errors::add);
        m.open(cut, () -> { });
        assertEquals(3, m.frames().size());
        assertTrue(m.seriesProperty().get().truncation().startsWith("frame 3 is cut off"),
                m.seriesProperty().get().truncation());

        Path notSeries = dir.resolve("notes.txt");
        Files.writeString(notSeries, "hello\n");
        m.open(notSeries, () -> { });
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getMessage().contains("not an aspace series"), errors.get(0).getMessage());
        assertEquals(3, m.frames().size(), "a failed open leaves the open series as it was");
    }
}
