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

    private long orZero(String kernelKey) {
        int i = layout.indexOf(kernelKey);
        return i < 0 ? 0 : values[i];
    }

    public long value(int i) {
        return values[i];
    }

    public long size() { return orZero("Size"); }
    public long kernelPageSize() { return orZero("KernelPageSize"); }
    public long mmuPageSize() { return orZero("MMUPageSize"); }
    public long rss() { return orZero("Rss"); }
    public long pss() { return orZero("Pss"); }
    public long pssDirty() { return orZero("Pss_Dirty"); }
    public long sharedClean() { return orZero("Shared_Clean"); }
    public long sharedDirty() { return orZero("Shared_Dirty"); }
    public long privateClean() { return orZero("Private_Clean"); }
    public long privateDirty() { return orZero("Private_Dirty"); }
    public long referenced() { return orZero("Referenced"); }
    public long anonymous() { return orZero("Anonymous"); }
    public long ksm() { return orZero("KSM"); }
    public long lazyFree() { return orZero("LazyFree"); }
    public long anonHugePages() { return orZero("AnonHugePages"); }
    public long shmemPmdMapped() { return orZero("ShmemPmdMapped"); }
    public long filePmdMapped() { return orZero("FilePmdMapped"); }
    public long sharedHugetlb() { return orZero("Shared_Hugetlb"); }
    public long privateHugetlb() { return orZero("Private_Hugetlb"); }
    public long swap() { return orZero("Swap"); }
    public long swapPss() { return orZero("SwapPss"); }
    public long locked() { return orZero("Locked"); }
    public long thpEligible() { return orZero("THPeligible"); }

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
