package dev.aspace.snapshot.diff;

import dev.aspace.model.ByteSize;
import dev.aspace.model.Region;
import dev.aspace.snapshot.aslr.AslrText;

import java.util.List;
import java.util.Locale;

/** The diff as a text table, one row per region that differs (or every row). */
public final class DiffText {

    private DiffText() {
    }

    public static String render(DiffResult diff, boolean all) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %16s %16s %11s %12s %14s %12s %12s  %s%n",
                "CHANGE", "BEFORE", "AFTER", "SIZE", "ΔSIZE", "SLIDE", "ΔRSS", "ΔPSS", "MAPPING"));
        List<RegionDiff> rows = all ? diff.rows() : diff.changedRows();
        for (RegionDiff d : rows) {
            Region r = d.region();
            sb.append(String.format(Locale.ROOT, "%-20s %16s %16s %11s %12s %14s %12s %12s  %s%n",
                    changes(d),
                    d.before() == null ? "-" : Long.toHexString(d.before().start()),
                    d.after() == null ? "-" : Long.toHexString(d.after().start()),
                    ByteSize.format(r.size()),
                    d.sizeDelta() == 0 ? "" : ByteSize.delta(d.sizeDelta()),
                    d.slide() == 0 ? "" : slide(d.slide()),
                    d.rssDelta() == 0 ? "" : ByteSize.delta(d.rssDelta()),
                    d.pssDelta() == 0 ? "" : ByteSize.delta(d.pssDelta()),
                    name(r)));
        }
        sb.append(String.format(Locale.ROOT, "%d regions: %d added, %d removed, %d moved, %d grown, %d shrunk,"
                        + " %d perms, %d rss/pss, %d backing, %d unchanged%n",
                diff.rows().size(), diff.count(Change.ADDED), diff.count(Change.REMOVED), diff.count(Change.MOVED),
                diff.count(Change.GROWN), diff.count(Change.SHRUNK), diff.count(Change.PERMS),
                diff.count(Change.RESIDENT), diff.count(Change.BACKING), diff.count(Change.UNCHANGED)));
        return sb.toString();
    }

    /** "+0x1a000" / "-0x2000": two's complement read as a signed distance. */
    public static String slide(long slide) {
        return AslrText.signedHex(slide);
    }

    /** Every change of a row in the enum's order: "moved,rss/pss". */
    public static String changes(RegionDiff d) {
        StringBuilder sb = new StringBuilder();
        for (Change c : Change.values()) {
            if (d.changes().contains(c)) {
                sb.append(sb.isEmpty() ? "" : ",").append(c.word());
            }
        }
        return sb.toString();
    }

    /** The mapping's file, else its label, else its kind. */
    public static String name(Region r) {
        String kind = r.kind().displayName();
        return r.path().isEmpty() ? (r.label().isEmpty() ? kind : r.label()) : r.path();
    }
}
