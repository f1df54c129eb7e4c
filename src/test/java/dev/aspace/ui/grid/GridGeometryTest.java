package dev.aspace.ui.grid;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridGeometryTest {

    private static final double[] WIDTHS = {100, 50, 200};

    @Test
    void pointsHitTheColumnAndRowUnderThem() {
        GridGeometry g = new GridGeometry(WIDTHS, 20, 30, 100, 300, 230, 0, 0);
        assertEquals(0, g.columnAt(0));
        assertEquals(0, g.columnAt(99.9));
        assertEquals(1, g.columnAt(100));
        assertEquals(2, g.columnAt(299));
        assertEquals(-1, g.columnAt(350));
        assertEquals(-1, g.rowAt(29), "the header is not a row");
        assertEquals(0, g.rowAt(30));
        assertEquals(9, g.rowAt(229));
        assertEquals(0, g.firstVisibleRow());
        assertEquals(9, g.lastVisibleRow());
        assertEquals(10, g.rowsPerPage());
        // a row's own top edge is in it, though 30 + 48 - 0.01 does not come back to 48 exactly
        GridGeometry nudged = new GridGeometry(WIDTHS, 24, 30, 20, 300, 500, 0, 0.01);
        assertEquals(2, nudged.rowAt(nudged.rowTop(2)));
    }

    @Test
    void scrollingMovesRowsAndColumnsAndIsClampedToTheContent() {
        GridGeometry g = new GridGeometry(WIDTHS, 20, 30, 100, 200, 230, 75, 45);
        assertEquals(2, g.firstVisibleRow(), "45 px down: row 2 is cut at the top");
        assertEquals(12, g.lastVisibleRow());
        assertEquals(30 + 2 * 20 - 45, g.rowTop(2));
        assertEquals(1, g.columnAt(30), "75 px right: x 30 is content x 105");
        assertEquals(-75, g.columnLeft(0));

        GridGeometry far = new GridGeometry(WIDTHS, 20, 30, 100, 300, 230, 1e9, 1e9);
        assertEquals(50, far.scrollX(), "350 px of columns in 300");
        assertEquals(100 * 20 - 200, far.scrollY());
        assertEquals(99, far.lastVisibleRow());
        GridGeometry none = new GridGeometry(WIDTHS, 20, 30, 3, 300, 230, -5, 40);
        assertEquals(0, none.scrollX());
        assertEquals(0, none.scrollY(), "three rows fit: nothing to scroll");
    }

    @Test
    void anEdgeNearThePointerIsTheColumnADragResizes() {
        GridGeometry g = new GridGeometry(WIDTHS, 20, 30, 10, 400, 230, 0, 0);
        assertEquals(0, g.resizeEdgeAt(102, 4));
        assertEquals(1, g.resizeEdgeAt(148, 4));
        assertEquals(-1, g.resizeEdgeAt(125, 4));
    }

    @Test
    void noRowsAndNoHeightShowNoRows() {
        assertEquals(-1, new GridGeometry(WIDTHS, 20, 30, 0, 300, 230, 0, 0).firstVisibleRow());
        assertEquals(-1, new GridGeometry(WIDTHS, 20, 30, 5, 300, 0, 0, 0).lastVisibleRow());
    }

    @Property
    void scrollingToShowARowPutsItWholeInView(@ForAll @IntRange(min = 1, max = 5000) int rows,
                                              @ForAll @IntRange(min = 0, max = 4999) int row,
                                              @ForAll @DoubleRange(min = 0, max = 1e6) double from,
                                              @ForAll @DoubleRange(min = 60, max = 2000) double height) {
        int r = row % rows;
        GridGeometry g = new GridGeometry(WIDTHS, 24, 30, rows, 300, height, 0, from);
        GridGeometry after = new GridGeometry(WIDTHS, 24, 30, rows, 300, height, 0, g.scrollYToShow(r));
        assertTrue(after.rowTop(r) >= after.headerHeight() - 1e-9, "top of row " + r);
        assertTrue(after.rowTop(r) + 24 <= height + 1e-9, "bottom of row " + r);
        assertTrue(after.firstVisibleRow() <= r && r <= after.lastVisibleRow());
        // a row already whole in view does not move
        GridGeometry again = new GridGeometry(WIDTHS, 24, 30, rows, 300, height, 0, after.scrollYToShow(r));
        assertEquals(after.scrollY(), again.scrollY());
    }

    @Property
    void aPointInARowHitsThatRow(@ForAll @IntRange(min = 1, max = 5000) int rows,
                                 @ForAll @DoubleRange(min = 0, max = 1e6) double scroll,
                                 @ForAll @DoubleRange(min = 0, max = 0.99) double where) {
        GridGeometry g = new GridGeometry(WIDTHS, 24, 30, rows, 300, 500, 0, scroll);
        for (int r = g.firstVisibleRow(); r <= g.lastVisibleRow(); r++) {
            double y = g.rowTop(r) + where * 24;
            if (y >= 30 && y < 500) {
                assertEquals(r, g.rowAt(y));
            }
        }
    }
}
