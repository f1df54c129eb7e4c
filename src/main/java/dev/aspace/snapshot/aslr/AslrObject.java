package dev.aspace.snapshot.aslr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One object of the address space followed across runs: where it started in each run.
 *
 * @param name  what it is: "executable /usr/bin/sleep", "library libc.so.6", "heap", "stack (top)",
 *              "vdso", "mmap base"
 * @param bases its base address in each run (null where the run had no such object)
 */
public record AslrObject(String name, List<Long> bases) {

    public AslrObject {
        bases = Collections.unmodifiableList(new ArrayList<>(bases));
    }

    /** base in run i minus base in the first run (two's complement); null when either is absent. */
    public Long slide(int run) {
        Long first = bases.get(0);
        Long b = bases.get(run);
        return first == null || b == null ? null : b - first;
    }

    /** The address bits that differ between any run and the first: OR of base XOR first base. */
    public long variedMask() {
        Long first = bases.get(0);
        long mask = 0;
        if (first == null) {
            return 0;
        }
        for (Long b : bases) {
            if (b != null) {
                mask |= b ^ first;
            }
        }
        return mask;
    }

    /** How many address bits varied across the runs (a lower bound of the entropy). */
    public int variedBits() {
        return Long.bitCount(variedMask());
    }

    /** Lowest bit that varied, or -1 when none did. */
    public int lowestVariedBit() {
        long m = variedMask();
        return m == 0 ? -1 : Long.numberOfTrailingZeros(m);
    }

    /** Highest bit that varied, or -1 when none did. */
    public int highestVariedBit() {
        long m = variedMask();
        return m == 0 ? -1 : 63 - Long.numberOfLeadingZeros(m);
    }

    /** The largest power of two every base is a multiple of (0 when no run had the object). */
    public long alignment() {
        long or = 0;
        for (Long b : bases) {
            if (b != null) {
                or |= b;
            }
        }
        return or == 0 ? 0 : Long.lowestOneBit(or);
    }

    /** True when every run that has the object put it at the same address. */
    public boolean identical() {
        return variedMask() == 0;
    }

    /** In how many runs it was present. */
    public int presentIn() {
        int n = 0;
        for (Long b : bases) {
            if (b != null) {
                n++;
            }
        }
        return n;
    }
}
