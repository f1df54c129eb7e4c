package dev.aspace.testutil;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' own reader of pagemap and kpagecount, written from the kernel's pagemap.rst and
 * sharing no code with aspace: what aspace shows is compared with what this reads.
 */
public final class RawFrames {

    public static final long PAGE = 4096;

    private RawFrames() {
    }

    /** The raw 64-bit pagemap entries of {@code pages} pages from {@code address}. */
    public static long[] pagemap(int pid, long address, int pages) throws IOException {
        byte[] b = new byte[pages * 8];
        try (RandomAccessFile f = new RandomAccessFile("/proc/" + pid + "/pagemap", "r")) {
            f.seek(address / PAGE * 8);
            f.readFully(b);
        }
        long[] out = new long[pages];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    /** Bits 0-54 of an entry whose bit 63 (present) is set, else 0. */
    public static long pfn(long entry) {
        return entry < 0 ? entry & ((1L << 55) - 1) : 0;
    }

    /** The frame numbers of {@code pages} pages from {@code address} (0 for a page not present). */
    public static long[] pfns(int pid, long address, int pages) throws IOException {
        long[] e = pagemap(pid, address, pages);
        for (int i = 0; i < e.length; i++) {
            e[i] = pfn(e[i]);
        }
        return e;
    }

    /** /proc/kpagecount for one frame. */
    public static long kpagecount(long pfn) throws IOException {
        byte[] b = new byte[8];
        try (RandomAccessFile f = new RandomAccessFile("/proc/kpagecount", "r")) {
            f.seek(pfn * 8);
            f.readFully(b);
        }
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** The [start, end) of each maps line of {@code pid} that ends with {@code pathSuffix} and has these permissions. */
    public static List<long[]> mappings(int pid, String perms, String pathSuffix) throws IOException {
        List<long[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && f[1].equals(perms) && f[5].endsWith(pathSuffix)) {
                String[] se = f[0].split("-");
                out.add(new long[] {Long.parseUnsignedLong(se[0], 16), Long.parseUnsignedLong(se[1], 16)});
            }
        }
        return out;
    }
}
