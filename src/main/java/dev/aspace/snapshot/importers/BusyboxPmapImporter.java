package dev.aspace.snapshot.importers;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;

import java.util.List;

/**
 * The pmap of BusyBox and of toybox (Android's), which share their {@code -x} columns (Kbytes,
 * PSS, Dirty, Swap: no RSS) but not procps' layout. BusyBox prints the kernel's 4-character mode
 * ({@code r-xp}), tabs after "Address" and "total", and {@code mapped: NK} under the default
 * format; toybox prints procps' 5-character mode ({@code r-x--}) and {@code [anon]} for a
 * nameless mapping. toybox's default format is procps' and is read by {@link PmapImporter}.
 */
public final class BusyboxPmapImporter implements Importer {

    /** The figures these tools print, as smaps keys (Dirty is Private_Dirty in both). */
    private static final SmapsLayout LAYOUT = new SmapsLayout(List.of("Size", "Pss", "Private_Dirty", "Swap"),
            List.of(true, true, true, true));

    @Override
    public ImportFormat detect(List<String> head) {
        for (String line : head) {
            if (Scan.isBlank(line) || PmapImporter.pidHeaderEnd(line) > 0) {
                continue;
            }
            int[] t = Scan.tokens(line);
            if (Scan.token(line, t, 0).equals("Address")) {
                return line.contains("PSS") && line.contains("Swap") && line.contains("Dirty") && !line.contains("RSS")
                        ? extendedFormat(head) : null;
            }
            if (isExtendedRow(line, t)) {
                return Scan.token(line, t, 5).length() == 4 ? ImportFormat.BUSYBOX_PMAP_X : ImportFormat.TOYBOX_PMAP_X;
            }
            return isBusyboxDefaultRow(line, t) ? ImportFormat.BUSYBOX_PMAP : null;
        }
        return null;
    }

    /** Which -x: by the mode column of the first row under the header (4 characters: BusyBox). */
    private static ImportFormat extendedFormat(List<String> head) {
        for (String line : head) {
            int[] t = Scan.tokens(line);
            if (isExtendedRow(line, t)) {
                return Scan.token(line, t, 5).length() == 4 ? ImportFormat.BUSYBOX_PMAP_X : ImportFormat.TOYBOX_PMAP_X;
            }
        }
        return line(head).contains("\t") ? ImportFormat.BUSYBOX_PMAP_X : ImportFormat.TOYBOX_PMAP_X;
    }

    private static String line(List<String> head) {
        for (String l : head) {
            if (l.startsWith("Address")) {
                return l;
            }
        }
        return "";
    }

    /** {@code 000055c423976000      24      24       0       0  r-xp  /usr/local/bin/mem}. */
    private static boolean isExtendedRow(String line, int[] t) {
        if (t.length < 12) {
            return false;
        }
        for (int k = 1; k <= 4; k++) {
            if (!Scan.isDigits(line, t[2 * k], t[2 * k + 1])) {
                return false;
            }
        }
        int modeLength = t[11] - t[10];
        return Scan.isHex(line, t[0], t[1]) && t[1] - t[0] >= 8 && (modeLength == 4 || modeLength == 5)
                && isMode(Scan.token(line, t, 5));
    }

    /** {@code 0000000000400000     12K r-xp  /root/a.out}. */
    private static boolean isBusyboxDefaultRow(String line, int[] t) {
        if (t.length < 6) {
            return false;
        }
        String size = Scan.token(line, t, 1);
        return Scan.isHex(line, t[0], t[1]) && t[1] - t[0] >= 8 && size.endsWith("K")
                && Scan.isDigits(size, 0, size.length() - 1) && t[5] - t[4] == 4 && isMode(Scan.token(line, t, 2));
    }

    private static boolean isMode(String m) {
        return m.length() >= 4 && "r-".indexOf(m.charAt(0)) >= 0 && "w-".indexOf(m.charAt(1)) >= 0
                && "x-".indexOf(m.charAt(2)) >= 0 && "ps-".indexOf(m.charAt(3)) >= 0;
    }

