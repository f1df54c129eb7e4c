package dev.aspace.demo;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an experiment changed, measured: regions that appeared, went or changed (matched by overlap,
 * see {@link ExperimentDiff}), the process's RSS and PSS deltas, and free's deltas. Pure data; the CLI prints
 * {@link #lines()}, the GUI shows them and highlights {@link #focus()}.
 *
 * @param experiment  what ran
 * @param expectation what was said before it ran
 * @param action      what was done, e.g. "mmap 64.0 MB: block 1 at 0x7f...": the child's answer
 * @param before      the child's address space before (smaps detail)
 * @param after       and after
 * @param added       regions over ranges nothing covered before
 * @param removed     regions whose range nothing covers after
 * @param changed     regions that overlap a region before but differ from it, most changed first
 * @param memory      free's columns before and after
 * @param focus       the region to highlight (the block's region, or the biggest new one), if any
 */
public record ExperimentResult(Experiment experiment, String expectation, String action, Snapshot before,
                               Snapshot after, List<Region> added, List<Region> removed, List<RegionChange> changed,
                               MemoryDelta memory, Optional<Region> focus) {

    private static final int SHOWN = 4;

    public ExperimentResult {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public long rssDelta() {
        return total(after, true) - total(before, true);
    }

    public long pssDelta() {
        return total(after, false) - total(before, false);
    }

    private static long total(Snapshot s, boolean rss) {
        long sum = 0;
        for (Region r : s.regions()) {
            sum += rss ? r.rss() : r.pss();
        }
        return sum;
    }

    /** The result in a few lines of numbers measured now. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(action);
        focus.ifPresent(f -> out.add("region: " + describe(f) + (added.contains(f) ? " (new)" : "")));
        int n = 0;
        for (Region r : added) {
            if (n++ == SHOWN) {
                out.add("  ... and " + (added.size() - SHOWN) + " more new regions");
                break;
            }
            out.add("  new  " + describe(r));
        }
        n = 0;
        for (Region r : removed) {
            if (n++ == SHOWN) {
                out.add("  ... and " + (removed.size() - SHOWN) + " more regions gone");
                break;
            }
            out.add("  gone " + describe(r));
        }
        n = 0;
        for (RegionChange c : changed) {
            if (n++ == SHOWN) {
                break;
            }
            boolean reshaped = c.before().start() != c.after().start() || c.before().end() != c.after().end();
            out.add("  changed " + c.after().rangeText() + " " + c.after().perms() + " " + name(c.after())
                    + (reshaped ? " (was " + c.before().rangeText() + ", " + Sizes.human(c.before().size()) + ")" : "")
                    + (c.before().perms().equals(c.after().perms()) ? "" : " perms " + c.before().perms() + " -> " + c.after().perms())
                    + ": RSS " + Sizes.signed(c.rssDelta()) + ", PSS " + Sizes.signed(c.pssDelta()));
        }
        out.add("process " + after.process().pid() + ": RSS " + Sizes.signed(rssDelta()) + ", PSS " + Sizes.signed(pssDelta())
                + " (now RSS " + Sizes.human(total(after, true)) + ", PSS " + Sizes.human(total(after, false)) + ")");
        out.add(memory.describe());
        return out;
    }

    static String describe(Region r) {
        return r.rangeText() + " " + r.perms() + " " + Sizes.human(r.size()) + " " + name(r)
                + ", RSS " + Sizes.human(r.rss()) + ", PSS " + Sizes.human(r.pss())
                + (r.smaps() != null && r.smaps().locked() > 0 ? ", Locked " + Sizes.human(r.smaps().locked()) : "");
    }

    private static String name(Region r) {
        if (!r.path().isEmpty()) {
            return r.path();
        }
        return r.kind() == RegionKind.UNCLASSIFIED ? "[anon]" : "[" + r.kind().displayName() + "]";
    }
}
