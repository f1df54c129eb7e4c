package dev.aspace.elf;

/** One section header: .text, .rodata, .data, .bss, .symtab, ... */
public record SectionHeader(int index, String name, int type, long flags, long addr, long offset, long size,
                            int link, int info, long addralign, long entsize) {

    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOTE = 7;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_DYNSYM = 11;
    public static final long SHF_WRITE = 1;
    public static final long SHF_ALLOC = 2;
    public static final long SHF_EXECINSTR = 4;
    public static final long SHF_TLS = 0x400;

    /** Occupies memory at run time (SHF_ALLOC) with a non-empty range. */
    public boolean isAllocated() {
        return (flags & SHF_ALLOC) != 0 && size > 0;
    }

    /** Takes no room in the file: .bss, .tbss. */
    public boolean isNobits() {
        return type == SHT_NOBITS;
    }

    /** Thread-local template (.tdata, .tbss): its addresses are per-thread offsets, not places in the map. */
    public boolean isTls() {
        return (flags & SHF_TLS) != 0;
    }

    public boolean containsAddress(long address) {
        return isAllocated() && Long.compareUnsigned(address, addr) >= 0
                && Long.compareUnsigned(address - addr, size) < 0;
    }
}
