package dev.aspace.share;

import java.util.List;

/** What {@code aspace share} shows: processes (by PSS), mapped files (by PSS) and the processes it could not read. */
public record ShareReport(List<ProcessShare> processes, List<FileShare> files, List<Unreadable> unreadable) {

    public ShareReport {
        processes = List.copyOf(processes);
        files = List.copyOf(files);
        unreadable = List.copyOf(unreadable);
    }

    /** The file with this exact path, or null. */
    public FileShare file(String path) {
        for (FileShare f : files) {
            if (f.path().equals(path)) {
                return f;
            }
        }
        return null;
    }
}
