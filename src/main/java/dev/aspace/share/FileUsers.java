package dev.aspace.share;

import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects, process by process, the smaps figures of one part of a file (see {@link FileSharing}). Not thread-safe. */
public final class FileUsers {

    private final String path;
    private final String perms;
    private final long offset;
    private final List<FileUser> users = new ArrayList<>();

    /** @param perms as maps writes them ("r-xp"); with {@code offset} they say which part of the file */
    public FileUsers(String path, String perms, long offset) {
        this.path = path;
        this.perms = perms;
        this.offset = offset;
    }

    /** Adds one process from its smaps regions; a process without a mapping of the part is left out. */
    public void add(ProcessShare process, List<Region> regions) {
        long rss = 0, pss = 0, fileRss = 0, filePss = 0;
        int mappings = 0;
        boolean part = false;
        for (Region r : regions) {
            if (r.smaps() == null || !r.path().equals(path)) {
                continue;
            }
            mappings++;
            fileRss += r.smaps().rss();
            filePss += r.smaps().pss();
            if (r.perms().toString().equals(perms) && r.offset() == offset) {
                part = true;
                rss += r.smaps().rss();
                pss += r.smaps().pss();
            }
        }
        if (part) {
            users.add(new FileUser(process.pid(), process.user(), process.command(), rss, pss, fileRss, filePss, mappings));
        }
    }

    public FileSharing result(List<Unreadable> unreadable) {
        List<FileUser> sorted = new ArrayList<>(users);
        sorted.sort(Comparator.comparingLong(FileUser::pss).reversed().thenComparingInt(FileUser::pid));
        return new FileSharing(path, perms, offset, sorted, unreadable);
    }
}
