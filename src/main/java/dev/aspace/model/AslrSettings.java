package dev.aspace.model;

/**
 * How much randomization the kernel is configured to give (Documentation/admin-guide/sysctl/vm.rst
 * and kernel.rst).
 *
 * @param randomizeVaSpace  kernel.randomize_va_space: 0 none, 1 stack/mmap/vdso, 2 also brk; -1 unknown
 * @param mmapRndBits       vm.mmap_rnd_bits: random bits of the mmap base of 64-bit processes; -1 unknown
 * @param mmapRndCompatBits vm.mmap_rnd_compat_bits: the same for 32-bit processes; -1 unknown
 * @param architecture      "amd64"/"x86_64" or "aarch64" (os.arch or uname -m)
 * @param pageSize          bytes per page
 */
public record AslrSettings(int randomizeVaSpace, int mmapRndBits, int mmapRndCompatBits, String architecture,
                           long pageSize) {

    public boolean x86() {
        return architecture.equals("amd64") || architecture.equals("x86_64");
    }

    public boolean arm64() {
        return architecture.equals("aarch64") || architecture.equals("arm64");
    }

    /** log2 of the page size: 12 for 4 KiB pages. */
    public int pageShift() {
        return pageSize <= 0 ? 12 : Long.numberOfTrailingZeros(pageSize);
    }

    /**
     * Random bits of the stack top (in pages): the kernel's STACK_RND_MASK, 22 bits on x86-64 and
     * 18 on arm64 with 4 KiB pages (fewer with bigger pages); -1 for an architecture not known here.
     */
    public int stackBits() {
        if (x86()) {
            return 22;
        }
        if (arm64()) {
            return 18 - (pageShift() - 12);
        }
        return -1;
    }

    /**
     * Random bits of the brk start above the executable: x86-64 spreads it over 32 MiB, arm64 over
     * 1 GiB (arch_randomize_brk); 0 when randomize_va_space is below 2; -1 unknown.
     */
    public int brkBits() {
        if (randomizeVaSpace >= 0 && randomizeVaSpace < 2) {
            return 0;
        }
        if (x86()) {
            return 25 - pageShift();
        }
        if (arm64()) {
            return 30 - pageShift();
        }
        return -1;
    }
}
