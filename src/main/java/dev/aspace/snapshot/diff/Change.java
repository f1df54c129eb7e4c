package dev.aspace.snapshot.diff;

/** How a region differs between two snapshots. A matched region may have several at once. */
public enum Change {
    ADDED("added"),
    REMOVED("removed"),
    /** Matched, but backed by something else: anonymous memory became a file or back, or another file or offset. */
    BACKING("backing"),
    /** Both ends moved: a different base (ASLR, a remap); the slide says by how much. */
    MOVED("moved"),
    GROWN("grown"),
    SHRUNK("shrunk"),
    /** Same place and size, different permissions (mprotect). */
    PERMS("perms"),
    /** Resident or proportional size changed. */
    RESIDENT("rss/pss"),
    UNCHANGED("same");

    private final String word;

    Change(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
