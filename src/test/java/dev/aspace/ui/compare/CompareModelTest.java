package dev.aspace.ui.compare;

import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.diff.Change;
import dev.aspace.snapshot.diff.RegionDiff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compare view's data on two live runs of sleep, without a window. */
class CompareModelTest {

    private static List<Snapshot> runs;

    @BeforeAll
    static void takeTwoRuns() {
        runs = TwoSleeps.takeWithAslr();
    }

    @Test
    void librariesOfTwoRunsAreMatchedAndMoved() {
        CompareModel model = new CompareModel(runs);
        List<RegionDiff> moved = model.rows(0, 1, true).stream()
                .filter(d -> d.changes().contains(Change.MOVED) && d.region().path().contains("libc.so")).toList();
        assertTrue(moved.size() >= 2, "libc's segments moved between runs: " + moved);
        long slide = moved.get(0).slide();
        assertTrue(slide != 0);
        assertTrue(moved.stream().allMatch(d -> d.slide() == slide), "one library slides as a whole");
        assertEquals(0, slide & 0xfff, "slides are page multiples");
    }

    @Test
    void linksJoinEachMatchedRegionToItsMatchInTheNextRun() {
        CompareModel model = new CompareModel(runs);
        List<CompareModel.Link> links = model.links(0);
        assertTrue(links.size() >= runs.get(0).regions().size() - 2, "nearly every region of sleep has its match");
        for (CompareModel.Link link : links) {
            Region before = runs.get(0).regions().get(link.from());
            Region after = runs.get(1).regions().get(link.to());
            assertSame(link.diff().before(), before);
            assertSame(link.diff().after(), after);
            assertEquals(before.path(), after.path());
        }
    }

    @Test
    void titlesNameTheProcessAndWhereItCameFrom() {
        CompareModel model = new CompareModel(runs);
        assertEquals("#1 sleep, live pid " + runs.get(0).process().pid(), model.title(0));
    }

    @Test
    void oneSnapshotIsNotAComparison() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CompareModel(runs.subList(0, 1)));
        assertEquals("compare needs two or more snapshots, got 1", e.getMessage());
    }
}
