package dev.aspace.ui.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files opened or saved last, most recent first, each once, at most {@link #LIMIT}. Pure and
 * immutable: every change returns a new list. Paths are kept absolute and normalized, so
 * {@code ./run1.json} and {@code /home/u/run1.json} are one entry.
 */
public final class RecentFiles {

    public static final int LIMIT = 10;

    private static final RecentFiles EMPTY = new RecentFiles(List.of());

    private final List<Path> entries;

    private RecentFiles(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    public static RecentFiles empty() {
        return EMPTY;
    }

    /** A list of these paths, most recent first; later duplicates and those past the limit dropped. */
    public static RecentFiles of(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            Path key = key(p);
            if (!out.contains(key) && out.size() < LIMIT) {
                out.add(key);
            }
        }
        return new RecentFiles(out);
    }

    /** {@code file} moved (or added) to the front; the oldest falls off past the limit. */
    public RecentFiles add(Path file) {
        List<Path> out = new ArrayList<>();
        out.add(file);
        out.addAll(entries);
        return of(out);
    }

    public RecentFiles remove(Path file) {
        Path key = key(file);
        return new RecentFiles(entries.stream().filter(p -> !p.equals(key)).toList());
    }

    /** Only the entries {@code keep} accepts (e.g. those that still exist). */
    public RecentFiles retain(Predicate<Path> keep) {
        return new RecentFiles(entries.stream().filter(keep).toList());
    }

    /** Most recent first. */
    public List<Path> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** One path a line; paths holding a line break cannot be written that way and are left out. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Path p : entries) {
            String s = p.toString();
            if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
                sb.append(s).append('\n');
            }
        }
        return sb.toString();
    }

    /** Reads what {@link #format()} wrote; blank and relative lines (not written by us) are skipped. */
    public static RecentFiles parse(String text) {
        List<Path> paths = new ArrayList<>();
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                Path p = Path.of(s);
                if (p.isAbsolute()) {
                    paths.add(p);
                }
            } catch (InvalidPathException e) {
                // a line no path can be made of: skip it, the rest of the list is still good
            }
        }
        return of(paths);
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecentFiles r && r.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "RecentFiles" + entries;
    }
}
