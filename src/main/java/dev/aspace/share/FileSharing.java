package dev.aspace.share;

import java.util.List;

/**
 * Who maps one part of a file (its path, permissions and file offset: libc's text is
 * {@code r-xp} at its text's offset) across the processes of the machine, with each one's figures,
 * and the processes that could not be read (they may map it too).
 *
 * @param users the processes mapping the part, largest PSS first
 */
public record FileSharing(String path, String perms, long offset, List<FileUser> users, List<Unreadable> unreadable) {

    public FileSharing {
        users = List.copyOf(users);
        unreadable = List.copyOf(unreadable);
    }

    /** The process's figures, or null when it does not map the part (or could not be read). */
    public FileUser user(int pid) {
        for (FileUser u : users) {
            if (u.pid() == pid) {
                return u;
            }
        }
        return null;
    }

    /** Why the process could not be read, or null. */
    public Unreadable unreadable(int pid) {
        for (Unreadable u : unreadable) {
            if (u.pid() == pid) {
                return u;
            }
        }
        return null;
    }

    /** The part's RSS summed over the processes: a shared page counts once per process. */
    public long rss() {
        return users.stream().mapToLong(FileUser::rss).sum();
    }

    /** The part's PSS summed: what the part costs in RAM, charged to these processes. */
    public long pss() {
        return users.stream().mapToLong(FileUser::pss).sum();
    }
}
