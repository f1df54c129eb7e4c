package dev.aspace.procfs;

/**
 * A 64-bit FNV-1a digest of bytes, fed in pieces: two texts with the same digest are taken to be
 * the same text. Used to compare two reads of a process's maps (the maps lines of an smaps read
 * against a read of maps) without parsing the second one.
 */
public final class TextDigest {

    /** The digest of no bytes. */
    public static final long EMPTY = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private TextDigest() {
    }

    /** The digest after also feeding {@code b[from..to)}. */
    public static long update(long digest, byte[] b, int from, int to) {
        long h = digest;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xff)) * PRIME;
        }
        return h;
    }

    /** The digest after also feeding one byte. */
    public static long update(long digest, byte b) {
        return (digest ^ (b & 0xff)) * PRIME;
    }
}
