package dev.aspace.snapshot.locate;

import dev.aspace.model.Region;

/**
 * What an address is in one address space, as far as it can be told.
 *
 * @param address      the address asked about
 * @param region       the mapping holding it, or null when nothing is mapped there
 * @param below        for an unmapped address: the region below it, or null
 * @param above        for an unmapped address: the region above it, or null
 * @param file         the ELF file whose image holds it (a file-backed region, or .bss after it), or ""
 * @param fileOffset   the offset into that file, or -1 (anonymous memory, .bss)
 * @param elfAddress   the address in the file's own numbering (before relocation), or -1
 * @param section      the ELF section (".text", ".bss", ...), or ""
 * @param symbol       the nearest symbol at or below it in that section, or ""
 * @param symbolOffset how far past the symbol's start it is
 * @param buildId      the file's build-id, or ""
 * @param note         why something could not be told (file gone, replaced, not ELF), or ""
 */
public record Location(long address, Region region, Region below, Region above, String file, long fileOffset,
                       long elfAddress, String section, String symbol, long symbolOffset, String buildId,
                       String note) {

    public static Location unmapped(long address, Region below, Region above) {
        return new Location(address, null, below, above, "", -1, -1, "", "", 0, "", "");
    }

    public boolean mapped() {
        return region != null;
    }

    /** The offset into its region. */
    public long regionOffset() {
        return region == null ? -1 : address - region.start();
    }

    /** "main+0x19", "counter", or "" when no symbol is known. */
    public String symbolText() {
        if (symbol.isEmpty()) {
            return "";
        }
        return symbolOffset == 0 ? symbol : symbol + "+0x" + Long.toHexString(symbolOffset);
    }
}
