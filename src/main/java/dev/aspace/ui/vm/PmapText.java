package dev.aspace.ui.vm;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;

import java.util.List;
import java.util.Locale;

/**
 * Regions as {@code pmap -x} prints them (procps-ng 4.0.2's columns and widths, sizes in KiB),
 * with its header and total line: what the region table copies, so the text pastes beside real
 * pmap output and reads the same.
 */
public final class PmapText {

    private PmapText() {
    }

    public static String extended(List<Region> regions) {
        StringBuilder sb = new StringBuilder("Address           Kbytes     RSS   Dirty Mode  Mapping\n");
        long size = 0;
        long rss = 0;
        long dirty = 0;
        for (Region r : regions) {
            long d = dirtyKib(r);
            sb.append(String.format(Locale.ROOT, "%016x %7d %7d %7d %s %s%n", r.start(), r.size() >>> 10,
                    r.rss() >>> 10, d, mode(r.perms()), mapping(r)));
            size += r.size() >>> 10;
            rss += r.rss() >>> 10;
            dirty += d;
        }
        sb.append("---------------- ------- ------- ------- \n");
        sb.append(String.format(Locale.ROOT, "%-16s %7d %7d %7d%n", "total kB", size, rss, dirty));
        return sb.toString();
    }

    /** pmap's Dirty: shared and private dirty, each in whole KiB. */
    public static long dirtyKib(Region r) {
        return r.smaps() == null ? 0 : (r.smaps().sharedDirty() >>> 10) + (r.smaps().privateDirty() >>> 10);
    }

    /** {@code r-x--}: private as '-', and procps's fifth column. */
    static String mode(Perms p) {
        return (p.read() ? "r" : "-") + (p.write() ? "w" : "-") + (p.exec() ? "x" : "-") + (p.shared() ? "s" : "-") + "-";
    }

    /** The mapping as pmap -x names it: the file's last component, else [ stack ] or [ anon ]. */
    static String mapping(Region r) {
        String path = r.path();
        int slash = path.lastIndexOf('/');
        if (slash >= 0) {
            return slash + 1 < path.length() ? path.substring(slash + 1) : path.substring(slash);
        }
        return path.equals("[stack]") ? "  [ stack ]" : "  [ anon ]";
    }
}
