package dev.aspace.cli;

import dev.aspace.model.ByteSize;
import dev.aspace.model.CgroupLevel;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.SystemMemory;

import java.util.Locale;

/** The text of {@code aspace cgroup}: the figures a person compares with free's. */
final class CgroupFormat {

    private CgroupFormat() {
    }

    static String render(int pid, CgroupMemory c, SystemMemory machine) {
        StringBuilder sb = new StringBuilder();
        String files = c.version() == 1 ? "memory.limit_in_bytes" : "memory.max";
        sb.append("PID ").append(pid).append(": memory cgroup v").append(c.version()).append(' ')
                .append(c.path()).append('\n');
        long limit = c.effectiveLimit();
        String where = c.tightest().map(l -> l.path().equals(c.path()) ? "this cgroup" : "set on " + l.path())
                .orElse("");
        row(sb, "limit", limit < 0 ? "no limit" : ByteSize.format(limit) + "  (" + files + ", " + where + ")");
        if (c.high() >= 0) {
            row(sb, "high", ByteSize.format(c.high()) + "  (memory.high: reclaimed and throttled above it)");
        }
        String share = limit > 0 ? String.format(Locale.ROOT, "  (%.0f %% of the limit)", 100.0 * c.usage() / limit) : "";
        row(sb, "usage", ByteSize.format(c.usage()) + share);
        row(sb, "  anon", ByteSize.format(c.anon()));
        row(sb, "  file", ByteSize.format(c.file()) + "  (page cache: reclaimed first when the limit is near)");
        row(sb, "  kernel", ByteSize.format(c.kernel()));
        if (c.peak() >= 0) {
            row(sb, "peak", ByteSize.format(c.peak()));
        }
        if (c.version() == 1) {
            if (c.swapUsage() >= 0) {
                row(sb, "mem+swap", ByteSize.format(c.swapUsage()) + " of "
                        + (c.swapLimit() < 0 ? "no limit" : ByteSize.format(c.swapLimit())) + "  (memory.memsw.*)");
            }
        } else if (c.swapUsage() >= 0) {
            row(sb, "swap", ByteSize.format(c.swapUsage()) + " of "
                    + (c.swapLimit() < 0 ? "no limit" : ByteSize.format(c.swapLimit())));
        }
        row(sb, "oom kills", c.oomKills() + (c.version() == 1 ? "  (memory.oom_control)" : "  (memory.events)")
                + (c.events().containsKey("oom") ? ", oom events " + c.events().get("oom") : "")
                + (c.events().containsKey("failcnt") ? ", limit hit " + c.events().get("failcnt") + " times (failcnt)" : ""));
        if (!c.pressure().isEmpty()) {
            row(sb, "pressure", c.pressure().lines().findFirst().orElse(""));
        }
        sb.append("limits from this cgroup up to the root:\n");
        for (CgroupLevel l : c.levels()) {
            sb.append("  ").append(String.format(Locale.ROOT, "%-12s", l.limit() < 0 ? "no limit" : ByteSize.format(l.limit())))
                    .append(' ').append(l.path()).append('\n');
        }
        sb.append(c.whyFreeDiffers(machine)).append('\n');
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "  %-10s ", name)).append(value).append('\n');
    }
}
