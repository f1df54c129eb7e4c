package dev.aspace.procfs;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;

import java.util.List;

/**
 * Reads {@code /proc/PID/smaps_rollup}: one smaps entry whose header spans the whole address
 * space ({@code 00400000-ffffffffff601000 ---p 00000000 00:00 0   [rollup]}) and holds the sums.
 */
public final class SmapsRollupParser {

    private SmapsRollupParser() {
    }

    /** The sums, or null for an empty file (a zombie has no address space to sum). */
    public static Smaps parse(String source, byte[] text) {
        List<Region> entries = SmapsParser.parse(source, text, SmapsParser.Mode.SMAPS);
        if (entries.isEmpty()) {
            return null;
        }
        if (entries.size() != 1 || entries.get(0).smaps() == null) {
            throw new MalformedInputException(source, "",
                    "expected one '[rollup]' line followed by 'Key: N kB' lines, found " + entries.size() + " entries");
        }
        return entries.get(0).smaps();
    }
}
