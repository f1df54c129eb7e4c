package dev.aspace.cli;

import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.model.ByteSize;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.InputFiles;
import dev.aspace.snapshot.OutputFiles;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.snapshot.importers.CoreImporter;
import dev.aspace.snapshot.importers.ImportFormat;
import dev.aspace.snapshot.importers.ImportResult;
import dev.aspace.snapshot.importers.ImportWarning;
import dev.aspace.snapshot.importers.TypeTotal;
import dev.aspace.snapshot.redact.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code aspace import FILE [-o OUT.json]}: reads a tool's text into a snapshot. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reads pmap (-x/-X/-XX/-d/default), /proc maps/smaps/smaps_rollup/meminfo, macOS vmmap,",
                "Sysinternals VMMap CSV or free text; says which format it found, how many regions it read",
                "and which lines it could not read; with -o writes the snapshot as JSON."})
public final class ImportCommand implements Callable<Integer> {

    private static final Set<ImportFormat> WITHOUT_REGIONS = Set.of(ImportFormat.FREE, ImportFormat.MEMINFO,
            ImportFormat.VM_STAT, ImportFormat.TOP_PHYSMEM,
            ImportFormat.VMMAP_SUMMARY, ImportFormat.PROC_SMAPS_ROLLUP);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The text to import.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json", description = "Write the snapshot here (JSON).")
    Path output;

    @Option(names = "--unit", paramLabel = "UNIT",
            description = "Unit of free output without units: B, KiB (free's default), MiB (free -m), GiB (free -g),"
                    + " kB (--kilo), MB (--mega), GB (--giga). Without it, KiB is assumed and the report says so.")
    String unit;

    @Option(names = "--partial", description = "Accept a text with unreadable lines: import what was read, the snapshot"
            + " marked partial (without it such a text exits 2).")
    boolean partial;

    @Option(names = "--redact", description = "Replace user names, home directories and the host name before writing.")
    boolean redact;

    @Override
    public Integer call() {
        long freeUnit = unit == null ? 0 : unitBytes(unit);
        if (output != null) {
            SnapshotFiles.checkNotInput(output, file);
            OutputFiles.check(output, "save");
        }
        InputFiles.requireOrdinary(file, "a text file to import, or a core file"); // before anything opens it
        String own = SnapshotFiles.aspaceKind(file);
        if (own != null) {
            throw new MalformedInputException(file.toString(), "", "this is already an aspace " + own + ": open it with"
                    + " pmap/diff/render" + (own.equals("series") ? " as " + file + "@I (e.g. " + file + "@0)" : "")
                    + ", nothing to import");
        }
        if (CoreImporter.isElf(file)) {
            Snapshot core = CoreImporter.read(file);
            StringBuilder sb = new StringBuilder(file.toString()).append(": ").append(core.source().description()).append('\n');
            sb.append("  ").append(ByteSize.formatUnsigned(core.virtualSize())).append(" mapped, pid ")
                    .append(core.process().pid()).append(' ').append(core.process().commandLine()).append('\n');
            if (output != null) {
                SnapshotStore.save(redact ? Redactor.redact(core) : core, output);
                sb.append("wrote ").append(output).append(redact ? " (redacted)" : "").append('\n');
            }
            Output.write(spec.commandLine(), sb);
            return 0;
        }
        ImportResult r = TextImports.read(file, freeUnit);
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(r.format().displayName()).append(", ")
                .append(r.regionCount()).append(r.regionCount() == 1 ? " region" : " regions")
                .append(", ").append(r.unreadableLines()).append(r.unreadableLines() == 1 ? " unreadable line" : " unreadable lines")
                .append('\n');
        for (ImportWarning w : r.warnings()) {
            sb.append("  unreadable ").append(w).append('\n');
        }
        if (r.unreadableLines() > r.warnings().size()) {
            sb.append("  ... and ").append(r.unreadableLines() - r.warnings().size()).append(" more unreadable lines\n");
        }
        for (String remark : r.remarks()) {
            sb.append("  note: ").append(remark).append('\n');
        }
        Snapshot s = r.snapshot();
        if (r.regionCount() > 0) {
            sb.append("  ").append(ByteSize.formatUnsigned(s.virtualSize())).append(" mapped");
            if (s.process() != null && s.process().pid() > 0) {
                sb.append(", pid ").append(s.process().pid()).append(' ').append(s.process().commandLine());
            }
            sb.append('\n');
        }
        if (s.memory() != null) {
            sb.append("  memory: total ").append(ByteSize.format(s.memory().memTotal()))
                    .append(", used ").append(ByteSize.format(s.memory().used()))
                    .append(", available ").append(ByteSize.format(s.memory().available())).append('\n');
        }
        if (s.rollup() != null) {
            sb.append("  rollup: Rss ").append(ByteSize.format(s.rollup().rss())).append(", Pss ")
                    .append(ByteSize.format(s.rollup().pss())).append('\n');
        }
        for (TypeTotal t : r.typeTotals()) {
            sb.append(String.format(Locale.ROOT, "  %-32s %12s%s%n", t.type(), ByteSize.format(t.virtualBytes()),
                    t.regionCount() >= 0 ? String.format(Locale.ROOT, " %6d regions", t.regionCount()) : ""));
        }
        if (r.regionCount() == 0 && !WITHOUT_REGIONS.contains(r.format())) {
            Output.write(spec.commandLine(), sb);
            throw new MalformedInputException(file.toString(), "", "no region could be read from this "
                    + r.format().displayName() + " text");
        }
        if (r.unreadableLines() > 0 && !partial) {
            Output.write(spec.commandLine(), sb);
            throw new MalformedInputException(file.toString(), "", r.unreadableLines()
                    + (r.unreadableLines() == 1 ? " line" : " lines") + " could not be read (listed above)"
                    + (output != null ? ", so " + output + " was not written" : "")
                    + ": --partial imports the rest, marked partial");
        }
        if (output != null) {
            SnapshotStore.save(redact ? Redactor.redact(s) : s, output);
            sb.append("wrote ").append(output).append(redact ? " (redacted)" : "").append('\n');
        }
        Output.write(spec.commandLine(), sb);
        return 0;
    }

    /** free's units: -k/-m/-g are powers of 1024 (KiB, MiB, GiB), --kilo/--mega/--giga of 1000 (kB, MB, GB). */
    private long unitBytes(String u) {
        return switch (u) {
            case "B", "b" -> 1;
            case "KiB", "K", "k" -> 1L << 10;
            case "MiB", "M", "m" -> 1L << 20;
            case "GiB", "G", "g" -> 1L << 30;
            case "kB", "KB" -> 1000;
            case "MB" -> 1000_000;
            case "GB" -> 1000_000_000;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--unit must be B, KiB, MiB, GiB (free -k/-m/-g) or kB, MB, GB (free --kilo/--mega/--giga), got '"
                    + u + "'");
        };
    }
}
