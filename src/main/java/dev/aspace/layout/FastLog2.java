package dev.aspace.layout;

/**
 * log2 for x ≥ 1 by table and linear interpolation: a few nanoseconds instead of Math.log's tens,
 * which matters for a million regions, and monotone (piecewise linear over a monotone table,
 * continuous across powers of two), which the layout's "longer region, longer span" rule needs.
 * Error below 1e-6.
 */
final class FastLog2 {

    private static final int BITS = 10;
    private static final int SHIFT = 52 - BITS;
    private static final double[] TABLE = new double[(1 << BITS) + 1];
    private static final double FRAC_SCALE = 1.0 / (1L << SHIFT);

    static {
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = Math.log1p(i / (double) (1 << BITS)) / Math.log(2);
        }
        TABLE[1 << BITS] = 1.0;
    }

    private FastLog2() {
    }

    /** log2(x) for finite x ≥ 1. */
    static double log2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1023;
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        int idx = (int) (mantissa >>> SHIFT);
        double frac = (mantissa & ((1L << SHIFT) - 1)) * FRAC_SCALE;
        double a = TABLE[idx];
        return exponent + (a + (TABLE[idx + 1] - a) * frac);
    }
}
