package dev.aspace.snapshot.importers;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * procps {@code pmap} text, procps 3.2 to procps-ng 4.x: the default format, {@code -d},
 * {@code -x} (3.2: Kbytes RSS Anon Locked; 3.3+: Kbytes RSS Dirty), and {@code -X}/{@code -XX}/
 * {@code -c} whose columns are whatever the kernel's smaps had, so they are mapped from the
 * header line. Without {@code -p}, pmap prints base names only; they are kept as the path.
 */
public final class PmapImporter implements Importer {

    /** smaps fields pmap -X prints without a unit (everything else is kB). */
    private static final Set<String> UNITLESS = Set.of("THPeligible", "ProtectionKey");

    @Override
    public ImportFormat detect(List<String> head) {
        boolean first = true;
        for (String line : head) {
            if (Scan.isBlank(line)) {
                continue;
            }
            if (first && pidHeaderEnd(line) > 0) {
                first = false;
                continue;
            }
            first = false;
            int[] t = Scan.tokens(line);
            if (Scan.token(line, t, 0).equals("Address")) {
                return headerFormat(line, t);
            }
            return isDefaultLine(line, t) ? ImportFormat.PMAP : null;
        }
        return null;
    }

    private static ImportFormat headerFormat(String line, int[] t) {
        List<String> cols = new ArrayList<>();
        for (int k = 0; k < t.length / 2; k++) {
            cols.add(Scan.token(line, t, k));
        }
        if (cols.contains("Kbytes")) {
            if (cols.contains("Device") && cols.contains("Offset")) {
                return ImportFormat.PMAP_D;
            }
            return cols.contains("Mode") ? ImportFormat.PMAP_X : null;
        }
        if (!cols.contains("Size")) {
            return null;
        }
        boolean fixed = cols.containsAll(List.of("Perm", "Offset", "Device", "Inode"));
        if (fixed && (cols.contains("KernelPageSize") || cols.contains("VmFlags") || cols.contains("VmFlagsMapping"))) {
            return ImportFormat.PMAP_XX;
        }
        if (fixed && cols.containsAll(List.of("Rss", "Pss"))) {
            return ImportFormat.PMAP_X_FULL;
        }
        return ImportFormat.PMAP_CUSTOM;
    }

    /** {@code 0000000000400000      4K r-x-- memory-user.out}. */
    private static boolean isDefaultLine(String line, int[] t) {
        if (t.length < 6) {
            return false;
        }
        String size = Scan.token(line, t, 1);
        return Scan.isHex(line, t[0], t[1]) && t[1] - t[0] >= 8
                && size.endsWith("K") && Scan.isDigits(size, 0, size.length() - 1)
                && t[5] - t[4] == 5;
    }

