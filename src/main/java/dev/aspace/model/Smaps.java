package dev.aspace.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smaps figures of one region. Values follow {@link SmapsLayout}: kB fields are held in
 * bytes (converted once, by the parser); unit-less fields ({@code THPeligible},
 * {@code ProtectionKey}) as printed. {@code vmFlags} are the two-letter codes in kernel order.
 *
 * <p>Accessors for the well-known fields return 0 when this kernel does not print the field.
 */
public record Smaps(SmapsLayout layout, long[] values, List<String> vmFlags) {

    public Smaps {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("smaps has " + values.length + " values for " + layout.size() + " keys");
        }
        vmFlags = List.copyOf(vmFlags);
    }

    /** Value of a kernel key (bytes for kB fields), or -1 when absent. */
    public long get(String kernelKey) {
        int i = layout.indexOf(kernelKey);
        return i < 0 ? -1 : values[i];
    }

    /** True when this kernel prints the key. */
    public boolean has(String kernelKey) {
        return layout.indexOf(kernelKey) >= 0;
    }

    private long orZero(SmapsLayout.Known key) {
        int i = layout.indexOf(key);
        return i < 0 ? 0 : values[i];
    }

    public long value(int i) {
        return values[i];
    }

    public long size() { return orZero(SmapsLayout.Known.SIZE); }
    public long kernelPageSize() { return orZero(SmapsLayout.Known.KERNEL_PAGE_SIZE); }
    public long mmuPageSize() { return orZero(SmapsLayout.Known.MMU_PAGE_SIZE); }
    public long rss() { return orZero(SmapsLayout.Known.RSS); }
    public long pss() { return orZero(SmapsLayout.Known.PSS); }
    public long pssDirty() { return orZero(SmapsLayout.Known.PSS_DIRTY); }
    public long sharedClean() { return orZero(SmapsLayout.Known.SHARED_CLEAN); }
    public long sharedDirty() { return orZero(SmapsLayout.Known.SHARED_DIRTY); }
    public long privateClean() { return orZero(SmapsLayout.Known.PRIVATE_CLEAN); }
    public long privateDirty() { return orZero(SmapsLayout.Known.PRIVATE_DIRTY); }
    public long referenced() { return orZero(SmapsLayout.Known.REFERENCED); }
    public long anonymous() { return orZero(SmapsLayout.Known.ANONYMOUS); }
    public long ksm() { return orZero(SmapsLayout.Known.KSM); }
    public long lazyFree() { return orZero(SmapsLayout.Known.LAZY_FREE); }
    public long anonHugePages() { return orZero(SmapsLayout.Known.ANON_HUGE_PAGES); }
    public long shmemPmdMapped() { return orZero(SmapsLayout.Known.SHMEM_PMD_MAPPED); }
    public long filePmdMapped() { return orZero(SmapsLayout.Known.FILE_PMD_MAPPED); }
    public long sharedHugetlb() { return orZero(SmapsLayout.Known.SHARED_HUGETLB); }
    public long privateHugetlb() { return orZero(SmapsLayout.Known.PRIVATE_HUGETLB); }
    public long swap() { return orZero(SmapsLayout.Known.SWAP); }
    public long swapPss() { return orZero(SmapsLayout.Known.SWAP_PSS); }
    public long locked() { return orZero(SmapsLayout.Known.LOCKED); }
    public long thpEligible() { return orZero(SmapsLayout.Known.THP_ELIGIBLE); }

    /** Unique set size: pages only this process maps. */
    public long uss() {
        return privateClean() + privateDirty();
    }

    /** The fields as an ordered map, kernel key to value, for display and export. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(layout.key(i), values[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smaps other
                && layout.equals(other.layout)
                && Arrays.equals(values, other.values)
                && vmFlags.equals(other.vmFlags);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + vmFlags.hashCode();
    }

    @Override
    public String toString() {
        return "Smaps" + asMap() + " VmFlags" + vmFlags;
    }
}
