package dev.aspace.snapshot.aslr;

import dev.aspace.model.ByteSize;

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
        sb.append(String.format(Locale.ROOT, " %5s %8s %9s%n", "BITS", "VARIED", "ALIGN"));
        for (AslrObject o : r.objects()) {
            sb.append(String.format(Locale.ROOT, "%-28s", shortName(o.name())));
            for (Long b : o.bases()) {
                sb.append(String.format(Locale.ROOT, " %18s", b == null ? "-" : "0x" + Long.toHexString(b)));
            }
            String varied = o.identical() ? "none" : o.lowestVariedBit() + ".." + o.highestVariedBit();
            sb.append(String.format(Locale.ROOT, " %5d %8s %9s%n", o.variedBits(), varied,
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
