package dev.aspace.classify;

import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.ThreadInfo;

import java.util.Arrays;
import java.util.List;

/**
 * Gives each region of an address space a kind and a short human label, from its path,
 * permissions, neighbours and the threads' stack pointers. Each rule is documented, with a line
 * from a real process, where it is applied:
 * <ol>
 * <li>{@link SpecialNames}: {@code [heap]}, {@code [stack]}, {@code [vdso]}, {@code [vvar]},
 *     {@code [vvar_vclock]}, {@code [vsyscall]}, {@code [anon:name]}, shared memory
 *     ({@code /dev/shm}, {@code /SYSV…}, {@code /memfd:…}, shared anonymous), {@code (deleted)}
 *     files, anything else named but not a path;</li>
 * <li>{@link ThreadStacks}: the anonymous region holding a thread's stack pointer;</li>
 * <li>{@link ExecutableFinder} and {@link FileSegments}: program and library text, rodata,
 *     relro, data, bss, holes inside their spans; other files;</li>
 * <li>{@link AnonymousRules}: malloc arenas, guard pages, executable anonymous memory, the rest.</li>
 * </ol>
 * Stateless and thread-safe; linear in the number of regions (plus a sort when the input is not
 * in address order).
 */
public final class RegionClassifier {

    /**
     * @param regions one process's regions (as parsed: any kind), normally in address order
     * @param threads its threads with their stack pointers (0 when unknown); may be empty
     * @param process who the process is, or null when unknown (imported text)
     * @return copies of the regions, in the same order, each with its kind and label
     */
    public List<Region> classify(List<Region> regions, List<ThreadInfo> threads, ProcessInfo process) {
        int n = regions.size();
        Region[] sorted = regions.toArray(new Region[0]);
        Integer[] order = inAddressOrder(sorted) ? null : addressOrder(regions);
        if (order != null) {
            for (int i = 0; i < n; i++) {
                sorted[i] = regions.get(order[i]);
            }
        }
        Work w = new Work(sorted);
        SpecialNames.apply(w);
        ThreadStacks.apply(w, threads == null ? List.of() : threads);
        FileSegments.apply(w, ExecutableFinder.find(w, process));
        AnonymousRules.apply(w);

        Region[] out = new Region[n];
        for (int i = 0; i < n; i++) {
            out[order == null ? i : order[i]] = w.classified(i);
        }
        return List.of(out);
    }

    private static boolean inAddressOrder(Region[] regions) {
        for (int i = 1; i < regions.length; i++) {
            if (startsBelowTheOneBefore(regions, i)) {   // a method per region: see SpecialNames.apply
                return false;
            }
        }
        return true;
    }

    private static boolean startsBelowTheOneBefore(Region[] regions, int i) {
        return Long.compareUnsigned(regions[i - 1].start(), regions[i].start()) > 0;
    }

    /** The indexes of the regions in ascending unsigned start. */
    private static Integer[] addressOrder(List<Region> regions) {
        Integer[] order = new Integer[regions.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(regions.get(a).start(), regions.get(b).start()));
        return order;
    }
}
