package dev.aspace.layout;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Region sets shaped like real x86-64 processes, for property tests and the layout benchmark:
 * the program near 0x55..., a heap after it, many small anonymous regions and libraries clustered
 * below 0x7f..., each library as its four segments with a guard, the stack near the top of the
 * user half, vdso, and [vsyscall] at 0xffffffffff600000. Also fully random sets for properties.
 */
public final class SyntheticProcess {

    private static final long PAGE = 4096;
    private static final Perms R = Perms.parse("r--p");
    private static final Perms RX = Perms.parse("r-xp");
    private static final Perms RW = Perms.parse("rw-p");
    private static final Perms NONE = Perms.parse("---p");

    private SyntheticProcess() {
    }

    /** About {@code count} regions laid out like a large real process (a JVM with many mappings). */
    public static List<Region> realistic(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Region> out = new ArrayList<>(count + 16);
        long a = 0x5555_5555_4000L + rnd.nextLong(1 << 20) * PAGE;
        out.add(region(a, a += 2 * PAGE, R, "/usr/bin/app", RegionKind.PROGRAM_RODATA));
        out.add(region(a, a += 8 * PAGE, RX, "/usr/bin/app", RegionKind.PROGRAM_TEXT));
        out.add(region(a, a += 3 * PAGE, R, "/usr/bin/app", RegionKind.PROGRAM_RODATA));
        out.add(region(a, a += PAGE, RW, "/usr/bin/app", RegionKind.PROGRAM_DATA));
        a += rnd.nextLong(1 << 16) * PAGE;
        out.add(region(a, a += (1 + rnd.nextLong(1 << 18)) * PAGE, RW, "[heap]", RegionKind.HEAP));
        // the mmap area grows down from below 0x7fff...: fill it upward from a base
        int rest = count - out.size() - 3;
        long mmapBase = 0x7f00_0000_0000L + rnd.nextLong(1L << 24) * PAGE;
        long cursor = mmapBase - (long) rest * 64 * PAGE;
        int lib = 0;
        while (rest > 0) {
            int pick = rnd.nextInt(10);
            if (pick < 2 && rest >= 5) {
                String path = "/usr/lib/x86_64-linux-gnu/lib" + (lib++) + ".so";
                out.add(region(cursor, cursor += (1 + rnd.nextInt(8)) * PAGE, R, path, RegionKind.LIBRARY_RODATA));
                out.add(region(cursor, cursor += (1 + rnd.nextInt(64)) * PAGE, RX, path, RegionKind.LIBRARY_TEXT));
                out.add(region(cursor, cursor += (1 + rnd.nextInt(16)) * PAGE, R, path, RegionKind.LIBRARY_RODATA));
                out.add(region(cursor, cursor += PAGE, NONE, path, RegionKind.GUARD));
                out.add(region(cursor, cursor += (1 + rnd.nextInt(2)) * PAGE, RW, path, RegionKind.LIBRARY_DATA));
                rest -= 5;
            } else if (pick == 2 && rest >= 2) {
                out.add(region(cursor, cursor += PAGE, NONE, "", RegionKind.GUARD));
                out.add(region(cursor, cursor += 256 * PAGE, RW, "", RegionKind.THREAD_STACK));
                rest -= 2;
            } else {
                out.add(region(cursor, cursor += (1 + rnd.nextInt(32)) * PAGE, RW, "", RegionKind.ANONYMOUS));
                rest--;
            }
            if (rnd.nextInt(4) == 0) {
                cursor += (1 + rnd.nextInt(16)) * PAGE;
            }
        }
        long stack = 0x7ffc_0000_0000L + rnd.nextLong(1L << 20) * PAGE;
        out.add(region(stack, stack + 33 * PAGE, RW, "[stack]", RegionKind.MAIN_STACK));
        out.add(region(stack + 40 * PAGE, stack + 42 * PAGE, RX, "[vdso]", RegionKind.VDSO));
        out.add(region(0xffff_ffff_ff60_0000L, 0xffff_ffff_ff60_1000L, Perms.parse("--xp"), "[vsyscall]",
                RegionKind.VSYSCALL));
        return out;
    }

    /**
     * A random set: {@code count} regions of 1 page to several TiB, gaps from 0 to huge, perms and
     * kinds at random, all below 2^64.
     */
    public static List<Region> random(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RegionKind[] kinds = RegionKind.values();
        List<Region> out = new ArrayList<>(count);
        long a = rnd.nextBoolean() ? 0 : pages(rnd, 36);
        for (int i = 0; i < count; i++) {
            long size = pages(rnd, rnd.nextInt(10) == 0 ? 31 : 12);
            long end = a + size;
            if (Long.compareUnsigned(end, a) <= 0) {
                break; // reached the top of the space
            }
            int p = rnd.nextInt(16);
            out.add(region(a, end, Perms.of((p & 8) != 0, (p & 4) != 0, (p & 2) != 0, (p & 1) != 0), "",
                    kinds[rnd.nextInt(kinds.length)]));
            long gap = switch (rnd.nextInt(4)) {
                case 0, 1 -> 0;
                case 2 -> pages(rnd, 10);
                default -> pages(rnd, rnd.nextInt(20) == 0 ? 50 : 30);
            };
            long next = end + gap;
            if (Long.compareUnsigned(next, end) < 0) {
                break;
            }
            a = next;
        }
        return out;
    }

    /** 1 to 2^maxLog2 pages, log-uniform. */
    private static long pages(SplittableRandom rnd, int maxLog2) {
        int bits = rnd.nextInt(maxLog2 + 1);
        long n = (1L << bits) + (bits == 0 ? 0 : rnd.nextLong(1L << bits));
        return n * PAGE;
    }

    static Region region(long start, long end, Perms perms, String path, RegionKind kind) {
        return new Region(start, end, perms, 0, "00:00", path.startsWith("/") ? 1 : 0, path, null, kind, "");
    }
}