    /** End of {@code "4711:"} when the line starts with pmap's pid header, else -1. */
    static int pidHeaderEnd(String line) {
        int i = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            i++;
        }
        return i > 0 && i < line.length() && line.charAt(i) == ':' ? i + 1 : -1;
    }

    @Override
    public ImportResult read(LineSource lines, ImportFormat format, ImportContext context) {
        Collector c = new Collector(lines);
        State st = new State();
        String line;
        while ((line = lines.next()) != null) {
            if (Scan.isBlank(line)) {
                continue;
            }
            int pidEnd = pidHeaderEnd(line);
            if (pidEnd > 0 && st.pid < 0 && c.size() == 0) {
                st.pid = (int) Math.min(Integer.MAX_VALUE, Scan.dec(line, 0, pidEnd - 1));
                st.command = line.substring(pidEnd).strip();
                continue;
            }
            int[] t = Scan.tokens(line);
            String first = Scan.token(line, t, 0);
            if (first.equals("Address")) {
                st.header(line, t, format);
                continue;
            }
            if (isFooter(line, first, t, c, st, lines.lineNumber())) {
                continue;
            }
            try {
                switch (format) {
                    case PMAP -> readDefault(line, t, c, st);
                    case PMAP_D -> readDevice(line, t, c, st);
                    case PMAP_X -> readExtended(line, t, c, st);
                    default -> readSmapsColumns(line, t, c, st);
                }
            } catch (RuntimeException e) {
                Collector.rethrowLimit(e);
                c.unreadable(line, "not a " + format.displayName() + " line (" + e.getMessage() + ")");
            }
        }
        List<Region> regions = c.finish();
        return ImportedSnapshots.result(format,
                ImportedSnapshots.snapshot(ImportedSnapshots.process(Math.max(st.pid, 0), st.command, regions),
                        regions, null, null, null, null, format, context), c, List.of());
    }

    /** What the header and earlier lines taught about this file. */
    private static final class State {
        int pid = -1;
        String command = "";
        long sumKb;
        // -x: positions of columns between Kbytes and Mode
        int rssCol = -1;
        int dirtyCol = -1;
        int anonCol = -1;
        int lockedCol = -1;
        int xNumbers;
        // -X/-XX/-c
        final List<String> columns = new ArrayList<>();
        boolean perm;
        boolean offset;
        boolean device;
        boolean inode;
        boolean vmFlags;
        int vmFlagsEnd = -1;
        boolean mapping;
        SmapsLayout layout;
        int sizeIndex = -1;
        boolean separatorSeen;

        void header(String line, int[] t, ImportFormat format) {
            List<String> cols = new ArrayList<>();
            for (int k = 0; k < t.length / 2; k++) {
                cols.add(Scan.token(line, t, k));
            }
            if (format == ImportFormat.PMAP_X) {
                int mode = cols.indexOf("Mode");
                xNumbers = mode - 2;
                rssCol = cols.indexOf("RSS") - 2;
                dirtyCol = cols.indexOf("Dirty") - 2;
                anonCol = cols.indexOf("Anon") - 2;
                lockedCol = cols.indexOf("Locked") - 2;
                return;
            }
            if (format == ImportFormat.PMAP || format == ImportFormat.PMAP_D) {
                return;
            }
            List<Boolean> kb = new ArrayList<>();
            for (int k = 1; k < cols.size(); k++) {
                String col = cols.get(k);
                switch (col) {
                    case "Perm" -> perm = true;
                    case "Offset" -> offset = true;
                    case "Device" -> device = true;
                    case "Inode" -> inode = true;
                    case "Mapping" -> mapping = true;
                    case "VmFlags", "VmFlagsMapping" -> {
                        // procps 3.3.12 printed the two headings joined; the flags end under "VmFlags"
                        vmFlags = true;
                        vmFlagsEnd = t[2 * k] + "VmFlags".length();
                        mapping |= col.equals("VmFlagsMapping");
                    }
                    default -> {
                        columns.add(col);
                        kb.add(!UNITLESS.contains(col));
                    }
                }
            }
            layout = new SmapsLayout(columns, kb);
            sizeIndex = columns.indexOf("Size");
        }
    }

    private static boolean isFooter(String line, String first, int[] t, Collector c, State st, long lineNo) {
        if (first.startsWith("=") || first.startsWith("---")) {
            st.separatorSeen = true;
            return true;
        }
        if (first.equals("total")) { // " total 75732K" and "total kB 1700 ..."
            String v = Scan.token(line, t, 1);
            if (v.equals("kB") && t.length >= 6) {
                v = Scan.token(line, t, 2);
            }
            checkTotal(v.endsWith("K") ? v.substring(0, v.length() - 1) : v, st, c, lineNo);
            return true;
        }
        if (first.equals("mapped:")) { // -d: "mapped: 1700K  writeable/private: 276K  shared: 0K"
            String v = Scan.token(line, t, 1);
            checkTotal(v.endsWith("K") ? v.substring(0, v.length() - 1) : v, st, c, lineNo);
            return true;
        }
        if (st.separatorSeen && Scan.token(line, t, t.length / 2 - 1).equals("KB") && st.sizeIndex >= 0) {
            if (t.length / 2 > st.sizeIndex) {
                checkTotal(Scan.token(line, t, st.sizeIndex), st, c, lineNo);
            }
            return true;
        }
        return false;
    }

    private static void checkTotal(String kb, State st, Collector c, long lineNo) {
        if (!Scan.isDigits(kb, 0, kb.length())) {
            c.remark(lineNo, "totals line has no readable size");
            return;
        }
        long total = Scan.dec(kb, 0, kb.length());
        if (total != st.sumKb) {
            c.remark(lineNo, "totals line says " + total + " kB but the regions read add up to " + st.sumKb
                    + " kB: lines are missing or the file was edited");
        }
    }

    private static void readDefault(String line, int[] t, Collector c, State st) {
        if (t.length < 6) {
            throw new IllegalArgumentException("expected address, size, mode and mapping");
        }
        String size = Scan.token(line, t, 1);
        if (!size.endsWith("K")) {
            throw new IllegalArgumentException("size without K");
        }
        long kb = Scan.dec(size, 0, size.length() - 1);
        long start = Scan.hex(line, t[0], t[1]);
        addRegion(c, st, start, kb, mode(line, t[4], t[5]), 0, "00:00", 0, mappingName(Scan.rest(line, t.length > 6 ? t[6] : line.length())), null);
    }

    private static void readDevice(String line, int[] t, Collector c, State st) {
        if (t.length < 10) {
            throw new IllegalArgumentException("expected address, Kbytes, mode, offset, device and mapping");
        }
        long start = Scan.hex(line, t[0], t[1]);
        long kb = Scan.dec(line, t[2], t[3]);
        Perms perms = mode(line, t[4], t[5]);
        long offset = Scan.hex(line, t[6], t[7]);
        String dev = Scan.token(line, t, 4);
        int colon = dev.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("device '" + dev + "' is not major:minor");
        }
        long major = Scan.hex(dev, 0, colon);
        long minor = Scan.hex(dev, colon + 1, dev.length());
        String device = String.format("%02x:%02x", major, minor);
        addRegion(c, st, start, kb, perms, offset, device, 0, mappingName(Scan.rest(line, t.length > 10 ? t[10] : line.length())), null);
    }

    private static void readExtended(String line, int[] t, Collector c, State st) {
        int n = st.xNumbers;
        if (t.length / 2 < 2 + n + 1) {
            throw new IllegalArgumentException("expected address, Kbytes, " + n + " figures and mode");
        }
        long start = Scan.hex(line, t[0], t[1]);
        long kb = Scan.dec(line, t[2], t[3]);
        long[] v = new long[n];
        boolean any = false;
        for (int k = 0; k < n; k++) {
            String s = Scan.token(line, t, 2 + k);
            v[k] = s.equals("-") ? -1 : Scan.kib(Scan.dec(s, 0, s.length()));
            any |= v[k] >= 0;
        }
        int modeTok = 2 + n;
        Perms perms = mode(line, t[2 * modeTok], t[2 * modeTok + 1]);
        int mapStart = t.length / 2 > modeTok + 1 ? t[2 * (modeTok + 1)] : line.length();
        Smaps smaps = any ? extendedSmaps(st, kb, v) : null;
        addRegion(c, st, start, kb, perms, 0, "00:00", 0, mappingName(Scan.rest(line, mapStart)), smaps);
    }

    private static Smaps extendedSmaps(State st, long kb, long[] v) {
        List<String> keys = new ArrayList<>(List.of("Size"));
        List<Long> vals = new ArrayList<>(List.of(Scan.kib(kb)));
        addIf(keys, vals, "Rss", st.rssCol, v);
        addIf(keys, vals, "Dirty", st.dirtyCol, v); // pmap -x sums Shared_Dirty and Private_Dirty
        addIf(keys, vals, "Anonymous", st.anonCol, v);
        addIf(keys, vals, "Locked", st.lockedCol, v);
        List<Boolean> units = new ArrayList<>();
        long[] values = new long[vals.size()];
        for (int i = 0; i < values.length; i++) {
            units.add(true);
            values[i] = vals.get(i);
        }
        if (st.layout == null || !st.layout.keys().equals(keys)) {
            st.layout = new SmapsLayout(keys, units);
        }
        return new Smaps(st.layout, values, List.of());
    }

    private static void addIf(List<String> keys, List<Long> vals, String key, int col, long[] v) {
        if (col >= 0 && col < v.length && v[col] >= 0) {
            keys.add(key);
            vals.add(v[col]);
        }
    }

    private static void readSmapsColumns(String line, int[] t, Collector c, State st) {
        if (st.layout == null) {
            throw new IllegalArgumentException("data before the header line");
        }
        int k = 0;
        int ntok = t.length / 2;
        long start = Scan.hex(line, t[0], t[1]);
        k++;
        Perms perms = Perms.of(false, false, false, false);
        if (st.perm) {
            perms = Perms.parse(Scan.token(line, t, k++));
        }
        long offset = st.offset ? Scan.hex(line, t[2 * k], t[2 * k++ + 1]) : 0;
        String device = st.device ? Scan.token(line, t, k++) : "00:00";
        long inode = st.inode ? Scan.dec(line, t[2 * k], t[2 * k++ + 1]) : 0;
        int n = st.columns.size();
        if (ntok < k + n) {
            throw new IllegalArgumentException("expected " + n + " figures after the address columns, found " + (ntok - k));
        }
        long[] values = new long[n];
        long sizeKb = -1;
        for (int i = 0; i < n; i++, k++) {
            long raw = Scan.dec(line, t[2 * k], t[2 * k + 1]);
            if (i == st.sizeIndex) {
                sizeKb = raw;
            }
            values[i] = st.layout.isKilobytes(i) ? Scan.kib(raw) : raw;
        }
        int after = t[2 * k - 1];
        List<String> flags = List.of();
        String mapping;
        if (st.vmFlags) {
            int end = Math.max(after, Math.min(st.vmFlagsEnd, line.length()));
            flags = vmFlags(line.substring(after, end));
            mapping = st.mapping ? Scan.rest(line, Scan.skipSpaces(line, end)) : "";
        } else {
            mapping = st.mapping ? Scan.rest(line, Scan.skipSpaces(line, after)) : "";
        }
        if (sizeKb < 0) {
            throw new IllegalArgumentException("no Size column");
        }
        addRegion(c, st, start, sizeKb, perms, offset, device, inode, mapping, new Smaps(st.layout, values, flags));
    }

    private static List<String> vmFlags(String text) {
        List<String> out = new ArrayList<>();
        int[] t = Scan.tokens(text);
        for (int k = 0; k < t.length / 2; k++) {
            String f = Scan.token(text, t, k);
            if (f.length() != 2) {
                throw new IllegalArgumentException("'" + f + "' is not a two-letter VmFlags code");
            }
            out.add(f);
        }
        return out;
    }

    private static void addRegion(Collector c, State st, long start, long kb, Perms perms, long offset, String device,
                                  long inode, String path, Smaps smaps) {
        long size = Scan.kib(kb);
        long end = start + size;
        if (size == 0 || Long.compareUnsigned(end, start) <= 0 && end != 0) {
            throw new IllegalArgumentException(size == 0 ? "size 0" : "region runs past the end of the address space");
        }
        if (end == 0) {
            throw new IllegalArgumentException("region runs past the end of the address space");
        }
        st.sumKb += kb;
        c.add(Region.unclassified(start, end, perms, offset, device, inode, path, smaps));
    }

    /** pmap's five-character mode: {@code r-x--}, {@code rw-s-} (shared), last one reserved. */
    private static Perms mode(String line, int from, int to) {
        if (to - from != 5) {
            throw new IllegalArgumentException("mode '" + line.substring(from, to) + "' is not 5 characters like r-x--");
        }
        return Perms.of(line.charAt(from) == 'r', line.charAt(from + 1) == 'w', line.charAt(from + 2) == 'x',
                line.charAt(from + 3) == 's');
    }

    /** pmap's names for nameless mappings back to the kernel's: "[ anon ]" is none, "[ stack ]" is [stack]. */
    static String mappingName(String m) {
        return switch (m) {
            case "[ anon ]", "[anon]" -> ""; // procps; toybox
            case "[ stack ]" -> "[stack]";
            default -> m.startsWith("[ shmid=") && m.endsWith(" ]") ? "[" + m.substring(2, m.length() - 2) + "]" : m;
        };
    }
}
