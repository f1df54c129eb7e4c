package dev.aspace.elf;

/**
 * The ELF file header, with the extended numbering of big cores already resolved (more than
 * 65535 program headers: the count is in section 0).
 *
 * @param is64       ELFCLASS64 (else ELFCLASS32)
 * @param littleEndian ELFDATA2LSB (else big-endian)
 * @param osAbi      e_ident[EI_OSABI]
 * @param type       e_type: 1 REL, 2 EXEC, 3 DYN, 4 CORE
 * @param machine    e_machine: 62 x86-64, 183 AArch64, 3 i386, 40 ARM
 */
public record ElfHeader(boolean is64, boolean littleEndian, int osAbi, int type, int machine, long entry,
                        long phoff, long shoff, int flags, int phentsize, int phnum, int shentsize, int shnum,
                        int shstrndx) {

    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;
    public static final int EM_386 = 3;
    public static final int EM_ARM = 40;
    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;

    /** As readelf says it: "EXEC", "DYN", "CORE", "REL". */
    public String typeName() {
        return switch (type) {
            case ET_REL -> "REL";
            case ET_EXEC -> "EXEC";
            case ET_DYN -> "DYN";
            case ET_CORE -> "CORE";
            default -> "type " + type;
        };
    }

    public String machineName() {
        return switch (machine) {
            case EM_X86_64 -> "x86-64";
            case EM_AARCH64 -> "AArch64";
            case EM_386 -> "i386";
            case EM_ARM -> "ARM";
            default -> "machine " + machine;
        };
    }

    public int wordSize() {
        return is64 ? 8 : 4;
    }
}
