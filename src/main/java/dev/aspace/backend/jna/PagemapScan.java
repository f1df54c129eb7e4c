package dev.aspace.backend.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PAGEMAP_SCAN ioctl on /proc/PID/pagemap (Linux 6.7+): the kernel walks the page tables and
 * returns runs of pages that share categories, instead of 8 bytes per page.
 * Layouts from include/uapi/linux/fs.h ({@code struct pm_scan_arg}, {@code struct page_region}).
 */
public final class PagemapScan {

    public static final long PAGE_IS_PRESENT = 1L << 3;
    public static final long PAGE_IS_SWAPPED = 1L << 4;

    /** _IOWR('f', 16, struct pm_scan_arg), the struct being 12 u64 = 96 bytes. */
    private static final long PAGEMAP_SCAN = (3L << 30) | (96L << 16) | ('f' << 8) | 16;
    private static final int ARG_SIZE = 96;
    private static final int REGION_SIZE = 24;
    private static final int VEC_LEN = 4096;
    private static final int ENOTTY = 25;
    private static final int EINVAL = 22;

    /** A run of pages [start, end) with the categories asked for. */
    public record Run(long start, long end, long categories) {
    }

    private PagemapScan() {
    }

    /**
     * Runs of pages in [start, end) that have any of {@code mask}'s categories, with those
     * categories; pages with none are left out. Empty when this kernel has no PAGEMAP_SCAN.
     *
     * @throws NativeCallException when the pagemap file cannot be opened or the scan fails
     */
    public static Optional<List<Run>> scan(String pagemapPath, long start, long end, long mask) {
        int fd = LibC.INSTANCE.open(pagemapPath, LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
        if (fd < 0) {
            int errno = Native.getLastError();
            throw new NativeCallException("open(" + pagemapPath + ") failed: " + LibC.INSTANCE.strerror(errno), errno);
        }
        try (Memory arg = new Memory(ARG_SIZE); Memory vec = new Memory((long) REGION_SIZE * VEC_LEN)) {
            List<Run> runs = new ArrayList<>();
            long cursor = start;
            while (Long.compareUnsigned(cursor, end) < 0) {
                arg.clear();
                arg.setLong(0, ARG_SIZE);
                arg.setLong(16, cursor);
                arg.setLong(24, end);
                arg.setLong(40, Pointer.nativeValue(vec));
                arg.setLong(48, VEC_LEN);
                arg.setLong(80, mask);
                arg.setLong(88, mask);
                int n = LibC.INSTANCE.ioctl(fd, new NativeLong(PAGEMAP_SCAN), arg);
                if (n < 0) {
                    int errno = Native.getLastError();
                    if (runs.isEmpty() && cursor == start && (errno == ENOTTY || errno == EINVAL)) {
                        return Optional.empty();
                    }
                    throw new NativeCallException("ioctl(PAGEMAP_SCAN) on " + pagemapPath + " failed: "
                            + LibC.INSTANCE.strerror(errno), errno);
                }
                for (int i = 0; i < n; i++) {
                    long off = (long) i * REGION_SIZE;
                    runs.add(new Run(vec.getLong(off), vec.getLong(off + 8), vec.getLong(off + 16)));
                }
                long walkEnd = arg.getLong(32);
                if (Long.compareUnsigned(walkEnd, cursor) <= 0) {
                    break;
                }
                cursor = walkEnd;
            }
            return Optional.of(runs);
        } finally {
            LibC.INSTANCE.close(fd);
        }
    }
}
