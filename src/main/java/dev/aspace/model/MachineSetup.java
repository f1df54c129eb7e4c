package dev.aspace.model;

/**
 * The settings of the machine a snapshot was taken on, which decide how the address space looks.
 *
 * @param pageSize          bytes per page (sysconf(_SC_PAGESIZE))
 * @param kernelRelease     {@code uname -r}, from /proc/sys/kernel/osrelease
 * @param architecture      e.g. "amd64" ({@code os.arch})
 * @param randomizeVaSpace  /proc/sys/kernel/randomize_va_space: 0 off, 1 stack/mmap/vdso, 2 also brk; -1 unknown
 * @param overcommitMemory  /proc/sys/vm/overcommit_memory: 0 heuristic, 1 always, 2 never; -1 unknown
 * @param transparentHugepages the selected mode of /sys/kernel/mm/transparent_hugepage/enabled
 *                          ("always", "madvise", "never"), or "" when unknown
 * @param mmapMinAddr       /proc/sys/vm/mmap_min_addr in bytes; -1 unknown
 * @param hostname          the machine's name
 */
public record MachineSetup(long pageSize, String kernelRelease, String architecture, int randomizeVaSpace,
                           int overcommitMemory, String transparentHugepages, long mmapMinAddr, String hostname) {
}
