package dev.aspace.snapshot.locate;

/**
 * One ELF section where a process has it: its run-time addresses, cut to one region.
 *
 * @param name        ".text", ".rodata", ".data", ".bss", ...
 * @param start       first run-time address in the region (inclusive), unsigned
 * @param end         end in the region (exclusive), unsigned
 * @param fileAddress the section's own address in the file, before the load bias
 * @param nobits      takes no room in the file (.bss): zero-filled memory
 * @param cut         the section goes on past this region (the region holds only part of it)
 */
public record PlacedSection(String name, long start, long end, long fileAddress, boolean nobits, boolean cut) {

    public long size() {
        return end - start;
    }
}
