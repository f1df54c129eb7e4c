package dev.aspace.snapshot.importers;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sysinternals VMMap's CSV export (the details table). Each allocation row is followed by its
 * blocks (addresses indented by two spaces inside the quotes); the blocks are the regions, each
 * with its own protection. An allocation without blocks is a region itself; Free rows are not.
 * Sizes are KB with thousands separators.
 */
public final class WindowsVmmapImporter implements Importer {

    private static final List<String> REQUIRED = List.of("Address", "Type", "Size", "Protection");

    @Override
    public ImportFormat detect(List<String> head) {
        for (String line : head) {
            if (Scan.isBlank(line)) {
                continue;
            }
            return line.startsWith("\"Address\",\"Type\",\"Size\"") ? ImportFormat.WINDOWS_VMMAP_CSV : null;
        }
        return null;
    }

    @Override
    public ImportResult read(LineSource lines, ImportFormat format, ImportContext context) {
        Collector c = new Collector(lines);
        boolean headerSeen = false;
        int addr = -1;
        int type = -1;
        int size = -1;
        int prot = -1;
        int details = -1;
        int committed = -1;
        int ws = -1;
        SmapsLayout layout = new SmapsLayout(List.of("Size", "Committed", "Rss"), List.of(true, true, true));
        List<String> pending = null; // an allocation row waiting to see whether blocks follow
        long pendingLine = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (Scan.isBlank(line)) {
                continue;
            }
            List<String> f;
            try {
                f = csv(line);
            } catch (IllegalArgumentException e) {
                c.unreadable(line, e.getMessage());
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                addr = f.indexOf("Address");
                type = f.indexOf("Type");
                size = f.indexOf("Size");
                prot = f.indexOf("Protection");
                details = f.indexOf("Details");
                committed = f.indexOf("Committed");
                ws = f.indexOf("Total WS");
                if (addr < 0 || type < 0 || size < 0 || prot < 0) {
                    throw lines.error("VMMap CSV header lacks one of " + REQUIRED);
                }
                continue;
            }
            if (f.size() <= Math.max(Math.max(addr, type), Math.max(size, prot))) {
                c.unreadable(line, "fewer fields than the header names");
                continue;
            }
            boolean block = f.get(addr).startsWith(" ");
            int[] cols = {addr, type, size, prot, details, committed, ws};
            try {
                if (block) {
                    pending = null;
                    add(c, f, cols, layout);
                } else {
                    if (pending != null) {
                        addAt(c, pending, cols, layout, pendingLine);
                    }
                    pending = f;
                    pendingLine = lines.lineNumber();
                }
            } catch (RuntimeException e) {
                Collector.rethrowLimit(e);
                c.unreadable(line, "not a VMMap row (" + e.getMessage() + ")");
            }
        }
        if (pending != null) {
            addAt(c, pending, new int[] {addr, type, size, prot, details, committed, ws}, layout, pendingLine);
        }
        List<Region> regions = c.finish();
        return ImportedSnapshots.result(format, ImportedSnapshots.snapshot(
                ImportedSnapshots.process(0, "", regions), regions, null, null, null, null, format, context), c, List.of());
    }

    /** An allocation row without blocks, added when the next allocation starts. */
    private static void addAt(Collector c, List<String> f, int[] cols, SmapsLayout layout, long line) {
        try {
            add(c, f, cols, layout);
        } catch (RuntimeException e) {
            Collector.rethrowLimit(e);
            c.note(line, "not a VMMap row (" + e.getMessage() + ")");
        }
    }

    private static void add(Collector c, List<String> f, int[] cols, SmapsLayout layout) {
        String type = f.get(cols[1]);
        if (type.equalsIgnoreCase("Free")) {
            return;
        }
        String a = f.get(cols[0]).strip();
        long start = Scan.hex(a, 0, a.length());
        long kb = kb(f.get(cols[2]));
        long end = start + Scan.kib(kb);
        if (kb == 0 || Long.compareUnsigned(end, start) <= 0) {
            throw new IllegalArgumentException("size " + f.get(cols[2]) + " KB does not make a range");
        }
        String protection = f.get(cols[3]);
        Perms perms = perms(protection, type.startsWith("Shareable"));
        String detail = cols[4] >= 0 && cols[4] < f.size() ? f.get(cols[4]) : "";
        RegionKind kind = kind(type, protection, perms);
        String label = type + (detail.isEmpty() ? "" : " (" + detail + ")");
        long committed = cols[5] >= 0 && cols[5] < f.size() ? kbOrZero(f.get(cols[5])) : 0;
        long ws = cols[6] >= 0 && cols[6] < f.size() ? kbOrZero(f.get(cols[6])) : 0;
        Smaps smaps = new Smaps(layout, new long[] {Scan.kib(kb), Scan.kib(committed), Scan.kib(ws)}, List.of());
        String path = type.startsWith("Image") || type.equals("Mapped File") ? detail : "";
        c.add(new Region(start, end, perms, 0, "00:00", 0, path, smaps, kind, label));
    }

    private static long kb(String s) {
        String d = s.replace(",", "").strip();
        return Scan.dec(d, 0, d.length());
    }

    private static long kbOrZero(String s) {
        return s.isBlank() ? 0 : kb(s);
    }

    /** "Read/Write", "Execute/Read", "Read/WriteCopy", "No access", "Reserved", ".../Guard". */
    static Perms perms(String p, boolean shared) {
        String l = p.toLowerCase(Locale.ROOT);
        if (l.startsWith("no access") || l.startsWith("reserved") || l.isBlank()) {
            return Perms.of(false, false, false, false);
        }
        boolean write = l.contains("write");
        return Perms.of(l.contains("read") || write, write, l.contains("execute"), shared);
    }

    static RegionKind kind(String type, String protection, Perms perms) {
        String t = type.toLowerCase(Locale.ROOT);
        if (protection.toLowerCase(Locale.ROOT).contains("guard") && !perms.read()) {
            return RegionKind.GUARD;
        }
        if (t.startsWith("heap")) {
            return RegionKind.HEAP;
        }
        if (t.contains("stack")) {
            return RegionKind.THREAD_STACK;
        }
        if (t.startsWith("image")) {
            return perms.exec() ? RegionKind.LIBRARY_TEXT : perms.write() ? RegionKind.LIBRARY_DATA : RegionKind.LIBRARY_RODATA;
        }
        if (t.startsWith("mapped file")) {
            return RegionKind.FILE_MAPPING;
        }
        if (t.startsWith("shareable")) {
            return RegionKind.SHARED_MEMORY;
        }
        if (t.startsWith("private")) {
            return perms.exec() ? RegionKind.EXECUTABLE_ANONYMOUS : RegionKind.ANONYMOUS;
        }
        return RegionKind.OTHER;
    }

    /** One CSV record on one line: quoted fields with "" escapes, or bare fields. */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i <= n) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(ch);
                    }
                }
                out.add(sb.toString());
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a quoted field");
                }
            } else {
                int e = line.indexOf(',', i);
                if (e < 0) {
                    e = n;
                }
                out.add(line.substring(i, e));
                i = e;
            }
            i++; // the comma
        }
        return out;
    }
}
