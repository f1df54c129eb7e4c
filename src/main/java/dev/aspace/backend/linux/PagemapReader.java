package dev.aspace.backend.linux;

import dev.aspace.backend.jna.NativeCallException;
import dev.aspace.backend.jna.NativeSystem;
import dev.aspace.backend.jna.PagemapScan;
import dev.aspace.model.AccessDeniedException;
import dev.aspace.model.ProcessGoneException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Which pages of a range are present in RAM or swapped out, from {@code /proc/PID/pagemap}: the
 * PAGEMAP_SCAN ioctl where the kernel has it (Linux 6.7+: runs of pages, cheap for big ranges),
 * else 8 bytes per page read from the file (bit 63 present, bit 62 swapped; see the kernel's
 * Documentation/admin-guide/mm/pagemap.rst). Safe to call from any thread.
 */
public final class PagemapReader {

    /** How a residency was read. */
    public enum Method { PAGEMAP_SCAN, PAGEMAP_READ }

    /** One pixel's worth of pages. */
    public record Bin(int pages, int present, int swapped) {
    }

    /**
     * The residency of [start, end): bit i of {@code present} / {@code swapped} is page i.
     */
    public record Residency(long start, long end, long pageSize, BitSet present, BitSet swapped, Method method) {

        public Residency {
            present = (BitSet) present.clone();
            swapped = (BitSet) swapped.clone();
        }

        public int pages() {
            return (int) ((end - start + pageSize - 1) / pageSize);
        }

        public int presentPages() {
            return present.cardinality();
        }

        public int swappedPages() {
            return swapped.cardinality();
        }

        public boolean isPresent(int page) {
            return present.get(page);
        }

        public boolean isSwapped(int page) {
            return swapped.get(page);
        }

        @Override
        public BitSet present() {
            return (BitSet) present.clone();
        }

        @Override
        public BitSet swapped() {
            return (BitSet) swapped.clone();
        }

        /** The pages split into {@code n} nearly equal bins (one per pixel); fewer when there are fewer pages. */
        public Bin[] bins(int n) {
            int pages = pages();
            int count = Math.max(1, Math.min(n, pages));
            Bin[] out = new Bin[count];
            for (int i = 0; i < count; i++) {
                int from = (int) ((long) pages * i / count);
                int to = (int) ((long) pages * (i + 1) / count);
                out[i] = new Bin(to - from, countIn(present, from, to), countIn(swapped, from, to));
            }
            return out;
        }

        private static int countIn(BitSet bits, int from, int to) {
            int c = 0;
            for (int i = bits.nextSetBit(from); i >= 0 && i < to; i = bits.nextSetBit(i + 1)) {
                c++;
            }
            return c;
        }
    }

    private static final long PRESENT = 1L << 63;
    private static final long SWAPPED = 1L << 62;
    private static final int PAGES_PER_READ = 8192;

    private final Path procRoot;
    /** 0 until the first read asks libc (the window makes a reader long before it reads). */
    private volatile long knownPageSize;
    private volatile boolean tryScan;

    /** Reads the live /proc, with PAGEMAP_SCAN when the kernel has it. */
    public PagemapReader() {
        this(Path.of("/proc"), 0, true);
    }

    /** @param tryScan false forces the 8-bytes-per-page path (tests compare the two) */
    public PagemapReader(Path procRoot, long pageSize, boolean tryScan) {
        this.procRoot = procRoot;
        this.knownPageSize = pageSize;
        this.tryScan = tryScan;
    }

    private long pageSize() {
        long size = knownPageSize;
        if (size == 0) {
            size = NativeSystem.pageSize();
            knownPageSize = size;
        }
        return size;
    }

