package dev.aspace.snapshot;

import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** One frame's smaps figures, each distinct set held once. */
class SharedSmapsTest {

    private static final SmapsLayout LAYOUT = new SmapsLayout(List.of("Size", "Rss", "Pss"), List.of(true, true, true));
    private static final List<String> READABLE = List.of("rd", "mr");
    private static final List<String> WRITABLE = List.of("rd", "wr");

    @Test
    void theSameFiguresAndFlagsGiveTheSameSmapsAndAnyDifferenceAnother() {
        SharedSmaps shared = new SharedSmaps(LAYOUT, 4);
        long[] row = {4096, 4096, 2048};
        Smaps first = shared.of(row, 0, READABLE);
        row[2] = 1024; // the reader reuses its array for the next row
        Smaps other = shared.of(row, 0, READABLE);
        row[2] = 2048;
        assertSame(first, shared.of(row, 0, READABLE));
        assertNotSame(first, other);
        assertArrayEquals(new long[] {4096, 4096, 2048}, first.values(), "kept its own copy");
        assertArrayEquals(new long[] {4096, 4096, 1024}, other.values());
        Smaps flagged = shared.of(row, 1, WRITABLE);
        assertNotSame(first, flagged);
        assertEquals(WRITABLE, flagged.vmFlags());
    }

    @Test
    void aFullTableStillGivesEveryRowItsFigures() {
        SharedSmaps shared = new SharedSmaps(LAYOUT, 1);
        List<Smaps> made = new ArrayList<>();
        for (long v = 0; v < 100; v++) {
            made.add(shared.of(new long[] {v, v, v}, 0, READABLE));
        }
        for (long v = 0; v < 100; v++) {
            assertArrayEquals(new long[] {v, v, v}, made.get((int) v).values());
            assertEquals(made.get((int) v), shared.of(new long[] {v, v, v}, 0, READABLE));
        }
    }
}
