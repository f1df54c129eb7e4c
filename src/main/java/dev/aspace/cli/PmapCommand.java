package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aspace pmap}: procps-ng 4.0.2 pmap, line for line, for live processes and saved snapshots. */
@Command(name = "pmap", mixinStandardHelpOptions = true,
        description = {"The memory map of a process, as procps-ng pmap prints it.",
            "A snapshot file (aspace snapshot PID -o FILE.json) prints what pmap printed when it was taken."})
final class PmapCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-x", "--extended"}, description = "show details (RSS and dirty memory)")
    boolean extended;

    @Option(names = "-X", description = "show even more details; -XX: everything the kernel provides")
    boolean[] more = new boolean[0];

    @Option(names = {"-d", "--device"}, description = "show the device format")
    boolean device;

    @Option(names = {"-q", "--quiet"}, description = "do not display header and footer")
    boolean quiet;

    @Option(names = {"-p", "--show-path"}, description = "show path in the mapping")
    boolean showPath;

    @Option(names = {"-A", "--range"}, paramLabel = "LOW[,HIGH]",
            description = "limit results to the given range (hexadecimal addresses)")
    String range;

    @Parameters(arity = "1..*", paramLabel = "PID|FILE.json", description = "process ids or saved snapshots")
    List<String> targets;

    @Override
    public Integer call() {
        PmapOptions options = options();
        List<PmapTarget> parsed = new ArrayList<>(targets.size());
        for (String t : targets) {
            parsed.add(PmapTarget.parse(spec.commandLine(), t));
        }
        MemoryBackend.Detail detail = options.mode().needsSmaps() ? MemoryBackend.Detail.SMAPS : MemoryBackend.Detail.MAPS;
        PmapSmapsFormat smapsFormat = new PmapSmapsFormat(options);
        StringBuilder sb = new StringBuilder(1 << 16);
        for (PmapTarget t : parsed) {
            Snapshot s = t.read(detail);
            String source = t.file() != null ? t.file().toString() : "/proc/" + t.pid() + "/smaps";
            if (options.mode().needsSmaps()) {
                requireSmaps(s, source);
            }
            if (options.mode() == PmapOptions.Mode.MORE || options.mode() == PmapOptions.Mode.ALL) {
                smapsFormat.format(sb, s, source);
            } else {
                PmapPlainFormat.format(sb, s, options);
            }
        }
        Output.write(spec.commandLine(), sb);
        return 0;
    }

    private PmapOptions options() {
        int chosen = (extended ? 1 : 0) + (device ? 1 : 0) + (more.length > 0 ? 1 : 0);
        if (chosen > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "options -d, -x, -X are mutually exclusive: choose one format");
        }
        PmapOptions.Mode mode = extended ? PmapOptions.Mode.EXTENDED
                : device ? PmapOptions.Mode.DEVICE
                : more.length == 1 ? PmapOptions.Mode.MORE
                : more.length > 1 ? PmapOptions.Mode.ALL
                : PmapOptions.Mode.PLAIN;
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
        }
        return new PmapOptions(mode, quiet, showPath, low, high);
    }

    /** -x, -X and -XX show smaps figures; a snapshot saved from maps alone cannot give them. */
    private static void requireSmaps(Snapshot s, String source) {
        if (!s.regions().isEmpty() && s.regions().get(0).smaps() == null) {
            throw new MalformedInputException(source, "",
                    "has no smaps figures, which pmap -x/-X/-XX show (take the snapshot again with aspace snapshot)");
        }
    }

    /** One argument: a process id (as pmap takes it, also /proc/PID) or a snapshot file. */
    record PmapTarget(int pid, Path file) {

        static PmapTarget parse(CommandLine cl, String arg) {
            String s = arg.startsWith("/proc/") && arg.length() > 6 && Character.isDigit(arg.charAt(6))
                    ? arg.substring(6) : arg;
            if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
                long pid = parsePid(s);
                if (pid < 1 || pid > 0x7fffffffL) {
                    throw new CommandLine.ParameterException(cl,
                            "'" + arg + "' is not a process id (1 to 2147483647) nor a snapshot file");
                }
                return new PmapTarget((int) pid, null);
            }
            throw new CommandLine.ParameterException(cl, "'" + arg + "' is not a process id");
        }

        /** strtoul(s, &end, 0) as pmap uses it: decimal, 0x hex or 0 octal, nothing after; -1 if not. */
        private static long parsePid(String s) {
            try {
                if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) | 0x20) == 'x') {
                    return Long.parseLong(s.substring(2), 16);
                }
                if (s.length() > 1 && s.charAt(0) == '0') {
                    return Long.parseLong(s.substring(1), 8);
                }
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        Snapshot read(MemoryBackend.Detail detail) {
            return Backends.live().snapshot(pid, detail);
        }
    }
}