    @Override
    public ImportResult read(LineSource lines, ImportFormat format, ImportContext context) {
        Collector c = new Collector(lines);
        int pid = -1;
        String command = "";
        long sumKb = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (Scan.isBlank(line)) {
                continue;
            }
            int pidEnd = PmapImporter.pidHeaderEnd(line);
            if (pidEnd > 0 && pid < 0 && c.size() == 0) {
                pid = (int) Math.min(Integer.MAX_VALUE, Scan.dec(line, 0, pidEnd - 1));
                command = line.substring(pidEnd).strip();
                continue;
            }
            int[] t = Scan.tokens(line);
            String first = Scan.token(line, t, 0);
            if (first.equals("Address") || first.startsWith("---")) {
                continue;
            }
            if (first.equals("total") || first.equals("mapped:")) {
                String v = Scan.token(line, t, 1);
                v = v.endsWith("K") ? v.substring(0, v.length() - 1) : v;
                if (!Scan.isDigits(v, 0, v.length())) {
                    c.remark(lines.lineNumber(), "totals line has no readable size");
                } else if (Scan.dec(v, 0, v.length()) != sumKb) {
                    c.remark(lines.lineNumber(), "totals line says " + v + " kB but the regions read add up to " + sumKb
                            + " kB: lines are missing or the file was edited");
                }
                continue;
            }
            try {
                sumKb += format == ImportFormat.BUSYBOX_PMAP ? readDefault(line, t, c) : readExtended(line, t, c);
            } catch (RuntimeException e) {
                Collector.rethrowLimit(e);
                c.unreadable(line, "not a " + format.displayName() + " line (" + e.getMessage() + ")");
            }
        }
        List<Region> regions = c.finish();
        return ImportedSnapshots.result(format,
                ImportedSnapshots.snapshot(ImportedSnapshots.process(Math.max(pid, 0), command, regions),
                        regions, null, null, null, null, format, context), c, List.of());
    }

    private static long readDefault(String line, int[] t, Collector c) {
        if (!isBusyboxDefaultRow(line, t)) {
            throw new IllegalArgumentException("expected address, size in K, a 4-character mode and the mapping");
        }
        String size = Scan.token(line, t, 1);
        long kb = Scan.dec(size, 0, size.length() - 1);
        add(c, Scan.hex(line, t[0], t[1]), kb, Scan.token(line, t, 2), name(line, t, 3), null);
        return kb;
    }

    private static long readExtended(String line, int[] t, Collector c) {
        if (!isExtendedRow(line, t)) {
            throw new IllegalArgumentException("expected address, Kbytes, PSS, Dirty, Swap, mode and the mapping");
        }
        long kb = Scan.dec(line, t[2], t[3]);
        long[] v = {Scan.kib(kb), Scan.kib(Scan.dec(line, t[4], t[5])), Scan.kib(Scan.dec(line, t[6], t[7])),
            Scan.kib(Scan.dec(line, t[8], t[9]))};
        add(c, Scan.hex(line, t[0], t[1]), kb, Scan.token(line, t, 5), name(line, t, 6), new Smaps(LAYOUT, v, List.of()));
        return kb;
    }

    /** The mapping column: everything after the mode; "[anon]" and "[ anon ]" mean no name. */
    private static String name(String line, int[] t, int token) {
        String m = t.length / 2 > token ? Scan.rest(line, t[2 * token]) : "";
        return m.equals("[anon]") || m.equals("[ anon ]") ? "" : m;
    }

    private static void add(Collector c, long start, long kb, String mode, String path, Smaps smaps) {
        long size = Scan.kib(kb);
        long end = start + size;
        if (size == 0 || Long.compareUnsigned(end, start) <= 0) {
            throw new IllegalArgumentException(size == 0 ? "size 0" : "region runs past the end of the address space");
        }
        // BusyBox: the kernel's r-xp/rw-s; toybox: procps' r-x--/rw-s-
        Perms perms = Perms.of(mode.charAt(0) == 'r', mode.charAt(1) == 'w', mode.charAt(2) == 'x', mode.charAt(3) == 's');
        c.add(Region.unclassified(start, end, perms, 0, "00:00", 0, path, smaps));
    }
}
