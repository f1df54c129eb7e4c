package dev.aspace.ui.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What dropping files on the main window does: one file opens like Ctrl+O; several saved
 * snapshots (.json) open the compare view; anything else is refused with the reason.
 */
public sealed interface DropPlan {

    /** Open one file: a snapshot or captured text. */
    record Open(Path file) implements DropPlan { }

    /** Compare several snapshots as parallel ribbons. */
    record Compare(List<Path> files) implements DropPlan {
        public Compare {
            files = List.copyOf(files);
        }
    }

    /** Nothing to do; {@code why} says what to drop instead. */
    record Refuse(String why) implements DropPlan { }

    static DropPlan of(List<Path> files) {
        if (files.isEmpty()) {
            return new Refuse("nothing to open in what was dropped: drop a snapshot (.json) or a text file"
                    + " captured from pmap, vmmap, smaps, maps or free");
        }
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                return new Refuse(f + " is a directory: drop the snapshot or text files in it");
            }
        }
        if (files.size() == 1) {
            return new Open(files.get(0));
        }
        List<Path> notSnapshots = files.stream().filter(f -> !isSnapshot(f)).toList();
        if (!notSnapshots.isEmpty()) {
            return new Refuse("dropped " + files.size() + " files, " + notSnapshots.get(0).getFileName()
                    + " is not a snapshot (.json): drop one text file to open it, or several .json snapshots to compare them");
        }
        return new Compare(files);
    }

    /** Saved snapshots are .json files (what Save… writes and the CLI's snapshot -o writes). */
    static boolean isSnapshot(Path f) {
        return f.getFileName() != null && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
