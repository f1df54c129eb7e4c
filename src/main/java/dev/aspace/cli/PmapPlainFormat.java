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
        Sink sb = sink;
        PmapNames.header(sb, s.process());
        PmapOptions.Mode mode = o.mode();
        if (!o.quiet()) {
            if (mode == PmapOptions.Mode.EXTENDED) {
                sb.text("Address           Kbytes     RSS   Dirty Mode  Mapping\n");
            } else if (mode == PmapOptions.Mode.DEVICE) {
                sb.text("Address           Kbytes Mode  Offset           Device    Mapping\n");
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
                sb.text("---------------- ------- ------- ------- \n");
                sb.left("total kB", ADDRESS).ch(' ');
                sb.right(mapped, NUMBER).ch(' ');
                sb.right(totalRss, NUMBER).ch(' ');
                sb.right(totalDirty, NUMBER).ch('\n');
            }
            case DEVICE -> sb.text("mapped: ").dec(mapped).text("K    writeable/private: ")
                    .dec(privateWritable >>> 10).text("K    shared: ").dec(shared >>> 10).text("K\n");
            default -> sb.text(" total ").right(mapped, 16).text("K\n");
        }
    }

    /** {@code r-x--}: procps shows private as '-' and adds a fifth column ('R' on Solaris). */
    private static Sink mode(Sink sb, Region r) {
        Perms p = r.perms();
        return sb.ch(p.read() ? 'r' : '-').ch(p.write() ? 'w' : '-').ch(p.exec() ? 'x' : '-')
                .ch(p.shared() ? 's' : '-').ch('-');
    }

    private static void plainLine(Sink sb, Region r, PmapOptions o) {
        sb.hex(r.start(), ADDRESS).ch(' ');
        sb.right(r.size() >>> 10, 6).text("K ");
        PmapNames.plain(mode(sb, r).ch(' '), r, o.showPath()).ch('\n');
    }

    private static void extendedLine(Sink sb, Region r, PmapOptions o) {
        Smaps m = r.smaps();
        sb.hex(r.start(), ADDRESS).ch(' ');
        sb.right(r.size() >>> 10, NUMBER).ch(' ');
        sb.right(m.rss() >>> 10, NUMBER).ch(' ');
        sb.right((m.privateDirty() >>> 10) + (m.sharedDirty() >>> 10), NUMBER).ch(' ');
        PmapNames.plain(mode(sb, r).ch(' '), r, o.showPath()).ch('\n');
    }

    private static void deviceLine(Sink sb, Region r, PmapOptions o) {
        sb.hex(r.start(), ADDRESS).ch(' ');
        sb.right(r.size() >>> 10, NUMBER).ch(' ');
        mode(sb, r).ch(' ');
        sb.hex(r.offset(), 16).ch(' ');
        sb.hex(PmapNames.deviceMajor(r.device()), 3).ch(':');
        sb.hex(PmapNames.deviceMinor(r.device()), 5).ch(' ');
        PmapNames.plain(sb, r, o.showPath()).ch('\n');
    }
}
