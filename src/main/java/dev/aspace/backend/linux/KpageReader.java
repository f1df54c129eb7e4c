package dev.aspace.backend.linux;

import dev.aspace.frames.U64Entries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads {@code /proc/kpagecount} and {@code /proc/kpageflags} (one 64-bit value per frame, root
 * only) for a set of frame numbers. The frames are visited in PFN order and neighbours are read
 * together: frames a few apart cost one read, not one each, and the kernel walks its memory map
 * forwards.
 */
public final class KpageReader {

    /** Frames at most this far apart are read in one go (the values between are read and dropped). */
    private static final int GAP = 64;
    private static final int MAX_SPAN = 65536;
    /** Frames from which the two files are read on two threads at once. */
    private static final int BOTH_AT_ONCE = 16_384;

    private final Path kpagecount;
    private final Path kpageflags;

    public KpageReader(ProcPath proc) {
        this.kpagecount = proc.proc("kpagecount");
        this.kpageflags = proc.proc("kpageflags");
    }

    /** Whether both files can be opened for reading by this process. */
    public boolean readable() {
        return Files.isReadable(kpagecount) && Files.isReadable(kpageflags);
    }

    /**
     * For each {@code i < n} with {@code flagPfns[i] != 0}, sets {@code flags[i]} to the frame's
     * kpageflags word, and for each with {@code countPfns[i] != 0} {@code counts[i]} to its map
     * count; the others are left alone. Each file is read in PFN order.
     *
     * @throws UncheckedIOException when the files cannot be read (no privilege)
     */
    public void read(long[] flagPfns, long[] countPfns, int n, long[] counts, long[] flags) {
        try (FileChannel cc = FileChannel.open(kpagecount, StandardOpenOption.READ);
             FileChannel fc = FileChannel.open(kpageflags, StandardOpenOption.READ)) {
            if (n < BOTH_AT_ONCE) {
                readInOrder(fc, flagPfns, n, flags);
                readInOrder(cc, countPfns, n, counts);
                return;
            }
            // the kernel's time dominates (it looks up each frame): the two files on two cores
            CompletableFuture<Void> countsRead = CompletableFuture.runAsync(() -> {
                try {
                    readInOrder(cc, countPfns, n, counts);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            readInOrder(fc, flagPfns, n, flags);
            try {
                countsRead.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kpagecount + " and " + kpageflags
                    + ": frame map counts and flags need CAP_SYS_ADMIN (root)", e);
        }
    }

    /** {@link #read(long[], long[], int, long[], long[])} with both values read for every frame. */
    public void read(long[] pfns, int n, long[] counts, long[] flags) {
        read(pfns, pfns, n, counts, flags);
    }

    /** Sets {@code into[i]} to the file's value for frame {@code pfns[i]}, visiting frames in PFN order. */
    private static void readInOrder(FileChannel ch, long[] pfns, int n, long[] into) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(MAX_SPAN * Long.BYTES);
        long[] scratch = new long[MAX_SPAN];
        int[] order = pfnOrder(pfns, n);
        int at = 0;
        while (at < order.length) {
            long first = pfns[order[at]];
            int end = at + 1;
            long last = first;
            while (end < order.length) {
                long next = pfns[order[end]];
                if (next - last > GAP || next - first >= MAX_SPAN) {
                    break;
                }
                last = next;
                end++;
            }
            int got = readSpan(ch, buf, first, (int) (last - first + 1), scratch);
            for (int k = at; k < end; k++) {
                int i = order[k];
                int off = (int) (pfns[i] - first);
                into[i] = off < got ? scratch[off] : 0;
            }
            at = end;
        }
    }

    private static int readSpan(FileChannel ch, ByteBuffer buf, long first, int span, long[] into) throws IOException {
        buf.clear().limit(span * Long.BYTES);
        long pos = first * Long.BYTES;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos + buf.position());
            if (r <= 0) {
                break;
            }
        }
        buf.flip();
        return U64Entries.decode(buf, into, 0);
    }

    /**
     * The indexes of the non-zero PFNs, sorted by PFN. One primitive sort of (pfn, index) packed
     * in a long where they fit (frames below 2^31: 8 TiB of 4 KiB pages); already sorted input
     * (a THP, a fresh anonymous block) is recognised and not sorted again.
     */
    static int[] pfnOrder(long[] pfns, int n) {
        int m = 0;
        boolean sorted = true;
        boolean packable = true;
        long prev = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long p = pfns[i];
            if (p != 0) {
                m++;
                sorted &= p >= prev;
                prev = p;
                packable &= p < (1L << 31);
            }
        }
        int[] order = new int[m];
        if (sorted || !packable) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (pfns[i] != 0) {
                    order[k++] = i;
                }
            }
            if (!sorted) {
                Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
                Arrays.sort(boxed, (a, b) -> Long.compare(pfns[a], pfns[b]));
                for (int i = 0; i < m; i++) {
                    order[i] = boxed[i];
                }
            }
            return order;
        }
        long[] keys = new long[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (pfns[i] != 0) {
                keys[k++] = (pfns[i] << 32) | i;
            }
        }
        Arrays.sort(keys);
        for (int i = 0; i < m; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }
}
