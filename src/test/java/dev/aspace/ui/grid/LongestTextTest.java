package dev.aspace.ui.grid;

import dev.aspace.backend.MemoryBackend.Detail;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongestTextTest {

    /** As the region table's number columns: KiB of a byte count, blank when absent (-1). */
    private static Function<Region, String> kib(ToLongFunction<Region> f, AtomicInteger formats) {
        return r -> {
            formats.incrementAndGet();
            long v = f.applyAsLong(r);
            return v < 0 ? "" : Long.toString(v >> 10);
        };
    }

    @Test
    void aColumnWithAFigureFormatsOnlyTheLargestAndFindsTheSameLongestTextAsReadingEveryRow() throws Exception {
        List<Region> regions;
        try (LiveProcess p = LiveProcess.startHelper("many_maps", "3000")) {
            regions = new LinuxBackend().snapshot(p.pid(), Detail.SMAPS).regions();
        }
        assertTrue(regions.size() > 3000, "regions: " + regions.size());
        List<ToLongFunction<Region>> fields = List.of(Region::size, r -> r.smaps() == null ? -1 : r.rss(), Region::inode);
        for (ToLongFunction<Region> f : fields) {
            AtomicInteger everyRow = new AtomicInteger();
            AtomicInteger largestOnly = new AtomicInteger();
            String expected = LongestText.of(regions, new GridColumn<>("n", GridColumn.Align.RIGHT, 40, true,
                    kib(f, everyRow), Comparator.comparingLong(f)));
            String found = LongestText.of(regions, new GridColumn<>("n", GridColumn.Align.RIGHT, 40, true,
                    kib(f, largestOnly), Comparator.comparingLong(f), f));
            assertEquals(regions.size(), everyRow.get(), "without a figure every row is read");
            assertEquals(expected.length(), found.length(), expected + " against " + found);
            assertTrue(expected.length() > 0, "a figure was shown");
            assertEquals(1, largestOnly.get(), "with a figure one row is formatted");
        }
    }

    @Test
    void severalColumnsAtOnceGiveWhatEachGivesAlone() throws Exception {
        List<Region> regions;
        try (LiveProcess p = LiveProcess.startHelper("many_maps", "300")) {
            regions = new LinuxBackend().snapshot(p.pid(), Detail.SMAPS).regions();
        }
        AtomicInteger formats = new AtomicInteger();
        List<GridColumn<Region>> columns = List.of(
                new GridColumn<>("size", GridColumn.Align.RIGHT, 40, true, kib(Region::size, formats),
                        Comparator.comparingLong(Region::size), Region::size),
                new GridColumn<>("path", GridColumn.Align.LEFT, 40, true, Region::path, Comparator.comparing(Region::path)),
                new GridColumn<>("rss", GridColumn.Align.RIGHT, 40, true, kib(Region::rss, formats),
                        Comparator.comparingLong(Region::rss), Region::rss),
                new GridColumn<>("inode", GridColumn.Align.RIGHT, 40, true, kib(Region::inode, formats),
                        Comparator.comparingLong(Region::inode), Region::inode));
        String[] together = LongestText.ofEach(regions, columns);
        assertEquals(columns.size(), together.length);
        for (int c = 0; c < columns.size(); c++) {
            assertEquals(LongestText.of(regions, columns.get(c)), together[c], columns.get(c).name());
        }
        assertTrue(together[1].length() > 0, "the longest path");
        assertEquals(0, LongestText.ofEach(List.<Region>of(), columns)[0].length());
    }

    @Test
    void noRowsOrOnlyAbsentFiguresGiveNoText() {
        GridColumn<Long> column = new GridColumn<>("n", GridColumn.Align.RIGHT, 40, true,
                v -> v < 0 ? "" : Long.toString(v), Comparator.naturalOrder(), Long::longValue);
        assertEquals("", LongestText.of(List.of(), column));
        assertEquals("", LongestText.of(List.of(-1L, -1L), column));
        assertEquals("123", LongestText.of(new ArrayList<>(List.of(7L, 123L, -1L, 99L)), column));
    }
}
