package dev.aspace.ui.vm;

import dev.aspace.layout.FreeSpace;

/** The summary's line on fragmentation: the largest free hole, and where a new mmap would go. */
public final class FreeSpaceText {

    private FreeSpaceText() {
    }

    /** "Largest free hole: 41.4 TiB (0x…–0x…) of the 128 TiB user half; an mmap of 1 GiB would go at 0x…". */
    public static String of(FreeSpace f, long mmapBytes, Units units) {
        FreeSpace.Hole largest = f.largest();
        if (largest == null) {
            return "No free hole in the user half.";
        }
        FreeSpace.Hole at = f.mmapWouldGo(mmapBytes);
        return "Largest free hole: " + units.format(largest.size()) + " (0x" + Long.toHexString(largest.start())
                + "–0x" + Long.toHexString(largest.end()) + ") of the " + units.format(f.userTop() + 4096)
                + " user half, in " + f.holes().size() + " holes; a new mmap of " + units.format(mmapBytes)
                + (at == null ? " would not fit anywhere." : " would go at 0x" + Long.toHexString(at.start()) + ".");
    }
}
