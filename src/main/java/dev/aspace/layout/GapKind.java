package dev.aspace.layout;

/** What an address range that holds no mapping is. */
public enum GapKind {
    /** Unmapped, but a mapping could be placed there (user half). */
    UNMAPPED("unmapped"),
    /** Between the user half and the kernel half: no address there is valid on x86-64. */
    NON_CANONICAL("non-canonical"),
    /** The kernel half: not visible to the process (except [vsyscall], a region). */
    KERNEL("kernel space");

    private final String word;

    GapKind(String word) {
        this.word = word;
    }

    /** The word the gap label ends with: "22.3 TiB unmapped". */
    public String word() {
        return word;
    }
}
