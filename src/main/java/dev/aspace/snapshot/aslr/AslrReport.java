package dev.aspace.snapshot.aslr;

import java.util.List;

/**
 * The result of an ASLR experiment.
 *
 * @param command          what was run
 * @param runs             how many runs
 * @param randomizationOff whether the children ran with ADDR_NO_RANDOMIZE
 * @param randomizeVaSpace the machine's /proc/sys/kernel/randomize_va_space (-1 unknown)
 * @param pids             the pid of each run
 * @param objects          per object, its base in every run
 * @param distances        chosen distances between objects, per run
 */
public record AslrReport(List<String> command, int runs, boolean randomizationOff, int randomizeVaSpace,
                         List<Integer> pids, List<AslrObject> objects, List<AslrDistance> distances) {

    public AslrReport {
        command = List.copyOf(command);
        pids = List.copyOf(pids);
        objects = List.copyOf(objects);
        distances = List.copyOf(distances);
    }

    /** What randomize_va_space's value means, in the kernel's words (Documentation/admin-guide/sysctl/kernel.rst). */
    public static String meaning(int randomizeVaSpace) {
        return switch (randomizeVaSpace) {
            case 0 -> "0: no randomization";
            case 1 -> "1: stack, mmap base, vdso and shared libraries randomized";
            case 2 -> "2: stack, mmap base, vdso, shared libraries and the heap (brk) randomized";
            default -> randomizeVaSpace < 0 ? "unknown" : randomizeVaSpace + ": unknown setting";
        };
    }
}
