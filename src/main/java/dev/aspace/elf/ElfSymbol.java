package dev.aspace.elf;

/**
 * One symbol of .symtab or .dynsym.
 *
 * @param name    the name without a version suffix
 * @param value   its address in the file's own numbering (add the load bias for a position-independent file)
 * @param size    bytes it covers, 0 when unknown
 * @param type    STT_*: 0 NOTYPE, 1 OBJECT, 2 FUNC, 3 SECTION, 4 FILE, 6 TLS, 10 GNU_IFUNC
 * @param bind    STB_*: 0 LOCAL, 1 GLOBAL, 2 WEAK
 * @param shndx   the section it is defined in, 0 when undefined
 * @param dynamic from .dynsym (else .symtab)
 */
public record ElfSymbol(String name, long value, long size, int type, int bind, int shndx, boolean dynamic) {

    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;
    public static final int STT_TLS = 6;
    public static final int STT_GNU_IFUNC = 10;
    public static final int SHN_ABS = 0xfff1;

    /** Defined here and naming a place in memory: what a nearest-symbol lookup may answer with. */
    public boolean isAddressable() {
        return shndx != 0 && shndx != SHN_ABS && shndx < 0xff00 && !name.isEmpty()
                && type != STT_SECTION && type != STT_FILE && type != STT_TLS;
    }

    public String typeName() {
        return switch (type) {
            case 0 -> "NOTYPE";
            case STT_OBJECT -> "OBJECT";
            case STT_FUNC -> "FUNC";
            case STT_SECTION -> "SECTION";
            case STT_FILE -> "FILE";
            case STT_TLS -> "TLS";
            case STT_GNU_IFUNC -> "IFUNC";
            default -> "type " + type;
        };
    }
}
