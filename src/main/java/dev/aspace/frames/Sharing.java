package dev.aspace.frames;

/**
 * What one page of a process is, as far as sharing goes: the colours of the frames view. Read
 * in this order, the first that holds wins (a shared THP page is shared; an unshared one, THP).
 */
public enum Sharing {
    /** Not in RAM: its content is in a swap area. */
    SWAPPED("swapped"),
    /** The kernel's one zero-filled frame, mapped wherever a page was read but never written. */
    ZERO("zero page"),
    /** Merged by KSM with identical pages (of this or other processes). */
    KSM("KSM"),
    /** The frame is mapped more than once: by other processes, or twice in this one. */
    SHARED("shared"),
    /** Part of a transparent huge page, mapped once. */
    THP("THP"),
    /** Mapped by this page alone. */
    EXCLUSIVE("exclusive");

    private final String label;

    Sharing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The sharing of a populated page from its pagemap entry and, with the privilege, its
     * kpagecount and kpageflags; {@code privileged} false means only the entry is known.
     */
    public static Sharing of(long entry, long mapcount, long kflags, boolean privileged) {
        if (!PagemapEntry.isPresent(entry)) {
            return SWAPPED;
        }
        if (privileged) {
            if (PageFlags.has(kflags, PageFlags.ZERO_PAGE)) {
                return ZERO;
            }
            if (PageFlags.has(kflags, PageFlags.KSM)) {
                return KSM;
            }
            if (mapcount > 1) {
                return SHARED;
            }
            return PageFlags.has(kflags, PageFlags.THP) ? THP : EXCLUSIVE;
        }
        return (entry & PagemapEntry.EXCLUSIVE) != 0 ? EXCLUSIVE : SHARED;
    }
}
