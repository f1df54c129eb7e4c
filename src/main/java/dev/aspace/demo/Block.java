package dev.aspace.demo;

/**
 * A block of memory the memory-user child holds.
 *
 * @param id      the child's number for it (1, 2, ...)
 * @param kind    how it was obtained
 * @param address first byte (unsigned)
 * @param size    bytes asked for
 * @param path    the backing file for FILE and SHM blocks, "" otherwise
 */
public record Block(int id, BlockKind kind, long address, long size, String path) {

    public long end() {
        return address + size;
    }

    public String describe() {
        return "block " + id + ": " + Sizes.human(size) + " via " + kind.word() + " at 0x" + Long.toHexString(address)
                + (path.isEmpty() ? "" : " (" + path + ")");
    }
}
