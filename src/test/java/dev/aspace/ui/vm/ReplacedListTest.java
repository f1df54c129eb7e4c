package dev.aspace.ui.vm;

import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A list replaced whole: one change, which a sorted view over it follows. */
class ReplacedListTest {

    @Test
    void aReplacementIsOneChangeRemovingEverythingBeforeAndAddingEverythingNow() {
        ReplacedList<String> list = new ReplacedList<>();
        List<String> seen = new ArrayList<>();
        list.addListener((ListChangeListener<String>) c -> {
            int changes = 0;
            while (c.next()) {
                changes++;
                seen.add(c.getRemoved() + " -> " + c.getList().subList(c.getFrom(), c.getTo())
                        + (c.wasReplaced() ? " replaced" : c.wasAdded() ? " added" : " removed"));
            }
            assertEquals(1, changes);
        });
        list.replace(List.of("a", "b"));
        list.replace(List.of("c"));
        list.replace(List.of());
        list.replace(List.of());
        assertEquals(List.of("[] -> [a, b] added", "[a, b] -> [c] replaced", "[c] -> [] removed"), seen,
                "nothing told when nothing changed");
    }

    @Test
    void aSortedViewFollowsEveryReplacement() {
        ReplacedList<Integer> list = new ReplacedList<>();
        SortedList<Integer> sorted = new SortedList<>(list, Comparator.reverseOrder());
        list.replace(List.of(3, 1, 2));
        assertEquals(List.of(3, 2, 1), sorted);
        list.replace(List.of(5, 9));
        assertEquals(List.of(9, 5), sorted);
        sorted.setComparator(null);
        assertEquals(List.of(5, 9), sorted);
        list.replace(List.of(7, 4, 8));
        assertEquals(List.of(7, 4, 8), sorted);
    }

    @Test
    void itCannotBeChangedButByReplacingAndAChangeIsReadAfterNext() {
        ReplacedList<String> list = new ReplacedList<>();
        list.replace(List.of("a"));
        assertThrows(UnsupportedOperationException.class, () -> list.add("b"));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, "b"));
        list.addListener((ListChangeListener<String>) c -> {
            assertThrows(IllegalStateException.class, c::getFrom);
            assertTrue(c.next());
            assertEquals(0, c.getFrom());
            assertFalse(c.next());
        });
        list.replace(List.of("b"));
    }
}
