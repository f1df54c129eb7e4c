package dev.aspace.cli;

/**
 * What {@code pmap} was asked for.
 *
 * @param mode      which of procps' formats
 * @param quiet     -q: no column header and no totals
 * @param showPath  -p: the whole path of a file mapping, not its last component
 * @param rangeLow  -A low: first address of interest (unsigned), 0 by default
 * @param rangeHigh -A ,high: last address of interest (unsigned), all ones by default
 */
record PmapOptions(Mode mode, boolean quiet, boolean showPath, long rangeLow, long rangeHigh) {

    /** The formats of procps-ng 4.0.2 pmap. */
    enum Mode {
        /** no option: address, size, mode, name. */
        PLAIN(false),
        /** -x: adds RSS and dirty from smaps. */
        EXTENDED(true),
        /** -d: adds offset and device. */
        DEVICE(false),
        /** -X: the smaps fields procps thinks important, one column each. */
        MORE(true),
        /** -XX: every smaps field, and VmFlags. */
        ALL(true);

        private final boolean needsSmaps;

        Mode(boolean needsSmaps) {
            this.needsSmaps = needsSmaps;
        }

        /** Whether the format shows smaps figures (else /proc/PID/maps is enough). */
        boolean needsSmaps() {
            return needsSmaps;
        }
    }

    static PmapOptions of(Mode mode) {
        return new PmapOptions(mode, false, false, 0, -1L);
    }

    /** procps' test: a mapping is shown unless it ends at or below low, or starts above high. */
    boolean inRange(long start, long end) {
        return Long.compareUnsigned(end - 1, rangeLow) >= 0 && Long.compareUnsigned(rangeHigh, start) >= 0;
    }
}
