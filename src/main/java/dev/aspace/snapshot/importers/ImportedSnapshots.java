package dev.aspace.snapshot.importers;

import dev.aspace.model.MachineSetup;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.model.SystemMemory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the snapshot of an import: process facts the text gave, its regions, marked imported. */
public final class ImportedSnapshots {

    private ImportedSnapshots() {
    }

    /** A process known only by what a tool's header line says (pid and command), or nothing. */
    public static ProcessInfo process(int pid, String commandLine, List<Region> regions) {
        List<String> args = new ArrayList<>();
        for (String a : commandLine.strip().split(" +")) {
            if (!a.isEmpty()) {
                args.add(a);
            }
        }
        String comm = args.isEmpty() ? "" : args.get(0).substring(args.get(0).lastIndexOf('/') + 1);
        long vsz = 0;
        long rss = 0;
        for (Region r : regions) {
            vsz += r.size();
            rss += r.rss();
        }
        return new ProcessInfo(pid, 0, comm, args, -1, "", "", vsz, rss);
    }

    public static Source source(ImportFormat format, ImportContext context) {
        return new Source(Source.Type.IMPORTED, format.displayName() + " text from " + context.fileName());
    }

    public static Snapshot snapshot(ProcessInfo process, List<Region> regions, Smaps rollup, SystemMemory memory,
                                    MachineSetup machine, Instant takenAt, ImportFormat format, ImportContext context) {
        return new Snapshot(process, List.of(), regions, rollup, memory, machine,
                takenAt != null ? takenAt : context.capturedAt(), Duration.ZERO, source(format, context));
    }

    /** The result for a file read by a {@link Collector}. */
    public static ImportResult result(ImportFormat format, Snapshot snapshot, Collector c, List<TypeTotal> totals) {
        return new ImportResult(format, snapshot, c.warnings(), c.unreadableCount(), totals, c.remarks());
    }
}
