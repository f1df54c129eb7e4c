package dev.aspace.cli;

import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.diff.DiffResult;
import dev.aspace.snapshot.diff.DiffText;
import dev.aspace.snapshot.diff.SnapshotDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code aspace diff A.json B.json}: what changed between two snapshots, as a table;
 * {@code aspace diff rec.series@0 rec.series@5} between two frames of a recorded series.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Matches the regions of two snapshots (saved JSON or importable text) and lists what was",
                "added, removed, moved (with the slide), grown, shrunk, re-protected, or changed in RSS/PSS."})
public final class DiffCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The earlier snapshot, or SERIES@I: frame I of a recorded series"
            + " (from 0; -1 is the last).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The later snapshot, or SERIES@J.")
    Path b;

    @Option(names = "--all", description = "List unchanged regions too.")
    boolean all;

    @Override
    public Integer call() {
        Snapshot before = SnapshotFiles.load(a);
        Snapshot after = SnapshotFiles.load(b);
        DiffResult d = SnapshotDiff.compare(before, after);
        Output.write(spec.commandLine(), DiffText.render(d, all));
        return 0;
    }
}
