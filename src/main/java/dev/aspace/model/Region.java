package dev.aspace.model;

/**
 * One mapping of a process, as one line of {@code /proc/PID/maps} (plus its smaps entry when
 * read) and the kind and label the classifier gave it.
 *
 * <p>Addresses are unsigned 64-bit values: compare them with {@link Long#compareUnsigned}; a
 * region {@code [vsyscall]} at {@code ffffffffff600000} has a negative {@code start} as a Java long.
 *
 * @param start    first address (inclusive), unsigned
 * @param end      end address (exclusive), unsigned, greater than start
 * @param perms    permissions and private/shared
 * @param offset   file offset of the mapping, in bytes
 * @param device   device as the kernel prints it, {@code major:minor} in hex ({@code fe:00})
 * @param inode    inode of the mapped file, 0 for anonymous memory
 * @param path     pathname column: a file, {@code [heap]}, {@code [stack]}, {@code [anon:name]}, or "" for none
 * @param smaps    smaps figures, or null when only maps was read
 * @param kind     what the region is
 * @param label    a short human label, e.g. "stack of thread 4711 'GC Thread#0'"
 */
public record Region(long start, long end, Perms perms, long offset, String device, long inode, String path,
                     Smaps smaps, RegionKind kind, String label) {

    public Region {
        if (Long.compareUnsigned(start, end) >= 0) {
            throw new IllegalArgumentException(
                    "region start " + Long.toHexString(start) + " is not below end " + Long.toHexString(end));
        }
        if (perms == null || device == null || path == null || kind == null || label == null) {
            throw new IllegalArgumentException("region fields must not be null (smaps excepted)");
        }
    }

    /** A region as a parser produces it: not yet classified. */
    public static Region unclassified(long start, long end, Perms perms, long offset, String device, long inode,
                                      String path, Smaps smaps) {
        return new Region(start, end, perms, offset, device, inode, path, smaps, RegionKind.UNCLASSIFIED, "");
    }

    public long size() {
        return end - start;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    public boolean isAnonymous() {
        return inode == 0 && (path.isEmpty() || path.startsWith("[anon:"));
    }

    public Region classified(RegionKind newKind, String newLabel) {
        return new Region(start, end, perms, offset, device, inode, path, smaps, newKind, newLabel);
    }

    public Region withSmaps(Smaps newSmaps) {
        return new Region(start, end, perms, offset, device, inode, path, newSmaps, kind, label);
    }

    /** Resident bytes, or 0 when smaps was not read. */
    public long rss() {
        return smaps == null ? 0 : smaps.rss();
    }

    /** Proportional set size in bytes, or 0 when smaps was not read. */
    public long pss() {
        return smaps == null ? 0 : smaps.pss();
    }

    public String rangeText() {
        return Long.toHexString(start) + "-" + Long.toHexString(end);
    }
}
