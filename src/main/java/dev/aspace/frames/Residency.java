package dev.aspace.frames;

import java.util.BitSet;

/**
 * Which pages of [start, end) are present in RAM or swapped out: bit i of {@code present} /
 * {@code swapped} is page i.
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

    /** How a residency was read. */
    public enum Method { PAGEMAP_SCAN, PAGEMAP_READ }

    /** One pixel's worth of pages. */
    public record Bin(int pages, int present, int swapped) {
    }
}
