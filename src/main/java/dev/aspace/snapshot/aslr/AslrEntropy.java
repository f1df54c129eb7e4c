package dev.aspace.snapshot.aslr;

import dev.aspace.model.AslrSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * Per object, the entropy the kernel is configured to give beside what the runs showed.
 *
 * <p>What the runs show is the spread: how many page-sized (or aligned) steps lie between the
 * lowest and the highest base, as bits. Counting the address bits that ever differed is not
 * entropy: adding a random number of pages carries into higher bits, so 28 random bits can change
 * 30 bit positions. N runs show at most log2(N) bits directly; the spread of a uniform choice comes
 * close to its full width after a few runs.
 *
 * @param object     the object's name as the report has it
 * @param configured random bits the settings give it (in pages), -1 unknown
 * @param effective  what is left after alignment: an object aligned to 2 MiB keeps 9 bits fewer
 * @param basis      where the configured figure comes from, in words
 * @param spreadBits ceil(log2(spread / alignment step + 1)) over the runs; 0 when all equal
 * @param alignment  the largest power of two every base was a multiple of
 * @param distinct   how many different bases the runs gave
 * @param flag       why this object gets less than configured, or ""
 */
public record AslrEntropy(String object, int configured, int effective, String basis, int spreadBits, long alignment,
                          int distinct, String flag) {

    /** Below this many runs a short spread says little; no "less than configured" flag is raised from it. */
    public static final int RUNS_TO_JUDGE = 5;

    /**
     * @param pie whether the executable is position-independent (null when unknown)
     */
    public static List<AslrEntropy> of(AslrReport report, AslrSettings s, Boolean pie) {
        List<AslrEntropy> out = new ArrayList<>();
        for (AslrObject o : report.objects()) {
            out.add(row(o, s, pie, report.runs(), report.randomizationOff()));
        }
        return out;
    }

    private static AslrEntropy row(AslrObject o, AslrSettings s, Boolean pie, int runs, boolean off) {
        int configured;
        String basis;
        String name = o.name();
        if (off || s.randomizeVaSpace() == 0) {
            configured = 0;
            basis = off ? "randomization off for these runs" : "randomize_va_space = 0";
        } else if (name.startsWith(AslrAnalysis.EXECUTABLE + " ")) {
            if (Boolean.FALSE.equals(pie)) {
                configured = 0;
                basis = "not position-independent (ET_EXEC): loaded at its link address";
            } else {
                configured = s.mmapRndBits();
                basis = "vm.mmap_rnd_bits (a PIE's base is ELF_ET_DYN_BASE plus the mmap randomization)";
            }
        } else if (name.startsWith("library ") || name.equals(AslrAnalysis.MMAP_BASE)) {
            configured = s.mmapRndBits();
            basis = "vm.mmap_rnd_bits (mmap base)";
        } else if (name.equals(AslrAnalysis.VDSO)) {
            configured = s.mmapRndBits();
            basis = "vm.mmap_rnd_bits where the vdso is placed like an mmap (see the groups)";
        } else if (name.equals(AslrAnalysis.STACK)) {
            configured = s.stackBits();
            basis = "the kernel's STACK_RND_MASK for " + s.architecture();
        } else if (name.equals(AslrAnalysis.HEAP)) {
            int exe = Boolean.FALSE.equals(pie) ? 0 : s.mmapRndBits();
            configured = Math.max(exe, s.brkBits());
            basis = s.brkBits() == 0 ? "randomize_va_space < 2: the heap starts right after the executable, moving with it"
                    : "the executable's " + exe + " bits, plus " + s.brkBits()
                    + " bits of brk randomization above its end (the exe -> heap distance)";
        } else {
            configured = -1;
            basis = "unknown";
        }
        long step = Math.max(s.pageSize() <= 0 ? 4096 : s.pageSize(), o.alignment());
        int lostToAlignment = 0;
        if (runs >= RUNS_TO_JUDGE && o.alignment() > s.pageSize() && configured > 0 && !o.identical()) {
            lostToAlignment = Long.numberOfTrailingZeros(o.alignment()) - s.pageShift();
        }
        int effective = configured < 0 ? -1 : Math.max(0, configured - lostToAlignment);
        int spread = spreadBits(o, step);
        String flag = "";
        if (lostToAlignment > 0) {
            flag = "aligned to " + human(o.alignment()) + " in every run: " + lostToAlignment + " bits fewer than "
                    + configured;
        } else if (runs >= RUNS_TO_JUDGE && effective > 0 && spread < effective - 2) {
            flag = "spread over " + spread + " bits in " + runs + " runs, " + effective + " configured";
        }
        return new AslrEntropy(name, configured, effective, basis, spread, o.alignment(), distinct(o), flag);
    }

    /** ceil(log2((max - min) / step + 1)): the width of the spread in steps, as bits. */
    public static int spreadBits(AslrObject o, long step) {
        Long min = null;
        Long max = null;
        for (Long b : o.bases()) {
            if (b != null) {
                min = min == null || Long.compareUnsigned(b, min) < 0 ? b : min;
                max = max == null || Long.compareUnsigned(b, max) > 0 ? b : max;
            }
        }
        if (min == null) {
            return 0;
        }
        long steps = Long.divideUnsigned(max - min, step);
        return steps == 0 ? 0 : 64 - Long.numberOfLeadingZeros(steps);
    }

    private static int distinct(AslrObject o) {
        return (int) o.bases().stream().filter(b -> b != null).distinct().count();
    }

    private static String human(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
