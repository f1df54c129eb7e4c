package dev.aspace.snapshot.importers;

import dev.aspace.model.SystemMemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code free}: procps 3.2 (buffers, cached, a "-/+ buffers/cache" line), procps-ng
 * 3.3 and 4 (buff/cache, available; {@code -w} splits buffers and cache; {@code -h} adds units)
 * and toybox. Columns are mapped from the header line. Numbers without a unit carry none in the
 * text: they are read in {@link ImportContext#freeUnit()} or, when not given, in KiB (free's
 * default), with a warning saying so.
 */
public final class FreeImporter implements Importer {

    @Override
    public ImportFormat detect(List<String> head) {
        boolean header = false;
        for (String line : head) {
            if (Scan.isBlank(line)) {
                continue;
            }
            String s = line.strip();
            if (!header) {
                // "total: used: free:" is the byte table that opens old /proc/meminfo, not free
                if (!(s.startsWith("total") && s.contains("used") && s.contains("free")) || s.startsWith("total:")) {
                    return null;
                }
                header = true;
            } else {
                return s.startsWith("Mem:") ? ImportFormat.FREE : null;
            }
        }
        return null;
    }

    @Override
    public ImportResult read(LineSource lines, ImportFormat format, ImportContext context) {
        Collector c = new Collector(lines);
        List<String> cols = null;
        long[] mem = null;
        long[] swap = null;
        boolean bare = false;
        long unit = context.freeUnit() > 0 ? context.freeUnit() : 1024;
        String line;
        while ((line = lines.next()) != null) {
            if (Scan.isBlank(line)) {
                continue;
            }
            int[] t = Scan.tokens(line);
            String first = Scan.token(line, t, 0);
            if (cols == null) {
                cols = new ArrayList<>();
                for (int k = 0; k < t.length / 2; k++) {
                    cols.add(Scan.token(line, t, k));
                }
                continue;
            }
            if (first.equals("-/+") || first.equals("Total:") || first.equals("Low:") || first.equals("High:")) {
                continue; // derived rows (-/+ buffers/cache, -t, -l)
            }
            if (!first.equals("Mem:") && !first.equals("Swap:")) {
                c.unreadable(line, "expected a Mem: or Swap: row");
                continue;
            }
            try {
                long[] v = new long[t.length / 2 - 1];
                for (int k = 1; k < t.length / 2; k++) {
                    String s = Scan.token(line, t, k);
                    bare |= Character.isDigit(s.charAt(s.length() - 1));
                    v[k - 1] = amount(s, unit);
                }
                if (first.equals("Mem:")) {
                    mem = v;
                } else {
                    swap = v;
                }
            } catch (RuntimeException e) {
                Collector.rethrowLimit(e);
                c.unreadable(line, "not a free row (" + e.getMessage() + ")");
            }
        }
        if (mem == null || cols == null) {
            throw lines.error("no Mem: row: this is not complete free output");
        }
        if (bare && context.freeUnit() <= 0) {
            c.remark(0, "free prints no unit: numbers were read as KiB (its default); if this came from free -m,"
                    + " --mega, -g, ... import it again with --unit MiB, MB, GiB, ...");
        }
        long buffers = col(cols, mem, "buffers", 0);
        long cached = col(cols, mem, "cached", col(cols, mem, "cache", -1));
        if (cached < 0) {
            // procps-ng without -w prints buffers and cache as one column
            cached = col(cols, mem, "buff/cache", 0);
        }
        String definition = usedDefinition(c, cols, mem, unit);
        SystemMemory m = new SystemMemory(col(cols, mem, "total", -1), col(cols, mem, "free", -1),
                col(cols, mem, "available", -1), buffers, cached, -1, col(cols, mem, "shared", -1),
                swap == null ? -1 : col(cols, swap, "total", -1), swap == null ? -1 : col(cols, swap, "free", -1), -1, -1);
        long printed = col(cols, mem, "used", -1);
        if (definition != null) {
            m = m.withUsedAsPrinted(printed, definition);
        }
        return ImportedSnapshots.result(format, ImportedSnapshots.snapshot(
                ImportedSnapshots.process(0, "", List.of()), List.of(), null, m, null, null, format, context), c, List.of());
    }

