package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.OutputFiles;
import dev.aspace.snapshot.SnapshotStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aspace snapshot PID -o FILE.json}: the whole address space, saved atomically. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Saves a process's address space (maps, smaps, threads, system memory) to a JSON file.",
            "'aspace pmap [-x|-X|-XX|-d] FILE.json' then prints what pmap printed at that moment."})
final class SnapshotCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "the process to save")
    String pid;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.json",
            description = "where to save it (written whole or not at all)")
    Path output;

    @Override
    public Integer call() {
        PmapCommand.PmapTarget target = PmapCommand.PmapTarget.pid(pid);
        if (target == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + pid + "' is not a process id");
        }
        OutputFiles.check(output, "save");
        Snapshot s = Backends.live().snapshot(target.pid(), MemoryBackend.Detail.SMAPS);
        SnapshotStore.save(s, output);
        String torn = Torn.warning(s);
        if (torn != null) {
            spec.commandLine().getErr().println(torn);
            spec.commandLine().getErr().flush();
        }
        spec.commandLine().getOut().println("saved " + s.regions().size() + " regions of process " + target.pid()
                + " (" + Printable.line(s.process().comm()) + ") to " + output + (torn != null ? ", marked torn" : ""));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
