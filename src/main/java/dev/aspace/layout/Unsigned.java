package dev.aspace.layout;

/** Unsigned 64-bit address arithmetic with doubles, without BigInteger. */
final class Unsigned {

    static final double TWO_64 = 18446744073709551616.0;
    private static final double TWO_63 = 9223372036854775808.0;

    private Unsigned() {
    }

    /** The unsigned value of {@code u} as a double (rounded to 53 bits). */
    static double toDouble(long u) {
        if (u >= 0) {
            return u;
        }
        // halve keeping the low bit for correct rounding, then double
        return ((u >>> 1) | (u & 1)) * 2.0;
    }

    /** Number of addresses in {@code [first, last]} as a double: up to 2^64. */
    static double countInclusive(long first, long last) {
        return toDouble(last - first) + 1.0;
    }

    /** The unsigned long nearest below {@code d}, clamped to [0, 2^64-1]. */
    static long fromDouble(double d) {
        if (!(d > 0)) {
            return 0;
        }
        if (d >= TWO_64) {
            return -1L;
        }
        if (d < TWO_63) {
            return (long) d;
        }
        return (long) (d - TWO_63) ^ Long.MIN_VALUE;
    }

    static long min(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    static long max(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    static boolean le(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0;
    }

    static boolean lt(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }
}
