package dev.aspace.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys one kernel prints in each smaps entry, in the order it prints them ({@code Size},
 * {@code KernelPageSize}, ..., {@code THPeligible}), and whether each was in kB. One instance is
 * shared by every region of a snapshot; keys this code has never heard of are kept like any other.
 */
public final class SmapsLayout {

    private final List<String> keys;
    private final boolean[] kilobytes;
    private final Map<String, Integer> index;
    /** Where each key {@link Smaps} has an accessor for is, by {@link Known} ordinal: found once, not per read. */
    private final int[] known;

    /** The keys {@link Smaps} reads by name ({@code rss()}, {@code pss()}, ...). */
    enum Known {
        SIZE("Size"), KERNEL_PAGE_SIZE("KernelPageSize"), MMU_PAGE_SIZE("MMUPageSize"), RSS("Rss"), PSS("Pss"),
        PSS_DIRTY("Pss_Dirty"), SHARED_CLEAN("Shared_Clean"), SHARED_DIRTY("Shared_Dirty"),
        PRIVATE_CLEAN("Private_Clean"), PRIVATE_DIRTY("Private_Dirty"), REFERENCED("Referenced"),
        ANONYMOUS("Anonymous"), KSM("KSM"), LAZY_FREE("LazyFree"), ANON_HUGE_PAGES("AnonHugePages"),
        SHMEM_PMD_MAPPED("ShmemPmdMapped"), FILE_PMD_MAPPED("FilePmdMapped"), SHARED_HUGETLB("Shared_Hugetlb"),
        PRIVATE_HUGETLB("Private_Hugetlb"), SWAP("Swap"), SWAP_PSS("SwapPss"), LOCKED("Locked"),
        THP_ELIGIBLE("THPeligible");

        final String kernelKey;

        Known(String kernelKey) {
            this.kernelKey = kernelKey;
        }
    }

    /** The smaps fields {@code pmap -X} leaves out and {@code -XX} prints (procps' is_unimportant). */
    private static final Set<String> ONLY_IN_PMAP_XX = Set.of("AnonHugePages", "KernelPageSize",
            "MMUPageSize", "Shared_Dirty", "Private_Dirty", "Shared_Clean", "Private_Clean");

    /** Whether procps {@code pmap -X} prints this field ({@code -XX} prints them all). */
    public static boolean inPmapX(String kernelKey) {
        return !ONLY_IN_PMAP_XX.contains(kernelKey);
    }

    public SmapsLayout(List<String> keys, List<Boolean> kilobytes) {
        if (keys.size() != kilobytes.size()) {
            throw new IllegalArgumentException("keys and units differ in length");
        }
        this.keys = Collections.unmodifiableList(new ArrayList<>(keys));
        this.kilobytes = new boolean[keys.size()];
        this.index = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            this.kilobytes[i] = kilobytes.get(i);
            if (index.putIfAbsent(keys.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate smaps key " + keys.get(i));
            }
        }
        Known[] all = Known.values();
        this.known = new int[all.length];
        for (Known k : all) {
            known[k.ordinal()] = indexOf(k.kernelKey);
        }
    }

    /** Position of a key {@link Smaps} reads by name, or -1 when this kernel does not print it. */
    int indexOf(Known key) {
        return known[key.ordinal()];
    }

    /** Kernel spellings, in kernel order: {@code Rss}, {@code Pss_Dirty}, {@code THPeligible}. */
    public List<String> keys() {
        return keys;
    }

    public int size() {
        return keys.size();
    }

    public String key(int i) {
        return keys.get(i);
    }

    /** True when the kernel printed the value in kB (the model holds it in bytes). */
    public boolean isKilobytes(int i) {
        return kilobytes[i];
    }

    /** Position of a kernel key, or -1 when this kernel does not print it. */
    public int indexOf(String kernelKey) {
        Integer i = index.get(kernelKey);
        return i == null ? -1 : i;
    }

    /** A layout with one more key at the end (for input whose entries do not all agree). */
    public SmapsLayout with(String kernelKey, boolean inKilobytes) {
        List<String> k = new ArrayList<>(keys);
        List<Boolean> u = new ArrayList<>(keys.size() + 1);
        for (boolean b : kilobytes) {
            u.add(b);
        }
        k.add(kernelKey);
        u.add(inKilobytes);
        return new SmapsLayout(k, u);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmapsLayout other
                && keys.equals(other.keys)
                && Arrays.equals(kilobytes, other.kilobytes);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    @Override
    public String toString() {
        return "SmapsLayout" + keys;
    }
}
