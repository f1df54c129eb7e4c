package dev.aspace.snapshot.aslr;

import dev.aspace.model.AslrSettings;
import dev.aspace.model.ByteSize;

import java.util.List;
import java.util.Locale;

/** The ASLR report as text: bases per run with slides, varied bits, alignment; distances per run. */
public final class AslrText {

    private AslrText() {
    }

    public static String render(AslrReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("command: ").append(String.join(" ", r.command())).append('\n');
        sb.append("runs: ").append(r.runs()).append(", randomization ")
                .append(r.randomizationOff() ? "OFF for the children (ADDR_NO_RANDOMIZE)" : "as the machine sets it")
                .append('\n');
        sb.append("randomize_va_space = ").append(AslrReport.meaning(r.randomizeVaSpace())).append('\n');
        sb.append("pids:");
        r.pids().forEach(p -> sb.append(' ').append(p));
        sb.append("\n\n");

        sb.append(String.format(Locale.ROOT, "%-28s", "OBJECT"));
        for (int i = 0; i < r.runs(); i++) {
            sb.append(String.format(Locale.ROOT, " %18s", "RUN " + (i + 1)));
        }
        sb.append(String.format(Locale.ROOT, " %6s %9s%n", "SPREAD", "ALIGN"));
        for (AslrObject o : r.objects()) {
            sb.append(String.format(Locale.ROOT, "%-28s", shortName(o.name())));
            for (Long b : o.bases()) {
                sb.append(String.format(Locale.ROOT, " %18s", b == null ? "-" : "0x" + Long.toHexString(b)));
            }
            long step = Math.max(4096, o.alignment());
            sb.append(String.format(Locale.ROOT, " %6s %9s%n", o.identical() ? "none" : AslrEntropy.spreadBits(o, step) + " b",
                    o.alignment() == 0 ? "-" : ByteSize.formatUnsigned(o.alignment())));
            if (!o.identical()) {
                sb.append(String.format(Locale.ROOT, "%-28s", "  slide"));
                for (int i = 0; i < o.bases().size(); i++) {
                    Long s = o.slide(i);
                    sb.append(String.format(Locale.ROOT, " %18s", s == null ? "-" : i == 0 ? "" : signedHex(s)));
                }
                sb.append('\n');
            }
        }
        if (!r.distances().isEmpty()) {
            sb.append('\n').append(String.format(Locale.ROOT, "%-28s", "DISTANCE"));
            for (int i = 0; i < r.runs(); i++) {
                sb.append(String.format(Locale.ROOT, " %18s", "RUN " + (i + 1)));
            }
            sb.append(String.format(Locale.ROOT, " %6s%n", "FIXED"));
            for (AslrDistance d : r.distances()) {
                sb.append(String.format(Locale.ROOT, "%-28s", shortName(d.from()) + " -> " + shortName(d.to())));
                for (Long v : d.distances()) {
                    sb.append(String.format(Locale.ROOT, " %18s", v == null ? "-" : signedHex(v)));
                }
                sb.append(String.format(Locale.ROOT, " %6s%n", d.fixed() ? "yes" : "no"));
            }
        }
        return sb.toString();
    }

    /**
     * The report with the entropy the kernel is configured to give beside what the runs showed, and
     * the groups of objects that move together.
     */
    public static String render(AslrReport r, AslrSettings settings, Boolean pie) {
        StringBuilder sb = new StringBuilder(render(r));
        sb.append("\nENTROPY (random bits, in pages)  vm.mmap_rnd_bits = ").append(unknown(settings.mmapRndBits()))
                .append(", mmap_rnd_compat_bits = ").append(unknown(settings.mmapRndCompatBits()))
                .append(", randomize_va_space = ").append(unknown(settings.randomizeVaSpace())).append('\n');
        sb.append(String.format(Locale.ROOT, "%-28s %10s %9s %6s %8s  %s%n", "OBJECT", "CONFIGURED", "EFFECTIVE",
                "SPREAD", "DISTINCT", "LESS THAN CONFIGURED"));
        List<AslrEntropy> rows = AslrEntropy.of(r, settings, pie);
        for (AslrEntropy e : rows) {
            sb.append(String.format(Locale.ROOT, "%-28s %10s %9s %6s %8d  %s%n", shortName(e.object()), unknown(e.configured()),
                    unknown(e.effective()), e.spreadBits(), e.distinct(), e.flag().isEmpty() ? "-" : e.flag()));
        }
        sb.append("  SPREAD: log2 of (highest base - lowest) / alignment over the runs. Counting the address bits that\n"
                + "  ever changed would overstate it: adding random pages carries into higher bits, so 28 random bits\n"
                + "  can flip 30 bit positions. " + r.runs() + " runs tell apart at most " + r.runs() + " values.\n");
        for (AslrEntropy e : rows) {
            sb.append("  ").append(shortName(e.object())).append(": ").append(e.basis()).append('\n');
        }
        List<AslrGroup> groups = AslrGroup.of(r);
        sb.append("\nLEAK ONE, KNOW ALL (distances the same in every run)\n");
        if (groups.isEmpty()) {
            sb.append(r.runs() < 2 ? "  one run: nothing to compare\n" : "  no two objects kept their distance\n");
        }
        int n = 1;
        for (AslrGroup g : groups) {
            for (int i = 0; i < g.members().size(); i++) {
                sb.append(String.format(Locale.ROOT, "%-6s %-28s %s%n", i == 0 ? "group " + n : "",
                        shortName(g.members().get(i)), i == 0 ? "(known)" : signedHex(g.offsets().get(i))));
            }
            n++;
        }
        return sb.toString();
    }

    private static String unknown(int v) {
        return v < 0 ? "?" : Integer.toString(v);
    }

    /** "library /usr/lib/x86_64-linux-gnu/libc.so.6" -> "libc.so.6"; "executable /usr/bin/sleep" -> "exe sleep". */
    public static String shortName(String name) {
        if (name.startsWith("library ")) {
            return name.substring(name.lastIndexOf('/') + 1);
        }
        if (name.startsWith(AslrAnalysis.EXECUTABLE + " ")) {
            return "exe " + name.substring(name.lastIndexOf('/') + 1);
        }
        return name;
    }

    /** A two's-complement difference as a signed hex distance: "+0x1000", "-0x7f000". */
    public static String signedHex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "+0x" + Long.toHexString(v);
    }
}
