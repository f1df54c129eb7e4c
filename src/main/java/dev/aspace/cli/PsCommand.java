package dev.aspace.cli;

import dev.aspace.backend.ProcessRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aspace ps}: the process list as procps-ng {@code ps auxw} prints it. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = {"Every process, as procps-ng 'ps auxw' lists it.",
            "With --readable: only the processes whose memory this user may read (what pmap can show)."})
final class PsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-r", "--readable"},
            description = "only processes whose memory maps this user may read; the others are counted on stderr")
    boolean readableOnly;

    @Override
    public Integer call() {
        List<ProcessRow> rows = Backends.live().processes();
        if (readableOnly) {
            List<ProcessRow> readable = new ArrayList<>(rows.size());
            for (ProcessRow r : rows) {
                if (r.readable()) {
                    readable.add(r);
                }
            }
            int hidden = rows.size() - readable.size();
            if (hidden > 0) {
                spec.commandLine().getErr().println("aspace ps: " + hidden
                        + " processes left out whose memory this user may not read (run as their user, as root,"
                        + " or with CAP_SYS_PTRACE)");
            }
            rows = readable;
        }
        Output.write(spec.commandLine(), new PsFormat(pidWidth()).format(rows));
        return 0;
    }

    /** ps sizes its PID column to the largest PID the kernel hands out. */
    static int pidWidth() {
        try {
            String max = Files.readString(Path.of("/proc/sys/kernel/pid_max")).trim();
            return Math.max(5, max.length());
        } catch (IOException | RuntimeException e) {
            return 5; // ps' own default width when pid_max cannot be read
        }
    }
}
