package dev.aspace.cli;

import dev.aspace.frames.FrameReport;
import dev.aspace.frames.FrameSummary;
import dev.aspace.frames.PagemapEntry;
import dev.aspace.frames.RegionFrames;
import dev.aspace.model.Region;

/** The text of {@code aspace frames}: one line per populated page, then one per region. */
final class FramesText {

    private FramesText() {
    }

    static String render(FrameReport report) {
        StringBuilder sb = new StringBuilder(64 + (int) Math.min(1 << 28, report.pages() * 100));
        sb.append("Address           PFN           Maps  Excl  SoftDirty  Flags\n");
        for (RegionFrames r : report.regions()) {
            for (int i = 0; i < r.size(); i++) {
                page(sb, r, i);
            }
        }
        sb.append('\n');
        sb.append("Start-End                          Perms   Pages  Present  Exclusive   Shared  ZeroPage      THP      KSM"
                + "  Swapped  Mapping\n");
        for (RegionFrames r : report.regions()) {
            Region g = r.region();
            FrameSummary s = r.summary();
            sb.append(hex16(r.start())).append('-').append(hex16(r.end())).append(' ');
            sb.append(g.perms()).append(' ');
            Text.right(sb, r.size(), 7);
            Text.right(sb, s.present(), 9);
            Text.right(sb, s.exclusive(), 11);
            Text.right(sb, s.shared(), 9);
            Text.right(sb, s.zeroPage(), 10);
            Text.right(sb, s.thp(), 9);
            Text.right(sb, s.ksm(), 9);
            Text.right(sb, s.swapped(), 9);
            sb.append("  ").append(printable(g.path().isEmpty() ? "[anon]" : g.path())).append('\n');
        }
        FrameSummary t = report.total();
        sb.append("total: ").append(report.pages()).append(" pages, ").append(t.present()).append(" present (")
                .append(t.exclusive()).append(" exclusive, ").append(t.shared()).append(" shared, ")
                .append(t.zeroPage()).append(" zero page, ").append(t.thp()).append(" THP, ").append(t.ksm())
                .append(" KSM), ").append(t.swapped()).append(" swapped\n");
        return sb.toString();
    }

    private static void page(StringBuilder sb, RegionFrames r, int i) {
        PagemapEntry e = r.pagemap(i);
        sb.append(hex16(r.address(i))).append("  ");
        if (e.swapped() && !e.present()) {
            Text.left(sb, "swap " + e.swapType() + ":0x" + Long.toHexString(e.swapOffset()), 12);
            sb.append("     -");
        } else if (r.privileged()) {
            Text.left(sb, "0x" + Long.toHexString(r.pfn(i)), 12);
            Text.right(sb, r.mapcount(i), 6);
        } else {
            sb.append("-           ").append("     -");
        }
        sb.append("  ").append(e.exclusive() ? "yes " : "no  ");
        sb.append("  ").append(e.softDirty() ? "yes      " : "no       ");
        sb.append("  ").append(String.join(",", r.flagNames(i))).append('\n');
    }

    static String hex16(long v) {
        String h = Long.toHexString(v);
        return "0".repeat(Math.max(0, 16 - h.length())) + h;
    }

    /** A mapping name with control characters shown as '?' so that it stays on its line. */
    static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
