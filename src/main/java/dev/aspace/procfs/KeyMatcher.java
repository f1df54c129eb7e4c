package dev.aspace.procfs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Tells whether a line starts with a known smaps key and its colon ({@code "Rss:"}), comparing
 * eight bytes at a time. Keys of up to 16 bytes with the colon (all that Linux prints) take one
 * or two comparisons; longer keys fall back to bytes.
 */
final class KeyMatcher {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[] first = new long[32];
    private long[] firstMask = new long[32];
    private long[] second = new long[32];
    private long[] secondMask = new long[32];
    private byte[][] withColon = new byte[32][];
    private int count;

    void add(byte[] key) {
        if (count == first.length) {
            int n = count * 2;
            first = Arrays.copyOf(first, n);
            firstMask = Arrays.copyOf(firstMask, n);
            second = Arrays.copyOf(second, n);
            secondMask = Arrays.copyOf(secondMask, n);
            withColon = Arrays.copyOf(withColon, n);
        }
        byte[] k = Arrays.copyOf(key, key.length + 1);
        k[key.length] = ':';
        byte[] padded = Arrays.copyOf(k, Math.max(16, k.length));
        first[count] = (long) LONGS.get(padded, 0);
        second[count] = (long) LONGS.get(padded, 8);
        firstMask[count] = mask(Math.min(8, k.length));
        secondMask[count] = mask(Math.max(0, Math.min(8, k.length - 8)));
        withColon[count] = k;
        count++;
    }

    private static long mask(int bytes) {
        return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
    }

    /** The index of the colon when {@code b[from..]} starts with key i and ':', else -1. */
    int match(byte[] b, int from, int i) {
        byte[] k = withColon[i];
        int n = k.length;
        if (n <= 16 && from + 16 <= b.length) {
            if (((long) LONGS.get(b, from) & firstMask[i]) != first[i]) {
                return -1;
            }
            if (n > 8 && ((long) LONGS.get(b, from + 8) & secondMask[i]) != second[i]) {
                return -1;
            }
            return from + n - 1;
        }
        if (from + n > b.length) {
            return -1;
        }
        for (int j = 0; j < n; j++) {
            if (b[from + j] != k[j]) {
                return -1;
            }
        }
        return from + n - 1;
    }
}