    /**
     * The residency of the pages of [start, end) in process {@code pid}.
     *
     * @throws ProcessGoneException  the process does not exist
     * @throws AccessDeniedException not allowed to read its pagemap
     */
    public Residency read(int pid, long start, long end) {
        long pageSize = pageSize();
        if (Long.compareUnsigned(start, end) >= 0 || start % pageSize != 0) {
            throw new IllegalArgumentException("range " + Long.toHexString(start) + "-" + Long.toHexString(end)
                    + " must be page aligned and not empty");
        }
        if ((end - start) / pageSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("range " + Long.toHexString(start) + "-" + Long.toHexString(end)
                    + " has more pages than a residency can hold; read it in parts");
        }
        Path pagemap = procRoot.resolve(Integer.toString(pid)).resolve("pagemap");
        if (tryScan) {
            Optional<Residency> r = scan(pid, pagemap, start, end);
            if (r.isPresent()) {
                return r.get();
            }
            tryScan = false;
        }
        return readPages(pid, pagemap, start, end);
    }

    /** The method {@link #read} uses now (PAGEMAP_SCAN until the kernel says it has none). */
    public Method method() {
        return tryScan ? Method.PAGEMAP_SCAN : Method.PAGEMAP_READ;
    }

    private Optional<Residency> scan(int pid, Path pagemap, long start, long end) {
        long pageSize = pageSize();
        List<PagemapScan.Run> runs;
        try {
            Optional<List<PagemapScan.Run>> got = PagemapScan.scan(pagemap.toString(), start, end,
                    PagemapScan.PAGE_IS_PRESENT | PagemapScan.PAGE_IS_SWAPPED);
            if (got.isEmpty()) {
                return Optional.empty();
            }
            runs = got.get();
        } catch (NativeCallException e) {
            throw translate(pid, e.errno(), e);
        }
        BitSet present = new BitSet();
        BitSet swapped = new BitSet();
        for (PagemapScan.Run run : runs) {
            int from = (int) ((run.start() - start) / pageSize);
            int to = (int) ((run.end() - start) / pageSize);
            if ((run.categories() & PagemapScan.PAGE_IS_PRESENT) != 0) {
                present.set(from, to);
            }
            if ((run.categories() & PagemapScan.PAGE_IS_SWAPPED) != 0) {
                swapped.set(from, to);
            }
        }
        return Optional.of(new Residency(start, end, pageSize, present, swapped, Method.PAGEMAP_SCAN));
    }

    private Residency readPages(int pid, Path pagemap, long start, long end) {
        long pageSize = pageSize();
        int pages = (int) ((end - start + pageSize - 1) / pageSize);
        BitSet present = new BitSet(pages);
        BitSet swapped = new BitSet(pages);
        try (FileChannel ch = FileChannel.open(pagemap, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(PAGES_PER_READ * Long.BYTES).order(ByteOrder.nativeOrder());
            long firstEntry = Long.divideUnsigned(start, pageSize) * Long.BYTES;
            for (int done = 0; done < pages; ) {
                int want = Math.min(PAGES_PER_READ, pages - done);
                buf.clear().limit(want * Long.BYTES);
                int got = ch.read(buf, firstEntry + (long) done * Long.BYTES);
                if (got <= 0) {
                    break;
                }
                buf.flip();
                int entries = got / Long.BYTES;
                decode(buf, entries, done, present, swapped);
                done += entries;
            }
        } catch (NoSuchFileException e) {
            throw ProcessGoneException.noSuchProcess(pid);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new AccessDeniedException(pid, "pagemap", e);
        } catch (IOException e) {
            throw ProcessGoneException.exitedWhileReading(pid);
        }
        return new Residency(start, end, pageSize, present, swapped, Method.PAGEMAP_READ);
    }

    /** Decodes {@code entries} 64-bit pagemap entries for pages {@code firstPage...}: bit 63 present, bit 62 swapped. */
    static void decode(ByteBuffer buf, int entries, int firstPage, BitSet present, BitSet swapped) {
        for (int i = 0; i < entries; i++) {
            long e = buf.getLong(i * Long.BYTES);
            if ((e & PRESENT) != 0) {
                present.set(firstPage + i);
            }
            if ((e & SWAPPED) != 0) {
                swapped.set(firstPage + i);
            }
        }
    }

    private static RuntimeException translate(int pid, int errno, Exception e) {
        return switch (errno) {
            case 1, 13 -> new AccessDeniedException(pid, "pagemap", e);
            case 2, 3 -> ProcessGoneException.noSuchProcess(pid);
            default -> new IllegalStateException(e.getMessage(), e);
        };
    }
}
