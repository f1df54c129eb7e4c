package dev.aspace.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each named accessor of {@link Smaps} reads its own kernel key wherever the kernel printed it,
 * and 0 where it did not: the positions are found once per layout, so a slip there would read
 * another field silently.
 */
class SmapsAccessorsTest {

    private static final Map<String, ToLongFunction<Smaps>> BY_KEY = Map.ofEntries(
            Map.entry("Size", Smaps::size), Map.entry("KernelPageSize", Smaps::kernelPageSize),
            Map.entry("MMUPageSize", Smaps::mmuPageSize), Map.entry("Rss", Smaps::rss), Map.entry("Pss", Smaps::pss),
            Map.entry("Pss_Dirty", Smaps::pssDirty), Map.entry("Shared_Clean", Smaps::sharedClean),
            Map.entry("Shared_Dirty", Smaps::sharedDirty), Map.entry("Private_Clean", Smaps::privateClean),
            Map.entry("Private_Dirty", Smaps::privateDirty), Map.entry("Referenced", Smaps::referenced),
            Map.entry("Anonymous", Smaps::anonymous), Map.entry("KSM", Smaps::ksm),
            Map.entry("LazyFree", Smaps::lazyFree), Map.entry("AnonHugePages", Smaps::anonHugePages),
            Map.entry("ShmemPmdMapped", Smaps::shmemPmdMapped), Map.entry("FilePmdMapped", Smaps::filePmdMapped),
            Map.entry("Shared_Hugetlb", Smaps::sharedHugetlb), Map.entry("Private_Hugetlb", Smaps::privateHugetlb),
            Map.entry("Swap", Smaps::swap), Map.entry("SwapPss", Smaps::swapPss), Map.entry("Locked", Smaps::locked),
            Map.entry("THPeligible", Smaps::thpEligible));

    private static Smaps numbered(List<String> keys) {
        long[] values = new long[keys.size()];
        List<Boolean> kb = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = 1000 + i;
            kb.add(true);
        }
        return new Smaps(new SmapsLayout(keys, kb), values, List.of());
    }

    @Test
    void everyAccessorReadsItsOwnKeyInAnyOrder() {
        List<String> keys = new ArrayList<>(BY_KEY.keySet());
        keys.add(3, "SomeNewKernelKey");
        Collections.reverse(keys);
        Smaps s = numbered(keys);
        BY_KEY.forEach((key, read) -> assertEquals(s.get(key), read.applyAsLong(s), key));
    }

    @Test
    void aKeyTheKernelDidNotPrintReadsZero() {
        Smaps s = numbered(List.of("Size", "Rss"));
        assertEquals(1000, s.size());
        assertEquals(1001, s.rss());
        BY_KEY.forEach((key, read) -> {
            if (!key.equals("Size") && !key.equals("Rss")) {
                assertEquals(0, read.applyAsLong(s), key);
            }
        });
    }
}
