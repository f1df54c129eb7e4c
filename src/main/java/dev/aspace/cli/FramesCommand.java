package dev.aspace.cli;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.FramePrivilege;
import dev.aspace.backend.linux.FrameReader;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.frames.FrameReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code aspace frames PID [-A LOW[,HIGH]] [--json]}: each page of a process and the physical frame behind it. */
@Command(name = "frames", mixinStandardHelpOptions = true,
        description = {"The physical frames behind a process's pages: for each present page its frame number (PFN),",
            "how many mappings share the frame, and the frame's flags (named as page-types names them);",
            "swapped pages with their swap area and offset; a summary per region.",
            "Frame numbers, map counts and flags need CAP_SYS_ADMIN (root)."})
final class FramesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-A", "--range"}, paramLabel = "LOW[,HIGH]",
            description = "only pages in this range (hexadecimal addresses, both ends included)")
    String range;

    @Option(names = "--json", description = "print JSON (docs/frames-json.md)")
    boolean json;

    @Option(names = "--pagemap-only",
            description = "do not ask for frame numbers: show what pagemap gives any user (present, swapped,"
                    + " exclusive, soft-dirty) and exit 0 without CAP_SYS_ADMIN")
    boolean pagemapOnly;

    @Parameters(index = "0", paramLabel = "PID", description = "the process")
    int pid;

    @Override
    public Integer call() {
        long low = 0;
        long high = -1L;
        if (range != null) {
            try {
                long[] r = PmapRange.parse(range);
                low = r[0];
                high = r[1];
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (Long.compareUnsigned(low, high) > 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "-A " + range + ": LOW is above HIGH (expected -A LOW,HIGH with LOW <= HIGH)");
            }
        }
        if (pid <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "PID must be a positive process id, got " + pid);
        }
        boolean privileged = !pagemapOnly && FramePrivilege.granted(ProcPath.SYSTEM);
        FrameReport report = new FrameReader(ProcPath.SYSTEM, privileged).read(pid, low, high);
        Output.write(spec.commandLine(), json ? FramesJson.render(report) : FramesText.render(report));
        if (!privileged && !pagemapOnly) {
            spec.commandLine().getErr().println("aspace: " + FrameBackend.NO_FRAME_NUMBERS);
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }
}
