package dev.aspace.share;

import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Sums the smaps figures of file mappings by path over processes (smem's per-map view). Not thread-safe. */
public final class FileTotals {

    private static final class Sum {
        final TreeSet<Integer> pids = new TreeSet<>();
        long rss;
        long pss;
    }

    private final Map<String, Sum> byPath = new HashMap<>();

    /** Adds the file-backed regions (path starting with '/') of one process; regions without smaps are skipped. */
    public void add(int pid, List<Region> regions) {
        for (Region r : regions) {
            if (r.smaps() == null || r.inode() == 0 || !r.path().startsWith("/")) {
                continue;
            }
            Sum s = byPath.computeIfAbsent(r.path(), k -> new Sum());
            s.pids.add(pid);
            s.rss += r.smaps().rss();
            s.pss += r.smaps().pss();
        }
    }

    /** Adds what another instance summed (for reading processes in parallel). */
    public void addAll(FileTotals other) {
        for (Map.Entry<String, Sum> e : other.byPath.entrySet()) {
            Sum s = byPath.computeIfAbsent(e.getKey(), k -> new Sum());
            s.pids.addAll(e.getValue().pids);
            s.rss += e.getValue().rss;
            s.pss += e.getValue().pss;
        }
    }

    /** The files, largest PSS first. */
    public List<FileShare> files() {
        List<FileShare> out = new ArrayList<>(byPath.size());
        for (Map.Entry<String, Sum> e : byPath.entrySet()) {
            Sum s = e.getValue();
            out.add(new FileShare(e.getKey(), new ArrayList<>(s.pids), s.rss, s.pss));
        }
        out.sort(Comparator.comparingLong(FileShare::pss).reversed().thenComparing(FileShare::path));
        return out;
    }
}
