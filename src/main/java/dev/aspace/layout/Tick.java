package dev.aspace.layout;

/**
 * A mark on the address axis.
 *
 * @param px      where, in ribbon pixels
 * @param address the address at that pixel
 * @param label   the address in hex, e.g. {@code 0x7f3a12000000}
 * @param major   a stronger mark: a power-of-two boundary 16 steps wide (linear), or the start of a
 *                cluster of regions after a gap (log)
 */
public record Tick(double px, long address, String label, boolean major) {

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }
}
