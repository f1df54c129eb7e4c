package dev.aspace.ui.files;

import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The window title that says where the view came from: "aspace · python3 (pid 4711, live)",
 * "aspace · run1.json", "aspace · pmap -X text: foo.txt". Pure.
 */
public final class WindowTitle {

    public static final String APP = "aspace";
    private static final String SEP = " · ";
    /** How importers name their source: "pmap -X text from foo.txt" (ImportedSnapshots). */
    private static final String TEXT_FROM = " text from ";

    private WindowTitle() {
    }

    /**
     * @param exited the live process has exited (the view shows its last read)
     */
    public static String of(Snapshot s, boolean exited) {
        if (s == null) {
            return APP;
        }
        Source src = s.source();
        String comm = s.process() == null ? "" : s.process().comm();
        if (src == null) {
            return APP + SEP + comm;
        }
        return APP + SEP + switch (src.type()) {
            case LIVE -> comm + " (pid " + s.process().pid() + (exited ? ", exited)" : ", live)");
            case FILE -> fileName(src.description());
            case IMPORTED -> imported(src.description());
        };
    }

    private static String fileName(String path) {
        try {
            Path name = Path.of(path).getFileName();
            return name == null ? path : name.toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }

    private static String imported(String description) {
        int at = description.lastIndexOf(TEXT_FROM);
        return at < 0 ? description : description.substring(0, at) + " text: " + description.substring(at + TEXT_FROM.length());
    }
}
