package dev.aspace.layout;

/** How addresses become pixels. */
public enum Scale {
    /** Each region and gap gets a length that grows with log2 of its size (the default). */
    LOG,
    /** True scale: pixels proportional to bytes. */
    LINEAR
}
