package dev.aspace.ui.timeline;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sparkline's points: every value while there are few, and for many a handful per pixel column
 * that still holds each column's lowest and highest value, so no spike is lost.
 */
class SparkPointsTest {

    @Test
    void fewValuesAreEveryPointWhereTheSliderPutsThem() {
        SparkPoints p = SparkPoints.of(new long[] {5, 9, 1}, 100);
        assertArrayEquals(new long[] {5, 9, 1}, p.y());
        assertArrayEquals(new double[] {0, 50, 100}, p.x());
    }

    @Test
    void manyValuesAreAtMostFourPointsAPixelAndKeepEveryColumnsExtremes() {
        int n = 47_434;
        double width = 1000;
        long[] v = new long[n];
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < n; k++) {
            v[k] = 100 + random.nextInt(50);
        }
        v[31_337] = 10_000; // one frame's spike
        v[12_345] = -7;     // and one dip
        SparkPoints p = SparkPoints.of(v, width);
        assertTrue(p.size() <= 4 * (width + 1), p.size() + " points for " + width + " pixels");
        long[] low = new long[(int) width + 1];
        long[] high = new long[(int) width + 1];
        Arrays.fill(low, Long.MAX_VALUE);
        Arrays.fill(high, Long.MIN_VALUE);
        for (int k = 0; k < n; k++) {
            int c = (int) (width * k / (n - 1));
            low[c] = Math.min(low[c], v[k]);
            high[c] = Math.max(high[c], v[k]);
        }
        for (int c = 0; c <= width; c++) {
            long pl = Long.MAX_VALUE;
            long ph = Long.MIN_VALUE;
            for (int i = 0; i < p.size(); i++) {
                if ((int) p.x()[i] == c) {
                    pl = Math.min(pl, p.y()[i]);
                    ph = Math.max(ph, p.y()[i]);
                }
            }
            assertEquals(low[c], pl, "lowest of column " + c);
            assertEquals(high[c], ph, "highest of column " + c);
        }
        assertEquals(v[0], p.y()[0], "starts at the first frame");
        assertEquals(v[n - 1], p.y()[p.size() - 1], "ends at the last");
    }
}
