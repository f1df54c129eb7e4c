package dev.aspace.snapshot.importers;

import dev.aspace.model.MachineSetup;
import dev.aspace.model.Perms;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * macOS {@code vmmap} reports (format 2.3 and 2.4, Intel and Apple Silicon): the full report
 * (default and {@code -wide}), {@code -interleaved} (with or without {@code -pages}) and
 * {@code -summary}. Regions keep vmmap's type (MALLOC_TINY, __TEXT, STACK GUARD, ...) as their
 * label, are mapped to the nearest {@link RegionKind}, and take the current protection (the
 * first half of PRT/MAX) as permissions; SM=SHM and aliases count as shared.
 */
public final class VmmapImporter implements Importer {

    private static final String ZONE_NOTE = "see MALLOC ZONE table below";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS] Z");

    @Override
    public ImportFormat detect(List<String> head) {
        boolean report = false;
        for (String line : head) {
            if (line.startsWith("==== regions for process") && line.contains("interleaved")) {
                return ImportFormat.VMMAP_INTERLEAVED;
            }
            if (line.startsWith("Virtual Memory Map of process") || line.startsWith("==== Non-writable regions")
                    || line.startsWith("==== Writable regions")) {
                return ImportFormat.VMMAP;
            }
            if (line.startsWith("REGION TYPE") && line.contains("START - END")) {
                return ImportFormat.VMMAP;
            }
            if (line.startsWith("Analysis Tool:") && line.contains("vmmap")) {
                report = true;
            }
            if (report && (line.startsWith("ReadOnly portion of Libraries:") || line.startsWith("REGION TYPE"))) {
                return ImportFormat.VMMAP_SUMMARY;
            }
        }
        return null;
    }

    private enum Section { HEADER, REGIONS, LEGEND, SUMMARY, ZONES }

    /** Facts gathered while reading. */
    private static final class State {
        Section section = Section.HEADER;
        String processName = "";
        int pid;
        String path = "";
        String codeType = "";
        String osVersion = "";
        Instant date;
        long pageSize;
        int detailOffset = -1;
        SmapsLayout layout;
        List<String> summaryColumns = new ArrayList<>();
        int summaryNumbers;
        long totalRegionCount = -1;
        long totalLine;
        final List<TypeTotal> totals = new ArrayList<>();
    }

    @Override
    public ImportResult read(LineSource lines, ImportFormat format, ImportContext context) {
        Collector c = new Collector(lines);
        State st = new State();
        String line;
        while ((line = lines.next()) != null) {
            if (Scan.isBlank(line)) {
                if (st.section == Section.ZONES) {
                    st.section = Section.SUMMARY;
                }
                continue;
            }
            if (line.startsWith("==== ")) {
                st.section = line.startsWith("==== Legend") ? Section.LEGEND
                        : line.startsWith("==== Summary") ? Section.SUMMARY : Section.REGIONS;
                continue;
            }
            switch (st.section) {
                case HEADER -> header(line, st, c);
                case REGIONS -> regionLine(line, st, c);
                case LEGEND -> { }
                case SUMMARY, ZONES -> summaryLine(line, st, c, lines.lineNumber());
            }
        }
        List<Region> regions = c.finish();
        if (st.totalRegionCount >= 0 && format != ImportFormat.VMMAP_SUMMARY && st.totalRegionCount != regions.size()) {
            c.remark(st.totalLine, "vmmap's summary counts " + st.totalRegionCount + " regions but " + regions.size()
                    + " were read: the region list is incomplete");
        }
        ProcessInfo p = ImportedSnapshots.process(st.pid, st.path, regions);
        ProcessInfo process = new ProcessInfo(p.pid(), 0, st.processName.isEmpty() ? p.comm() : st.processName,
                st.path.isEmpty() ? List.of() : List.of(st.path), -1, "", "", p.vmSize(), p.vmRss());
        MachineSetup machine = st.codeType.isEmpty() && st.pageSize == 0 ? null
                : new MachineSetup(st.pageSize > 0 ? st.pageSize : -1, st.osVersion, st.codeType, -1, -1, "", -1, "");
        return ImportedSnapshots.result(format,
                ImportedSnapshots.snapshot(process, regions, null, null, machine, st.date, format, context), c, st.totals);
    }

    private static void header(String line, State st, Collector c) {
        if (line.startsWith("REGION TYPE") && line.contains("START - END")) {
            st.section = Section.REGIONS; // a region table without the report around it
            regionLine(line, st, c);
            return;
        }
        if (line.startsWith("ReadOnly portion") || line.startsWith("Writable regions:")
                || line.startsWith("REGION TYPE") || line.trim().startsWith("VIRTUAL")) {
            st.section = Section.SUMMARY; // vmmap -summary: the table follows the header
            return;
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            return; // "----" and similar rulers
        }
        String key = line.substring(0, colon);
        String value = line.substring(colon + 1).strip();
        switch (key) {
            case "Process" -> {
                int b = value.lastIndexOf('[');
                if (b > 0 && value.endsWith("]")) {
                    st.processName = value.substring(0, b).strip();
                    String p = value.substring(b + 1, value.length() - 1);
                    if (Scan.isDigits(p, 0, p.length()) && p.length() < 10) {
                        st.pid = Integer.parseInt(p);
                    }
                } else {
                    st.processName = value;
                }
            }
            case "Path" -> st.path = value;
            case "Code Type" -> st.codeType = value;
            case "OS Version" -> st.osVersion = value;
            case "Date/Time" -> {
                try {
                    st.date = OffsetDateTime.parse(value, DATE).toInstant();
                } catch (DateTimeParseException e) {
                    c.unreadable(line, "date not in vmmap's form yyyy-MM-dd HH:mm:ss.SSS +zzzz");
                }
            }
            case "VM page size" -> {
                int[] t = Scan.tokens(value);
                if (t.length >= 2 && Scan.isDigits(value, t[0], t[1])) {
                    st.pageSize = Scan.dec(value, t[0], t[1]);
                }
            }
            default -> { }
        }
    }

    private static void regionLine(String line, State st, Collector c) {
        if (line.startsWith("REGION TYPE")) {
            int b = line.indexOf(']');
            int d = line.indexOf("REGION DETAIL");
            st.detailOffset = b >= 0 && d > b ? d - b : -1;
            return;
        }
        if (line.startsWith("VM page size:") || line.startsWith("Output report format:")) {
            return;
        }
        try {
            c.add(region(line, st));
        } catch (RuntimeException e) {
            Collector.rethrowLimit(e);
            c.unreadable(line, "not a vmmap region line (" + e.getMessage() + ")");
        }
    }

    private static Region region(String line, State st) {
        int open = line.indexOf('[');
        int close = open < 0 ? -1 : line.indexOf(']', open);
        if (close < 0) {
            throw new IllegalArgumentException("no [ sizes ] column");
        }
        int rangeEnd = open;
        while (rangeEnd > 0 && Scan.isSpace(line.charAt(rangeEnd - 1))) {
            rangeEnd--;
        }
        int rangeStart = rangeEnd;
        while (rangeStart > 0 && !Scan.isSpace(line.charAt(rangeStart - 1))) {
            rangeStart--;
        }
        int dash = line.indexOf('-', rangeStart);
        if (dash < 0 || dash >= rangeEnd || rangeStart == 0) {
            throw new IllegalArgumentException("no START-END address range");
        }
        long start = Scan.hex(line, rangeStart, dash);
        long end = Scan.hex(line, dash + 1, rangeEnd);
        if (Long.compareUnsigned(start, end) >= 0) {
            throw new IllegalArgumentException("start is not below end");
        }
        String type = line.substring(0, rangeStart).strip();
        String sizes = line.substring(open + 1, close);
        int[] st1 = Scan.tokens(sizes);
        int n = st1.length / 2;
        if (n == 0) {
            throw new IllegalArgumentException("empty [ sizes ]");
        }
        long size = end - start;
        String vsizeText = Scan.token(sizes, st1, 0);
        long bareUnit = bareUnit(vsizeText, size, st);
        long[] values = new long[n];
        for (int k = 0; k < n; k++) {
            values[k] = size(Scan.token(sizes, st1, k), bareUnit);
        }
        int after = close + 1;
        int[] t = Scan.tokens(line.substring(after));
        if (t.length < 4) {
            throw new IllegalArgumentException("no PRT/MAX and SHRMOD columns");
        }
        String rest = line.substring(after);
        String prot = Scan.token(rest, t, 0);
        String share = Scan.token(rest, t, 1);
        if (prot.length() != 7 || prot.charAt(3) != '/' || !share.startsWith("SM=")) {
            throw new IllegalArgumentException("'" + prot + " " + share + "' is not PRT/MAX SM=mode");
        }
        String mode = share.substring(3);
        boolean shared = mode.equals("SHM") || mode.equals("ALI") || mode.equals("S/A");
        Perms perms = Perms.of(prot.charAt(0) == 'r', prot.charAt(1) == 'w', prot.charAt(2) == 'x', shared);
        String detail;
        if (st.detailOffset > 0 && close + st.detailOffset <= line.length() && close + st.detailOffset >= after + t[3]) {
            detail = Scan.rest(line, close + st.detailOffset).strip();
        } else {
            detail = Scan.rest(line, Scan.skipSpaces(line, after + t[3])).strip();
        }
        boolean file = detail.startsWith("/") || detail.startsWith("...");
        String path = file ? detail : "";
        boolean mainImage = !st.path.isEmpty() && detail.equals(st.path);
        RegionKind kind = VmmapKinds.kind(type, detail, mainImage, perms);
        String label = file || detail.isEmpty() ? type : type + " (" + detail + ")";
        Smaps smaps = null;
        if (n == 4) {
            if (st.layout == null) {
                st.layout = new SmapsLayout(List.of("Size", "Rss", "Dirty", "Swap"), List.of(true, true, true, true));
            }
            smaps = new Smaps(st.layout, values, List.of());
        }
        return new Region(start, end, perms, 0, "00:00", 0, path, smaps, kind, label);
    }

    /**
     * What a number without K/M/G means: bytes in vmmap's default output (3856 is 0xf10), pages
     * with {@code -pages}. The region's own size decides.
     */
    private static long bareUnit(String vsize, long size, State st) {
        char last = vsize.charAt(vsize.length() - 1);
        if (!Character.isDigit(last)) {
            return 1;
        }
        long v = Scan.dec(vsize, 0, vsize.length());
        if (v == size || v == 0) {
            return 1;
        }
        if (st.pageSize > 0 && v * st.pageSize == size) {
            return st.pageSize;
        }
        long per = size / v;
        if (size % v == 0 && Long.bitCount(per) == 1 && per >= 4096) {
            if (st.pageSize == 0) {
                st.pageSize = per;
            }
            return per;
        }
        throw new IllegalArgumentException("VSIZE " + vsize + " matches neither the range's bytes nor its pages");
    }

    /** vmmap's sizes: {@code 32K}, {@code 11.9M}, {@code 1.5G}, {@code 3856} (bare: see bareUnit). */
    static long size(String s, long bareUnit) {
        char last = s.charAt(s.length() - 1);
        long mult;
        String num = s.substring(0, s.length() - 1);
        switch (last) {
            case 'K' -> mult = 1L << 10;
            case 'M' -> mult = 1L << 20;
            case 'G' -> mult = 1L << 30;
            case 'T' -> mult = 1L << 40;
            case 'B' -> mult = 1;
            default -> {
                mult = bareUnit;
                num = s;
            }
        }
        if (num.isEmpty()) {
            throw new NumberFormatException("'" + s + "' is not a size");
        }
        int dot = num.indexOf('.');
        if (dot < 0) {
            long v = Scan.dec(num, 0, num.length());
            return Math.multiplyExact(v, mult);
        }
        double d = Double.parseDouble(num);
        if (!(d >= 0) || d * mult > Long.MAX_VALUE) {
            throw new NumberFormatException("'" + s + "' is not a size");
        }
        return Math.round(d * mult);
    }

    private static void summaryLine(String line, State st, Collector c, long lineNo) {
        String s = line.strip();
        if (s.startsWith("ReadOnly portion") || s.startsWith("Writable regions:") || s.startsWith("===")
                || s.startsWith("REGION TYPE") || s.startsWith("----")) {
            if (s.startsWith("===")) {
                st.summaryNumbers = Scan.tokens(s).length / 2 - 1;
            }
            if (s.startsWith("REGION TYPE") && st.summaryColumns.isEmpty()) {
                // one-line header (format 2.3): REGION TYPE  VIRTUAL
                int[] t = Scan.tokens(s);
                for (int k = 2; k < t.length / 2; k++) {
                    st.summaryColumns.add(Scan.token(s, t, k));
                }
            }
            return;
        }
        if (s.startsWith("VIRTUAL") && s.contains("ALLOCATION")) {
            st.section = Section.ZONES; // the MALLOC ZONE table: zones, not regions
            return;
        }
        if (s.startsWith("MALLOC ZONE") || st.section == Section.ZONES) {
            st.section = Section.ZONES;
            return;
        }
        if (s.startsWith("VIRTUAL")) {
            st.summaryColumns.clear();
            int[] t = Scan.tokens(s);
            for (int k = 0; k < t.length / 2; k++) {
                st.summaryColumns.add(Scan.token(s, t, k));
            }
            return;
        }
        if (st.summaryNumbers <= 0) {
            c.unreadable(line, "summary row before the table's ===== ruler");
            return;
        }
        try {
            if (s.endsWith(ZONE_NOTE)) {
                s = s.substring(0, s.length() - ZONE_NOTE.length()).strip();
            }
            int[] t = Scan.tokens(s);
            int n = st.summaryNumbers;
            if (t.length / 2 <= n) {
                throw new IllegalArgumentException("expected a type and " + n + " figures");
            }
            int first = t.length / 2 - n;
            String type = s.substring(0, t[2 * first - 1]).strip();
            long virtual = -1;
            long resident = -1;
            long count = -1;
            for (int k = 0; k < n; k++) {
                String col = k < st.summaryColumns.size() ? st.summaryColumns.get(k) : "";
                String v = Scan.token(s, t, first + k);
                switch (col) {
                    case "VIRTUAL" -> virtual = size(v, 1);
                    case "RESIDENT" -> resident = size(v, 1);
                    case "REGION" -> count = Scan.dec(v, 0, v.length());
                    default -> size(v, 1); // checked, not kept
                }
            }
            if (type.equals("TOTAL")) {
                st.totalRegionCount = count;
                st.totalLine = lineNo;
            } else {
                st.totals.add(new TypeTotal(type, virtual, resident, count));
            }
        } catch (RuntimeException e) {
            Collector.rethrowLimit(e);
            c.unreadable(line, "not a vmmap summary row (" + e.getMessage() + ")");
        }
    }
}
