package dev.aspace.procfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings made from byte ranges, made once: the same device or path bytes seen again give the
 * same String without decoding or allocating. A small direct-mapped table; a collision just
 * replaces the older entry.
 */
final class ByteStrings {

    private final byte[][] bytes;
    private final String[] strings;
    private final int mask;

    /** @param size table size, a power of two */
    ByteStrings(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        bytes = new byte[size][];
        strings = new String[size];
        mask = size - 1;
    }

    /** The UTF-8 text of {@code b[from, to)}. */
    String get(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & mask;
        byte[] known = bytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, b, from, to)) {
            return strings[slot];
        }
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        bytes[slot] = Arrays.copyOfRange(b, from, to);
        strings[slot] = s;
        return s;
    }
}
