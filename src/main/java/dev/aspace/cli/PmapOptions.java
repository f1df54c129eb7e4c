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

    /**
     * From the command line's flags.
     *
     * @param more  how many times -X was given (-XX is two)
     * @param range the -A text, or null
     * @throws IllegalArgumentException when two formats are chosen or the range is not one
     */
    static PmapOptions of(boolean extended, boolean device, int more, boolean quiet, boolean showPath, String range) {
        if ((extended ? 1 : 0) + (device ? 1 : 0) + (more > 0 ? 1 : 0) > 1) {
            throw new IllegalArgumentException("options -d, -x, -X are mutually exclusive: choose one format");
        }
        Mode mode = extended ? Mode.EXTENDED : device ? Mode.DEVICE : more == 1 ? Mode.MORE : more > 1 ? Mode.ALL : Mode.PLAIN;
        long[] r = range == null ? new long[] {0, -1L} : PmapRange.parse(range);
        return new PmapOptions(mode, quiet, showPath, r[0], r[1]);
    }

}
