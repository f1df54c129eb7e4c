package dev.aspace.cli;

import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.export.Picture;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RibbonPictureTest {

    @Test
    void everyRegionIsDrawnInsideTheRibbonInAddressOrder() {
        Snapshot s = TextImports.read(Fixtures.path("smaps-01-googleinterns-memfd-deleted-vsyscall.txt"), 0).snapshot();
        Picture p = RibbonPicture.of(s, 1600);
        assertEquals(1600 - 2 * RibbonPicture.MARGIN, p.ribbonWidth());
        double lastEnd = -1;
        int regionsDrawn = 0;
        for (Picture.Bar b : p.bars()) {
            assertTrue(b.x0() >= 0 && b.x1() <= p.ribbonWidth() + 1e-6, b.toString());
            assertTrue(b.x1() > b.x0(), b.toString());
            if (!b.label().contains(" regions, ")) {
                assertTrue(b.x0() >= lastEnd - 1e-6, "wide regions come in address order: " + b);
                lastEnd = b.x1();
                regionsDrawn++;
            } else {
                regionsDrawn += Integer.parseInt(b.label().substring(0, b.label().indexOf(' ')));
            }
        }
        assertEquals(1072, regionsDrawn); // each region drawn once: alone or in its pixel's bin
        assertTrue(p.gaps().stream().anyMatch(g -> g.label().contains("unmapped")), p.gaps().toString());
        assertTrue(p.title().startsWith("process - /proc/PID/smaps text from smaps-01"), p.title());
        assertTrue(p.subtitle().startsWith("1072 regions"), p.subtitle());
    }
}
