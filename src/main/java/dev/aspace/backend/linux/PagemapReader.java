package dev.aspace.backend.linux;

import dev.aspace.backend.jna.NativeCallException;
import dev.aspace.backend.jna.PagemapScan;
import dev.aspace.frames.PagemapEntry;
import dev.aspace.frames.Residency;
import dev.aspace.frames.Residency.Method;
import dev.aspace.frames.U64Entries;
import dev.aspace.model.AccessDeniedException;
import dev.aspace.model.ProcessGoneException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
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

    private static final long PRESENT = PagemapEntry.PRESENT;
    private static final long SWAPPED = PagemapEntry.SWAPPED;
    private static final int PAGES_PER_READ = 8192;
    /** Entries per read when every entry is kept: 512 KiB, a few reads for a GiB. */
    private static final int ENTRIES_PER_BIG_READ = 65536;
    /** Ranges of more pages than this are scanned first (PAGEMAP_SCAN) so that only populated runs are read. */
    private static final long SCAN_FIRST_PAGES = 65536;

    /**
     * The raw pagemap entries of the populated (present or swapped) pages of a range, in address
     * order: {@code addresses[i]} is the page of {@code entries[i]}.
     */
    public record Populated(long[] addresses, long[] entries) {
    }

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
            size = PageSize.get();
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

    /**
     * The 64-bit pagemap entry of each populated page of [start, end) of process {@code pid}
     * (decode them with {@link dev.aspace.frames.PagemapEntry}). Large ranges are scanned with
     * PAGEMAP_SCAN first where the kernel has it, so a sparse 1 TiB reservation costs its runs,
     * not 2 GiB of entries; the runs are then read in 512 KiB reads.
     *
     * @throws ProcessGoneException  the process does not exist
     * @throws AccessDeniedException not allowed to read its pagemap
     */
    public Populated populated(int pid, long start, long end) {
        long pageSize = pageSize();
        if (Long.compareUnsigned(start, end) >= 0 || start % pageSize != 0) {
            throw new IllegalArgumentException("range " + Long.toHexString(start) + "-" + Long.toHexString(end)
                    + " must be page aligned and not empty");
        }
        Path pagemap = procRoot.resolve(Integer.toString(pid)).resolve("pagemap");
        List<long[]> runs = null;
        if (tryScan && Long.divideUnsigned(end - start, pageSize) > SCAN_FIRST_PAGES) {
            runs = populatedRuns(pid, pagemap, start, end);
        }
        if (runs == null) {
            runs = List.of(new long[] {start, end});
        }
        LongList addresses = new LongList();
        LongList entries = new LongList();
        try (FileChannel ch = FileChannel.open(pagemap, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(ENTRIES_PER_BIG_READ * Long.BYTES);
            long[] chunk = new long[ENTRIES_PER_BIG_READ];
            for (long[] run : runs) {
                long pages = Long.divideUnsigned(run[1] - run[0] + pageSize - 1, pageSize);
                long first = Long.divideUnsigned(run[0], pageSize);
                for (long done = 0; done < pages; ) {
                    int want = (int) Math.min(ENTRIES_PER_BIG_READ, pages - done);
                    buf.clear().limit(want * Long.BYTES);
                    int got = ch.read(buf, (first + done) * Long.BYTES);
                    if (got <= 0) {
                        break;
                    }
                    buf.flip();
                    int n = U64Entries.decode(buf, chunk, 0);
                    long address = run[0] + done * pageSize;
                    for (int i = 0; i < n; i++) {
                        if (PagemapEntry.isPopulated(chunk[i])) {
                            addresses.add(address + i * pageSize);
                            entries.add(chunk[i]);
                        }
                    }
                    done += n;
                }
            }
        } catch (IOException e) {
            throw failure(pid, e);
        }
        return new Populated(addresses.toArray(), entries.toArray());
    }

    /** Runs of populated pages by PAGEMAP_SCAN, merged where they touch; null when the kernel has no scan. */
    private List<long[]> populatedRuns(int pid, Path pagemap, long start, long end) {
        List<PagemapScan.Run> got;
        try {
            Optional<List<PagemapScan.Run>> scanned = PagemapScan.scan(pagemap.toString(), start, end,
                    PagemapScan.PAGE_IS_PRESENT | PagemapScan.PAGE_IS_SWAPPED);
            if (scanned.isEmpty()) {
                tryScan = false;
                return null;
            }
            got = scanned.get();
        } catch (NativeCallException e) {
            throw translate(pid, e.errno(), e);
        }
        List<long[]> runs = new ArrayList<>();
        for (PagemapScan.Run r : got) {
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] == r.start()) {
                last[1] = r.end();
            } else {
                runs.add(new long[] {r.start(), r.end()});
            }
        }
        return runs;
    }

    /** A growable array of longs, so a million entries need no boxing. */
    private static final class LongList {
        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
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
        } catch (IOException e) {
            throw failure(pid, e);
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

    private static RuntimeException failure(int pid, IOException e) {
        if (e instanceof NoSuchFileException) {
            return ProcessGoneException.noSuchProcess(pid);
        }
        if (e instanceof java.nio.file.AccessDeniedException) { // qualified: AccessDeniedException is dev.aspace.model.AccessDeniedException here
            return new AccessDeniedException(pid, "pagemap", e);
        }
        return ProcessGoneException.exitedWhileReading(pid);
    }

    private static RuntimeException translate(int pid, int errno, Exception e) {
        return switch (errno) {
            case 1, 13 -> new AccessDeniedException(pid, "pagemap", e);
            case 2, 3 -> ProcessGoneException.noSuchProcess(pid);
            default -> new IllegalStateException(e.getMessage(), e);
        };
    }
}
