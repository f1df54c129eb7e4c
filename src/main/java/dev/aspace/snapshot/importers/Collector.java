package dev.aspace.snapshot.importers;

import dev.aspace.model.AspaceException;
import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Gathers regions and unreadable lines while a file is read: keeps the first warnings, counts
 * the rest, stops past the region limit, and at the end sorts the regions and refuses overlaps
 * (a hostile or spliced file must not draw one region over another), each with its line number.
 */
public final class Collector {

    private final LineSource source;
    private final List<Region> regions = new ArrayList<>();
    private long[] lineOf = new long[64];
    private final List<ImportWarning> warnings = new ArrayList<>();
    private final List<String> remarks = new ArrayList<>();
    private long unreadable;

    public Collector(LineSource source) {
        this.source = source;
    }

    /** Records the current line as unreadable. */
    public void unreadable(String text, String problem) {
        warn(source.lineNumber(), text, problem);
    }

    /** Records a line found unreadable after the fact (a region overlapping another). */
    public void note(long line, String problem) {
        warn(line, "", problem);
    }

    /**
     * A remark about the file as a whole that is not an unreadable line: an assumed unit, a
     * totals line that disagrees with the regions read.
     */
    public void remark(long line, String text) {
        remarks.add(line > 0 ? "line " + line + ": " + text : text);
    }

    public List<String> remarks() {
        return remarks;
    }

    private void warn(long line, String text, String problem) {
        unreadable++;
        if (warnings.size() < source.limits().maxWarnings()) {
            String t = text.strip();
            warnings.add(new ImportWarning(line, t.length() > 120 ? t.substring(0, 117) + "..." : t, problem));
        }
    }

    /** Adds a region read from the current line. */
    public void add(Region r) {
        add(r, source.lineNumber());
    }

    /** Adds a region read from {@code line} (an importer that reads ahead knows it better than the source). */
    public void add(Region r, long line) {
        if (regions.size() >= source.limits().maxRegions()) {
            throw source.error("more than " + source.limits().maxRegions()
                    + " regions: no real process has that many (vm.max_map_count is 65530 by default); refusing to read on");
        }
        if (regions.size() == lineOf.length) {
            lineOf = Arrays.copyOf(lineOf, lineOf.length * 2);
        }
        lineOf[regions.size()] = line;
        regions.add(r);
    }

    /** Limits and other whole-file errors stop the import; only line problems become warnings. */
    static void rethrowLimit(RuntimeException e) {
        if (e instanceof AspaceException ae) {
            throw ae;
        }
    }

    public int size() {
        return regions.size();
    }

    /**
     * The regions sorted by unsigned start; a region that overlaps the one kept before it is
     * left out with a warning naming its line. Warnings come back sorted by line.
     */
    public List<Region> finish() {
        Integer[] order = new Integer[regions.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(regions.get(a).start(), regions.get(b).start()));
        List<Region> out = new ArrayList<>(order.length);
        Region prev = null;
        int prevIndex = -1;
        for (int i : order) {
            Region r = regions.get(i);
            if (prev != null && Long.compareUnsigned(r.start(), prev.end()) < 0) {
                note(lineOf[i], "region " + r.rangeText() + " overlaps " + prev.rangeText() + " (line "
                        + lineOf[prevIndex] + "): left out");
                continue;
            }
            out.add(r);
            prev = r;
            prevIndex = i;
        }
        warnings.sort(Comparator.comparingLong(ImportWarning::line));
        return out;
    }

    public List<ImportWarning> warnings() {
        return warnings;
    }

    public long unreadableCount() {
        return unreadable;
    }
}
