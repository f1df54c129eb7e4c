package dev.aspace.ui.timeline;

import java.util.Arrays;

/**
 * The points of a sparkline of {@code n} values across a strip of whole pixels. While there are
 * at most two values a pixel every value is a point; beyond that, each pixel column gets its
 * first, lowest, highest and last value, so a line of 47,000 frames is at most four points a
 * pixel and still shows every spike (a pixel column cannot show more). Pure geometry: x in
 * pixels from 0, y as the values themselves.
 */
record SparkPoints(double[] x, long[] y) {

    /**
     * @param values the values, frame by frame
     * @param width  the strip's width in pixels: value k sits at {@code width * k / (n - 1)}
     */
    static SparkPoints of(long[] values, double width) {
        int n = values.length;
        if (n <= 2 * Math.max(1, width)) {
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = at(k, n, width);
            }
            return new SparkPoints(x, values.clone());
        }
        double[] x = new double[(int) Math.ceil(width + 1) * 4];
        long[] y = new long[x.length];
        int m = 0;
        int k = 0;
        while (k < n) {
            int column = (int) at(k, n, width);
            long first = values[k];
            long low = first;
            long high = first;
            int lowAt = k;
            int highAt = k;
            int last = k;
            while (last + 1 < n && (int) at(last + 1, n, width) == column) {
                last++;
                if (values[last] < low) {
                    low = values[last];
                    lowAt = last;
                }
                if (values[last] > high) {
                    high = values[last];
                    highAt = last;
                }
            }
            double cx = at(k, n, width);
            // first, then the extremes in the order they came, then last: the line stays continuous
            x[m] = cx;
            y[m++] = first;
            x[m] = cx;
            y[m++] = lowAt <= highAt ? low : high;
            x[m] = cx;
            y[m++] = lowAt <= highAt ? high : low;
            x[m] = cx;
            y[m++] = values[last];
            k = last + 1;
        }
        return new SparkPoints(Arrays.copyOf(x, m), Arrays.copyOf(y, m));
    }

    private static double at(int k, int n, double width) {
        return n <= 1 ? 0 : width * k / (n - 1);
    }

    int size() {
        return x.length;
    }
}
