package dev.aspace.demo;

import java.util.Locale;

/** How a block of memory-user memory was obtained; the first three are the --via choices. */
public enum BlockKind {
    /** Anonymous private mmap: always a mapping of its own. */
    MMAP,
    /** glibc malloc: small blocks in [heap] (or an arena), blocks above M_MMAP_THRESHOLD in their own mapping. */
    MALLOC,
    /** sbrk: the program break moves, [heap] grows. */
    BRK,
    /** A file in the temp directory, mapped shared: its pages are page cache (buff/cache). */
    FILE,
    /** A file in /dev/shm, mapped shared: tmpfs pages, counted in free's "shared". */
    SHM;

    /** The lower-case name used on the command line and in the protocol. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a protocol or command-line word ("mmap", "malloc", ...). */
    public static BlockKind parse(String word) {
        for (BlockKind k : values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown allocation kind '" + word + "' (use mmap, malloc, brk, file or shm)");
    }
}