    /**
     * Which "used" the text printed: procps 3.3 to procps-ng 4.0.0 printed total - free -
     * buff/cache, procps-ng 4.0.1 and later total - available. The report says which one the
     * printed column is, and the other figure; the definition is returned for the snapshot.
     */
    private static String usedDefinition(Collector c, List<String> cols, long[] mem, long unit) {
        long total = col(cols, mem, "total", -1);
        long used = col(cols, mem, "used", -1);
        long free = col(cols, mem, "free", -1);
        long available = col(cols, mem, "available", -1);
        long cache = col(cols, mem, "buff/cache", -1);
        if (cache < 0) {
            cache = Math.max(0, col(cols, mem, "buffers", 0)) + Math.max(0, col(cols, mem, "cache", col(cols, mem, "cached", 0)));
        }
        if (total < 0 || used < 0 || free < 0 || available < 0) {
            // procps 3.2 (no available column): its Mem used is total - free, and the gauge takes the
            // -/+ buffers/cache row's used instead, as that free itself pointed at
            return null;
        }
        long old = total - free - cache;
        long now = total - available;
        // each printed figure is cut to its unit: allow three of them
        long slack = Math.max(3 * Math.max(unit, 1024), total / 100); // -h prints 2.0Gi: a tenth of a unit
        boolean isOld = Math.abs(used - old) <= slack;
        boolean isNew = Math.abs(used - now) <= slack;
        String mib = " MiB";
        if (isNew && !isOld) {
            c.remark(0, "used as printed (" + (used >> 20) + mib + ") is total - available, the definition of procps-ng"
                    + " 4.0.1 and later (and of aspace's gauge)");
            return TOTAL_MINUS_AVAILABLE;
        } else if (isOld && !isNew) {
            c.remark(0, "used as printed (" + (used >> 20) + mib + ") is total - free - buff/cache, the definition of"
                    + " procps 3.3 to procps-ng 4.0.0; procps-ng 4.0.1 and later (and aspace's gauge) count total -"
                    + " available = " + (now >> 20) + mib);
            return TOTAL_MINUS_FREE_CACHE;
        } else if (!isOld) {
            c.remark(0, "used as printed (" + (used >> 20) + mib + ") is neither total - available (" + (now >> 20)
                    + mib + ") nor total - free - buff/cache (" + (old >> 20) + mib + "): the text was edited or mixed");
            return NEITHER;
        }
        return BOTH; // free and available agree to within a unit: either definition gives this figure
    }

    static final String TOTAL_MINUS_AVAILABLE = "total - available (procps-ng 4.0.1 and later)";
    static final String TOTAL_MINUS_FREE_CACHE = "total - free - buff/cache (procps 3.3 to procps-ng 4.0.0)";
    static final String NEITHER = "as printed, neither total - available nor total - free - buff/cache";
    static final String BOTH = "total - available = total - free - buff/cache within a printed unit";

    private static long col(List<String> cols, long[] row, String name, long missing) {
        int i = cols.indexOf(name);
        return i >= 0 && i < row.length ? row[i] : missing;
    }

    /** {@code 32013} (in the unit), {@code 2.0G}, {@code 137M}, {@code 0B}, {@code 1.5Gi}: powers of 1024. */
    static long amount(String s, long bareUnit) {
        String u = s.toUpperCase(Locale.ROOT);
        if (u.endsWith("I")) {
            u = u.substring(0, u.length() - 1);
        }
        char last = u.charAt(u.length() - 1);
        int shift = switch (last) {
            case 'B' -> 0;
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            case 'P' -> 50;
            default -> -1;
        };
        if (shift < 0) {
            return Math.multiplyExact(Scan.dec(u, 0, u.length()), bareUnit);
        }
        double d = Double.parseDouble(u.substring(0, u.length() - 1));
        double bytes = d * Math.pow(2, shift);
        if (!(bytes >= 0) || bytes > Long.MAX_VALUE) {
            throw new NumberFormatException("'" + s + "' is not an amount");
        }
        return Math.round(bytes);
    }
}
