package dev.aspace.ui.vm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshPolicyTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void anUnchangedProcessIsNotRereadEachTick() {
        assertFalse(RefreshPolicy.shouldReread(false, 1 * S, 5 * MS));
        assertFalse(RefreshPolicy.shouldReread(false, 29 * S, 5 * MS));
    }

    @Test
    void anUnchangedProcessIsRereadNowAndThen() {
        assertTrue(RefreshPolicy.shouldReread(false, 30 * S, 5 * MS));
    }

    @Test
    void anExpensiveUnchangedProcessIsRereadRarelyEnoughToStayUnderATenthOfAPercentOfWallTime() {
        long cost = 120 * MS; // a full smaps read of a 60,000-map process
        assertFalse(RefreshPolicy.shouldReread(false, 119 * S, cost));
        assertTrue(RefreshPolicy.shouldReread(false, 120 * S, cost));
    }

    @Test
    void aChangedCheapProcessIsRereadAtOnce() {
        assertTrue(RefreshPolicy.shouldReread(true, 1 * S, 5 * MS));
    }

    @Test
    void aChangedExpensiveProcessIsRereadAtMostAQuarterOfTheTime() {
        long cost = 400 * MS;
        assertFalse(RefreshPolicy.shouldReread(true, 1 * S, cost));
        assertTrue(RefreshPolicy.shouldReread(true, 1200 * MS, cost));
    }
}
