package dev.aspace.ui.vm;

import java.util.Map;

/**
 * One plain sentence per smaps field, after the kernel's Documentation/filesystems/proc.rst.
 * Keys the kernel adds later get a generic line rather than none.
 */
public final class SmapsFieldHelp {

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("Size", "Virtual size of the mapping: address space reserved, touched or not."),
            Map.entry("KernelPageSize", "Page size the kernel uses for this mapping."),
            Map.entry("MMUPageSize", "Page size the CPU's MMU uses for this mapping (differs only on some hugepage setups)."),
            Map.entry("Rss", "Resident: bytes of this mapping now in RAM, shared or not."),
            Map.entry("Pss", "Proportional: resident bytes with each shared page divided by the number of processes mapping it."),
            Map.entry("Pss_Dirty", "The part of Pss that is dirty (modified since read from disk, or anonymous)."),
            Map.entry("Pss_Anon", "The part of Pss that is anonymous memory."),
            Map.entry("Pss_File", "The part of Pss that is file-backed page cache."),
            Map.entry("Pss_Shmem", "The part of Pss that is shared memory (tmpfs, shm)."),
            Map.entry("Shared_Clean", "Resident pages also mapped by other processes, unmodified."),
            Map.entry("Shared_Dirty", "Resident pages also mapped by other processes, modified."),
            Map.entry("Private_Clean", "Resident pages only this process maps, unmodified (can be dropped and re-read)."),
            Map.entry("Private_Dirty", "Resident pages only this process maps, modified (must be swapped to be freed)."),
            Map.entry("Referenced", "Pages marked as recently accessed."),
            Map.entry("Anonymous", "Pages not backed by a file (heap, stack, copy-on-write copies of file pages)."),
            Map.entry("KSM", "Pages merged with identical pages by kernel same-page merging."),
            Map.entry("LazyFree", "Pages freed with MADV_FREE: still counted until the kernel needs the memory."),
            Map.entry("AnonHugePages", "Anonymous memory backed by transparent huge pages."),
            Map.entry("ShmemPmdMapped", "Shared memory mapped with huge pages."),
            Map.entry("FilePmdMapped", "File pages mapped with huge pages."),
            Map.entry("Shared_Hugetlb", "hugetlbfs pages shared with other processes (not counted in Rss)."),
            Map.entry("Private_Hugetlb", "hugetlbfs pages private to this process (not counted in Rss)."),
            Map.entry("Swap", "Anonymous pages of this mapping that are in swap, not in RAM."),
            Map.entry("SwapPss", "Proportional share of swapped pages, like Pss for swap."),
            Map.entry("Locked", "Pages locked in RAM (mlock): they can never be swapped out."),
            Map.entry("THPeligible", "1 when the mapping may use transparent huge pages, else 0."),
            Map.entry("ProtectionKey", "Memory protection key of the mapping (x86 PKU)."));

    private SmapsFieldHelp() {
    }

    /** The explanation of a kernel key, never null. */
    public static String explain(String kernelKey) {
        String s = HELP.get(kernelKey);
        return s != null ? s : "A field this kernel prints that aspace has no description for.";
    }
}
