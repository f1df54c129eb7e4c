package dev.aspace.cli;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.Snapshot;

/**
 * The default, {@code -x} and {@code -d} formats of procps-ng 4.0.2 pmap (its one_proc), for one
 * process. Fixed column widths; sizes in KiB.
 *
 * <p>Two procps quirks are kept on purpose, because the output must match procps: with
 * {@code -A}, a mapping that starts above the range stops the listing, and in {@code -x} mode
 * the RSS and Dirty totals also count the mappings below the range (procps adds them up while
 * skipping those lines).
 */
final class PmapPlainFormat {

    private static final int ADDRESS = 16;
    private static final int NUMBER = 7;
    private static final int MODE = 5;

    private PmapPlainFormat() {
    }

    static void format(Sink sink, Snapshot s, PmapOptions o) {
        StringBuilder sb = sink.sb;
        PmapNames.header(sb, s.process());
        PmapOptions.Mode mode = o.mode();
        if (!o.quiet()) {
            if (mode == PmapOptions.Mode.EXTENDED) {
                sb.append("Address           Kbytes     RSS   Dirty Mode  Mapping\n");
            } else if (mode == PmapOptions.Mode.DEVICE) {
                sb.append("Address           Kbytes Mode  Offset           Device    Mapping\n");
            }
        }
        long shared = 0;
        long privateWritable = 0;
        long privateReadOnly = 0;
        long totalRss = 0;
        long totalDirty = 0;
        for (Region r : s.regions()) {
            if (mode == PmapOptions.Mode.EXTENDED) {
                Smaps m = r.smaps();
                if (Long.compareUnsigned(o.rangeHigh(), r.start()) < 0) {
                    break;
                }
                totalRss += m.rss() >>> 10;
                totalDirty += (m.sharedDirty() >>> 10) + (m.privateDirty() >>> 10);
            }
            if (Long.compareUnsigned(r.end() - 1, o.rangeLow()) < 0) {
                continue;
            }
            if (Long.compareUnsigned(o.rangeHigh(), r.start()) < 0) {
                break;
            }
            long size = r.size();
            if (r.perms().shared()) {
                shared += size;
            } else if (r.perms().write()) {
                privateWritable += size;
            } else {
                privateReadOnly += size;
            }
            switch (mode) {
                case EXTENDED -> extendedLine(sb, r, o);
                case DEVICE -> deviceLine(sb, r, o);
                default -> plainLine(sb, r, o);
            }
            sink.line();
        }
        if (o.quiet()) {
            return;
        }
        long mapped = (shared + privateWritable + privateReadOnly) >>> 10;
        switch (mode) {
            case EXTENDED -> {
                sb.append("---------------- ------- ------- ------- \n");
                Text.left(sb, "total kB", ADDRESS).append(' ');
                Text.right(sb, mapped, NUMBER).append(' ');
                Text.right(sb, totalRss, NUMBER).append(' ');
                Text.right(sb, totalDirty, NUMBER).append('\n');
            }
            case DEVICE -> sb.append("mapped: ").append(mapped).append("K    writeable/private: ")
                    .append(privateWritable >>> 10).append("K    shared: ").append(shared >>> 10).append("K\n");
            default -> Text.right(sb.append(" total "), mapped, 16).append("K\n");
        }
    }

    /** {@code r-x--}: procps shows private as '-' and adds a fifth column ('R' on Solaris). */
    private static StringBuilder mode(StringBuilder sb, Region r) {
        Perms p = r.perms();
        return sb.append(p.read() ? 'r' : '-').append(p.write() ? 'w' : '-').append(p.exec() ? 'x' : '-')
                .append(p.shared() ? 's' : '-').append('-');
    }

    private static void plainLine(StringBuilder sb, Region r, PmapOptions o) {
        Text.hex(sb, r.start(), ADDRESS).append(' ');
        Text.right(sb, r.size() >>> 10, 6).append("K ");
        PmapNames.plain(mode(sb, r).append(' '), r, o.showPath()).append('\n');
    }

    private static void extendedLine(StringBuilder sb, Region r, PmapOptions o) {
        Smaps m = r.smaps();
        Text.hex(sb, r.start(), ADDRESS).append(' ');
        Text.right(sb, r.size() >>> 10, NUMBER).append(' ');
        Text.right(sb, m.rss() >>> 10, NUMBER).append(' ');
        Text.right(sb, (m.privateDirty() >>> 10) + (m.sharedDirty() >>> 10), NUMBER).append(' ');
        PmapNames.plain(mode(sb, r).append(' '), r, o.showPath()).append('\n');
    }

    private static void deviceLine(StringBuilder sb, Region r, PmapOptions o) {
        Text.hex(sb, r.start(), ADDRESS).append(' ');
        Text.right(sb, r.size() >>> 10, NUMBER).append(' ');
        mode(sb, r).append(' ');
        Text.hex(sb, r.offset(), 16).append(' ');
        Text.hex(sb, PmapNames.deviceMajor(r.device()), 3).append(':');
        Text.hex(sb, PmapNames.deviceMinor(r.device()), 5).append(' ');
        PmapNames.plain(sb, r, o.showPath()).append('\n');
    }
}
