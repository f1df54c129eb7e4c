package dev.aspace.snapshot.importers;

import dev.aspace.model.SystemMemory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * macOS's answers to {@code free}, as homework answers show them: {@code vm_stat} (page counts)
 * and the {@code PhysMem:} line of {@code top -l 1} ("31G used (2680M wired, 15G compressor),
 * 245M unused."; OS X 10.8 printed "... 6456M used, 1735M free."). Both become the gauge's
 * figures; neither prints everything free does, so the report says how each figure was made.
 */
public final class MacMemoryImporter implements Importer {

    private static final String VM_STAT = "Mach Virtual Memory Statistics: (page size of ";

    @Override
    public ImportFormat detect(List<String> head) {
        for (String line : head) {
            if (Scan.isBlank(line)) {
                continue;
            }
            String s = line.strip();
            if (s.startsWith(VM_STAT)) {
                return ImportFormat.VM_STAT;
            }
            return s.startsWith("PhysMem:") ? ImportFormat.TOP_PHYSMEM : null;
        }
        return null;
    }

    @Override
    public ImportResult read(LineSource lines, ImportFormat format, ImportContext context) {
        Collector c = new Collector(lines);
        SystemMemory m = format == ImportFormat.VM_STAT ? vmStat(lines, c) : physMem(lines, c);
        return ImportedSnapshots.result(format, ImportedSnapshots.snapshot(
                ImportedSnapshots.process(0, "", List.of()), List.of(), null, m, null, null, format, context), c, List.of());
    }

    private static SystemMemory vmStat(LineSource lines, Collector c) {
        long pageSize = -1;
        Map<String, Long> pages = new HashMap<>();
        String line;
        while ((line = lines.next()) != null) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith(VM_STAT)) {
                String n = s.substring(VM_STAT.length()).replaceAll(" bytes\\)$", "");
                try {
                    pageSize = Scan.isDigits(n, 0, n.length()) ? Scan.dec(n, 0, n.length()) : -1;
                } catch (NumberFormatException e) {
                    c.unreadable(line, e.getMessage());
                }
                continue;
            }
            int colon = s.lastIndexOf(':');
            String v = colon < 0 ? "" : s.substring(colon + 1).strip();
            v = v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
            if (colon < 0 || !Scan.isDigits(v, 0, v.length())) {
                c.unreadable(line, "expected 'Name:   count.'");
                continue;
            }
            try {
                pages.put(s.substring(0, colon).replace("\"", ""), Scan.dec(v, 0, v.length()));
            } catch (NumberFormatException e) {
                c.unreadable(line, e.getMessage());
            }
        }
        if (pageSize <= 0 || !pages.containsKey("Pages free")) {
            throw lines.error("no page size or no 'Pages free' line: this is not complete vm_stat output");
        }
        long free = page(pages, "Pages free") + page(pages, "Pages speculative");
        long total = free + page(pages, "Pages active") + page(pages, "Pages inactive") + page(pages, "Pages throttled")
                + page(pages, "Pages wired down") + page(pages, "Pages occupied by compressor");
        long available = free + page(pages, "Pages inactive") + page(pages, "Pages purgeable");
        long fileBacked = page(pages, "File-backed pages");
        c.remark(0, "vm_stat counts pages (" + pageSize + " bytes each), not memory: total = free + speculative +"
                + " active + inactive + throttled + wired + compressor pages (physical memory less what the kernel"
                + " keeps out of these lists); available = free + speculative + inactive + purgeable; cache ="
                + " file-backed pages");
        return new SystemMemory(total * pageSize, free * pageSize, available * pageSize, 0, fileBacked * pageSize,
                -1, -1, -1, -1, -1, -1);
    }

    private static long page(Map<String, Long> pages, String name) {
        return pages.getOrDefault(name, 0L);
    }

    private static SystemMemory physMem(LineSource lines, Collector c) {
        SystemMemory m = null;
        String line;
        while ((line = lines.next()) != null) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!s.startsWith("PhysMem:") || m != null) {
                c.unreadable(line, m == null ? "expected 'PhysMem: ... used ..., ... unused.'" : "a second PhysMem line");
                continue;
            }
            long used = -1;
            long unused = -1;
            for (String part : s.substring("PhysMem:".length()).replaceAll("[(),.]+$", "").split("[,(]")) {
                String[] w = part.strip().split(" +");
                if (w.length == 2 && (w[1].equals("used") || w[1].equals("unused") || w[1].equals("free"))) {
                    long bytes = bytes(w[0]);
                    if (bytes < 0) {
                        used = -1;   // not a size: the line is unreadable
                        break;
                    }
                    if (w[1].equals("used")) {
                        used = bytes;
                    } else {
                        unused = bytes;
                    }
                }
            }
            if (used < 0 || unused < 0) {
                c.unreadable(line, "no 'N used' and 'N unused' (or 'N free') in it");
                continue;
            }
            m = new SystemMemory(used + unused, unused, unused, 0, 0, -1, -1, -1, -1, -1, -1);
        }
        if (m == null) {
            throw lines.error("no readable PhysMem line");
        }
        c.remark(0, "top's PhysMem gives used and unused only, each rounded to its unit: total = used + unused,"
                + " available = unused (macOS counts its file cache and compressed memory as used)");
        return m;
    }

    /** {@code 2680M}, {@code 31G}, {@code 512K}: powers of 1024, as top prints them; -1 when it is not such a size. */
    private static long bytes(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        int shift = switch (u.charAt(u.length() - 1)) {
            case 'B' -> 0;
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> -1;
        };
        String digits = u.substring(0, u.length() - 1);
        if (shift < 0 || !digits.matches("[0-9]{1,12}(\\.[0-9]{1,6})?")) {
            return -1;
        }
        return Math.round(Double.parseDouble(digits) * Math.pow(2, shift));
    }
}
