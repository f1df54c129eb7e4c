package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.locate.Locator;
import dev.aspace.snapshot.locate.LocationText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aspace locate PID|FILE ADDRESS...}: what each address is, region to symbol. */
@Command(name = "locate", mixinStandardHelpOptions = true,
        description = {"Says what each address is in a process, saved snapshot or core: its region (range,",
            "permissions, kind, label), the offset into it and into its file, the ELF section, the nearest",
            "symbol and the file's build-id; for a stack, whose."})
final class LocateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID|FILE", description = "a process id, a saved snapshot, imported text or a core")
    String target;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ADDRESS", description = "hexadecimal, with or without 0x")
    List<String> addresses;

    @Override
    public Integer call() {
        List<Long> parsed = new ArrayList<>();
        for (String a : addresses) {
            parsed.add(parseAddress(a));
        }
        PmapCommand.PmapTarget t = PmapCommand.PmapTarget.parse(spec.commandLine(), target);
        Snapshot s = t.file() == null ? Backends.live().snapshot(t.pid(), MemoryBackend.Detail.MAPS)
                : SnapshotFiles.load(t.file());
        Locator locator = new Locator(s);
        StringBuilder sb = new StringBuilder();
        for (long a : parsed) {
            sb.append(LocationText.text(locator.locate(a)));
        }
        Output.write(spec.commandLine(), sb);
        return 0;
    }

    private long parseAddress(String a) {
        try {
            return LocationText.parseAddress(a);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
