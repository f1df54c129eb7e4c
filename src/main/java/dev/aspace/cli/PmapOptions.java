package dev.aspace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code pmap} was asked for.
 *
 * @param mode      which of procps' formats
 * @param quiet     -q: no column header and no totals
 * @param showPath  -p: the whole path of a file mapping, not its last component (an rc file's
 *                  ShowPath turns it over, as in procps)
 * @param rangeLow  -A low: first address of interest (unsigned), 0 by default
 * @param rangeHigh -A ,high: last address of interest (unsigned), all ones by default
 * @param rcFields  with -c/-C: the fields the rc file enables (smaps keys and Perm, Offset,
 *                  Device, Inode, VmFlags, Mapping); empty otherwise
 */
record PmapOptions(Mode mode, boolean quiet, boolean showPath, long rangeLow, long rangeHigh, Set<String> rcFields) {

    PmapOptions {
        rcFields = Set.copyOf(rcFields);
    }

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
        ALL(true),
        /** -c/-C: the -X layout with the columns an rc file enables. */
        RC(true);

        private final boolean needsSmaps;

        Mode(boolean needsSmaps) {
            this.needsSmaps = needsSmaps;
        }

        /** Whether the format shows smaps figures (else /proc/PID/maps is enough). */
        boolean needsSmaps() {
            return needsSmaps;
        }

        /** Whether it is one of the column-per-field formats (procps' print_extended_maps). */
        boolean perField() {
            return this == MORE || this == ALL || this == RC;
        }
    }

    /**
     * From the command line's flags (no rc file).
     *
     * @param more  how many times -X was given (-XX is two)
     * @param range the -A text, or null
     * @throws IllegalArgumentException when two formats are chosen or the range is not one
     */
    static PmapOptions of(boolean extended, boolean device, int more, boolean quiet, boolean showPath, String range) {
        Builder b = new Builder();
        b.extended = extended;
        b.device = device;
        b.more = more;
        b.quiet = quiet;
        b.showPath = showPath;
        if (range != null) {
            b.range(range);
        }
        b.check(1);
        return b.build(null);
    }

    /** The flags as they come, in command-line order ({@link PmapFlag#apply}); then procps' checks. */
    static final class Builder {
        boolean extended;
        boolean device;
        int more;
        boolean quiet;
        boolean showPath;
        boolean readRc;
        boolean readRcFrom;
        boolean createRc;
        boolean createRcTo;
        /** -C or -N's file (the last one given, as procps keeps it). */
        String rcFile;
        long low;
        long high = -1L;
        /** What procps says on stderr and carries on (-r). */
        final List<String> warnings = new ArrayList<>();

        void range(String text) {
            long[] r = PmapRange.parse(text, low, high);
            low = r[0];
            high = r[1];
        }

        /** -n or -N: write an rc file instead of reading processes. */
        boolean createsRc() {
            return createRc || createRcTo;
        }

        /** -c or -C. */
        boolean readsRc() {
            return readRc || readRcFrom;
        }

        /**
         * procps' checks of the flags against each other and the number of process arguments, in
         * its order and with its words.
         *
         * @throws IllegalArgumentException naming the conflict
         */
        void check(int targets) {
            int formats = (readRc ? 1 : 0) + (readRcFrom ? 1 : 0) + (device ? 1 : 0) + (createRc ? 1 : 0)
                    + (createRcTo ? 1 : 0) + (extended ? 1 : 0) + (more > 0 ? 1 : 0);
            if (formats > 1) {
                throw new IllegalArgumentException("options -c, -C, -d, -n, -N, -x, -X are mutually exclusive");
            }
            if (createsRc() && (quiet || showPath)) {
                throw new IllegalArgumentException("options -p, -q are mutually exclusive with -n, -N");
            }
            if (createsRc() && targets > 0) {
                throw new IllegalArgumentException("too many arguments (-n and -N take no process)");
            }
            if (!createsRc() && targets < 1) {
                throw new IllegalArgumentException("argument missing: give one or more process ids");
            }
        }

        /**
         * The options; {@code rc} is the rc file read for -c/-C, else null.
         */
        PmapOptions build(PmapRc rc) {
            Mode mode = rc != null ? Mode.RC : extended ? Mode.EXTENDED : device ? Mode.DEVICE
                    : more == 1 ? Mode.MORE : more > 1 ? Mode.ALL : Mode.PLAIN;
            boolean path = rc != null && rc.togglesShowPath() ? !showPath : showPath;
            return new PmapOptions(mode, quiet, path, low, high, rc == null ? Set.of() : rc.fields());
        }
    }
}
