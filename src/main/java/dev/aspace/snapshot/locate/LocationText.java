package dev.aspace.snapshot.locate;

import dev.aspace.model.ByteSize;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;

import java.util.ArrayList;
import java.util.List;

/** A location as lines a person reads (the CLI prints them; the details pane shows them). */
public final class LocationText {

    private LocationText() {
    }

    /**
     * An address as people paste it: hexadecimal with or without 0x, digit separators allowed.
     *
     * @throws IllegalArgumentException with a one-line message naming the input and the form wanted
     */
    public static long parseAddress(String text) {
        String a = text.strip();
        String hex = a.startsWith("0x") || a.startsWith("0X") ? a.substring(2) : a;
        hex = hex.replace("_", "").replace("'", "").replace("`", "");
        if (hex.isEmpty() || hex.length() > 16 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an address: give up to 16 hexadecimal digits, e.g. 0x7ffd5e8c1a2c");
        }
        return Long.parseUnsignedLong(hex, 16);
    }

    /** The one-line headline: address, then what it is. */
    public static String headline(Location l) {
        String a = "0x" + Long.toHexString(l.address());
        if (!l.mapped()) {
            return a + "  not mapped";
        }
        StringBuilder sb = new StringBuilder(a).append("  ");
        String what = l.region().kind().displayName();
        if (!l.section().isEmpty()) {
            sb.append(l.section()).append(" of ").append(fileName(l.file()));
            if (!l.symbolText().isEmpty()) {
                sb.append(", ").append(l.symbolText());
            }
        } else if (isStack(l.region())) {
            sb.append(l.region().label().isEmpty() ? what : l.region().label());
        } else {
            sb.append(what);
            if (!l.region().label().isEmpty() && !l.region().label().equals(what)) {
                sb.append(" (").append(l.region().label()).append(')');
            }
        }
        return sb.toString();
    }

    /** Field and value pairs, in the order the CLI prints them. */
    public static List<String[]> fields(Location l) {
        List<String[]> f = new ArrayList<>();
        if (!l.mapped()) {
            f.add(new String[] {"gap", gapText(l)});
            return f;
        }
        Region r = l.region();
        f.add(new String[] {"region", r.rangeText() + " " + r.perms() + "  " + r.kind().displayName()
                + (r.path().isEmpty() ? "" : "  " + r.path())});
        if (!r.label().isEmpty()) {
            f.add(new String[] {"label", r.label()});
        }
        f.add(new String[] {"offset", "0x" + Long.toHexString(l.regionOffset()) + " into the region ("
                + ByteSize.format(l.regionOffset()) + " of " + ByteSize.format(r.size()) + ")"});
        if (l.fileOffset() >= 0) {
            f.add(new String[] {"file offset", "0x" + Long.toHexString(l.fileOffset()) + " in " + r.path()});
        }
        if (!l.section().isEmpty()) {
            f.add(new String[] {"section", l.section() + " of " + l.file() + " (file address 0x"
                    + Long.toHexString(l.elfAddress()) + ")"});
        }
        if (!l.symbol().isEmpty()) {
            f.add(new String[] {"symbol", l.symbolText()});
        }
        if (!l.buildId().isEmpty()) {
            f.add(new String[] {"build-id", l.buildId()});
        }
        if (isStack(r)) {
            f.add(new String[] {"stack of", r.kind() == RegionKind.MAIN_STACK ? "the main thread"
                    : r.label().isEmpty() ? "a thread" : r.label()});
        }
        if (!l.note().isEmpty()) {
            f.add(new String[] {"note", l.note()});
        }
        return f;
    }

    /** The whole answer as the CLI prints it: the headline, then indented fields. */
    public static String text(Location l) {
        StringBuilder sb = new StringBuilder(headline(l)).append('\n');
        for (String[] kv : fields(l)) {
            sb.append(String.format("  %-12s %s%n", kv[0], kv[1]));
        }
        return sb.toString();
    }

    private static String gapText(Location l) {
        Region b = l.below();
        Region a = l.above();
        if (b == null && a == null) {
            return "the address space has no regions";
        }
        StringBuilder sb = new StringBuilder("between ");
        sb.append(b == null ? "address 0" : b.rangeText() + " (" + name(b) + ")");
        sb.append(" and ").append(a == null ? "the top of the address space" : a.rangeText() + " (" + name(a) + ")");
        long lo = b == null ? 0 : b.end();
        long hi = a == null ? -1L : a.start();
        sb.append("; the gap is ").append(ByteSize.formatUnsigned(hi - lo));
        return sb.toString();
    }

    private static String name(Region r) {
        return r.label().isEmpty() ? r.kind().displayName() : r.label();
    }

    private static boolean isStack(Region r) {
        return r.kind() == RegionKind.MAIN_STACK || r.kind() == RegionKind.THREAD_STACK;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
