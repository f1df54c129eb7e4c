package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aspace pmap}: procps-ng 4.0.2 pmap, line for line, for live processes and saved snapshots. */
@Command(name = "pmap", mixinStandardHelpOptions = true,
        description = {"The memory map of a process, as procps-ng pmap prints it.",
            "A snapshot file (aspace snapshot PID -o FILE.json), or frame I of a recorded series (FILE@I),",
            "prints what pmap printed when it was taken."})
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
        print(options, parsed, new Sink(spec.commandLine().getOut()));
        return 0;
    }

    /** Reads each target and prints it in the chosen format (shared with {@link QuickPmap}). */
    static void print(PmapOptions options, List<PmapTarget> targets, Sink sink) {
        MemoryBackend.Detail detail = options.mode().needsSmaps() ? MemoryBackend.Detail.SMAPS : MemoryBackend.Detail.MAPS;
        PmapSmapsFormat smapsFormat = new PmapSmapsFormat(options);
        try {
            for (PmapTarget t : targets) {
                Snapshot s = t.read(detail);
                String source = t.file() != null ? t.file().toString() : "/proc/" + t.pid() + "/smaps";
                if (options.mode().needsSmaps()) {
                    requireSmaps(s, source);
                }
                if (options.mode() == PmapOptions.Mode.MORE || options.mode() == PmapOptions.Mode.ALL) {
                    smapsFormat.format(sink, s, source);
                } else {
                    PmapPlainFormat.format(sink, s, options);
                }
            }
        } finally {
            sink.flush(); // what was printed for the processes before a failing one stays printed
        }
    }

    private PmapOptions options() {
        try {
            return PmapOptions.of(extended, device, more.length, quiet, showPath, range);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** -x, -X and -XX show smaps figures; a snapshot saved from maps alone cannot give them. */
    static void requireSmaps(Snapshot s, String source) {
        if (!s.regions().isEmpty() && s.regions().get(0).smaps() == null) {
            throw new MalformedInputException(source, "",
                    "has no smaps figures, which pmap -x/-X/-XX show (take the snapshot again with aspace snapshot)");
        }
    }

    /** One argument: a process id (as pmap takes it, also /proc/PID) or a snapshot file. */
    record PmapTarget(int pid, Path file) {

        /**
         * A process id, or else a snapshot file (whose problems the loader names): a name that
         * exists as a file is one, and so is anything that is not all digits.
         */
        static PmapTarget parse(CommandLine cl, String arg) {
            if (isExistingFile(arg)) {
                return new PmapTarget(0, Path.of(arg));
            }
            PmapTarget t = pid(arg);
            if (t == null && !arg.isEmpty() && arg.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new CommandLine.ParameterException(cl, "'" + arg + "' is not a process id (1 to 2147483647)");
            }
            return t != null ? t : new PmapTarget(0, Path.of(arg));
        }

        /** True when {@code arg} names something in the file system (never /proc/PID, which is a process). */
        static boolean isExistingFile(String arg) {
            if (arg.startsWith("/proc/") || arg.indexOf('\0') >= 0) {
                return false;
            }
            try {
                return Files.exists(Path.of(arg), LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.InvalidPathException e) {
                return false;
            }
        }

        /** A process id as pmap takes it (also /proc/PID), or null when the argument is not one. */
        static PmapTarget pid(String arg) {
            String s = arg.startsWith("/proc/") && arg.length() > 6 && Character.isDigit(arg.charAt(6))
                    ? arg.substring(6) : arg;
            if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
                return null;
            }
            long pid = parsePid(s);
            return pid < 1 || pid > 0x7fffffffL ? null : new PmapTarget((int) pid, null);
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

        /** The live process, a saved snapshot, or a frame of a recorded series ({@code FILE@I}). */
        Snapshot read(MemoryBackend.Detail detail) {
            if (file == null) {
                return Backends.live().mappings(pid, detail);
            }
            Snapshot frame = SeriesFrames.frameOrNull(file);
            return frame != null ? frame : SnapshotStore.load(file);
        }
    }
}
