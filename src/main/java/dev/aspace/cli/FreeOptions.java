package dev.aspace.cli;

/**
 * What {@code free} was asked for.
 *
 * @param exponent 0 default (KiB, or kB with --si), 1 bytes, 2 kilo, 3 mega, 4 giga, 5 tera, 6 peta
 * @param si       powers of 1000 instead of 1024
 * @param human    -h: three significant digits and a unit
 * @param wide     -w: buffers and cache in two columns
 * @param total    -t: a Total line for RAM + swap
 * @param lohi     -l: Low and High lines
 * @param committed -v: a Comm line (CommitLimit, Committed_AS)
 * @param line      -L: the figures on one line
 */
record FreeOptions(int exponent, boolean si, boolean human, boolean wide, boolean total, boolean lohi,
                   boolean committed, boolean line) {

    FreeOptions(int exponent, boolean si, boolean human, boolean wide, boolean total, boolean lohi,
                boolean committed) {
        this(exponent, si, human, wide, total, lohi, committed, false);
    }
}
