package dev.aspace.snapshot.importers;

import dev.aspace.procfs.MeminfoParser;
import dev.aspace.procfs.SmapsParser;
import dev.aspace.procfs.SmapsRollupParser;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SystemMemory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Imports raw {@code /proc} text saved to a file: {@code maps}, {@code smaps},
 * {@code smaps_rollup} and {@code meminfo}, through the same byte-level parsers that read live
 * processes. An unreadable line is listed and the entry it belongs to left out; the rest is read.
 */
public final class ProcTextImporter implements Importer {

    @Override
    public ImportFormat detect(List<String> head) {
        String first = null;
        for (String line : head) {
            if (line.startsWith("MemTotal:")) {
                return ImportFormat.MEMINFO;
            }
            if (line.isBlank()) {
                continue;
            }
            if (first == null) {
                if (!isMapsLine(line)) {
                    // meminfo may open with the 2.4-era "total: used: free:" table
                    continue;
                }
                first = line;
                if (line.endsWith("[rollup]")) {
                    return ImportFormat.PROC_SMAPS_ROLLUP;
                }
                continue;
            }
            return isMapsLine(line) ? ImportFormat.PROC_MAPS : ImportFormat.PROC_SMAPS;
        }
        return first != null ? ImportFormat.PROC_MAPS : null;
    }

    /** {@code 7f0c1c000000-7f0c1c021000 rw-p ...}: hex, a dash, hex, a space, four perms characters. */
    static boolean isMapsLine(String line) {
        int dash = line.indexOf('-');
        int space = line.indexOf(' ');
        if (dash <= 0 || space < dash + 2 || space + 5 > line.length()) {
            return false;
        }
        for (int i = 0; i < space; i++) {
            if (i != dash && Character.digit(line.charAt(i), 16) < 0) {
                return false;
            }
        }
        char share = line.charAt(space + 4);
        return share == 'p' || share == 's';
    }

    @Override
    public ImportResult read(LineSource lines, ImportFormat format, ImportContext context) {
        return switch (format) {
            case PROC_MAPS, PROC_SMAPS -> regions(lines, format, context);
            case PROC_SMAPS_ROLLUP -> rollup(lines, format, context);
            case MEMINFO -> meminfo(lines, format, context);
            default -> throw new IllegalArgumentException(format + " is not /proc text");
        };
    }

    private static ImportResult regions(LineSource lines, ImportFormat format, ImportContext context) {
        Collector c = new Collector(lines);
        SmapsParser parser = new SmapsParser(lines.sourceName(), SmapsParser.Mode.TEXT);
        String line;
        while ((line = lines.next()) != null) {
            byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                parser.feed(b, 0, b.length);
            } catch (MalformedInputException e) {
                c.unreadable(line, problem(e));
                if (parser.isSmaps()) {
                    parser.dropPending(); // an smaps entry with a damaged line has figures missing
                }
            }
        }
        List<Region> parsed;
        try {
            parsed = parser.finish();
        } catch (MalformedInputException e) {
            // the last entry was cut short (a truncated file): keep everything before it
            c.note(lineOf(e, lines.lineNumber()), "the last entry is incomplete (" + problem(e) + "): left out");
            parser.dropPending();
            parsed = parser.finish();
        }
        for (int i = 0; i < parsed.size(); i++) {
            c.add(parsed.get(i), parser.lineOf(i)); // the whole text is read by now: name each region's own line
        }
        List<Region> regions = c.finish();
        return ImportedSnapshots.result(format, ImportedSnapshots.snapshot(
                ImportedSnapshots.process(0, "", regions), regions, null, null, null, null, format, context), c, List.of());
    }

    /** The parser's message without its "file:line: " prefix (the warning carries the line). */
    private static String problem(MalformedInputException e) {
        String m = e.getMessage();
        return m.substring(m.indexOf(": ", e.source().length()) + 2);
    }

    private static long lineOf(MalformedInputException e, long fallback) {
        String loc = e.location();
        if (loc.startsWith("line ")) {
            try {
                return Long.parseLong(loc.substring(5));
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return fallback;
    }

    private static ImportResult rollup(LineSource lines, ImportFormat format, ImportContext context) {
        Collector c = new Collector(lines);
        Smaps sums = SmapsRollupParser.parse(lines.sourceName(), all(lines));
        return ImportedSnapshots.result(format, ImportedSnapshots.snapshot(ImportedSnapshots.process(0, "", List.of()),
                List.of(), sums, null, null, null, format, context), c, List.of());
    }

    private static ImportResult meminfo(LineSource lines, ImportFormat format, ImportContext context) {
        Collector c = new Collector(lines);
        SystemMemory m = MeminfoParser.parse(lines.sourceName(), all(lines));
        return ImportedSnapshots.result(format, ImportedSnapshots.snapshot(ImportedSnapshots.process(0, "", List.of()),
                List.of(), null, m, null, null, format, context), c, List.of());
    }

    /** The whole (small) text; the line source has already bounded its size. */
    private static byte[] all(LineSource lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String line;
        while ((line = lines.next()) != null) {
            out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
