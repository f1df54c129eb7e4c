package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.AccessDeniedException;
import dev.aspace.model.AspaceException;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.snapshot.importers.CoreImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aspace pmap}: procps-ng 4.0.2 pmap, line for line, for live processes and saved
 * snapshots; its options, rc files, messages' sense and exit statuses too (README: exit statuses).
 */
@Command(name = "pmap", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = PmapCommand.Version.class, modelTransformer = PmapCommand.Flags.class,
        description = {"The memory map of a process, as procps-ng pmap prints it.",
            "A snapshot file (aspace snapshot PID -o FILE.json), or frame I of a recorded series (FILE@I),",
            "prints what pmap printed when it was taken.",
            "Exit status as procps: 0 all printed, 1 a process could not be read or bad usage,",
            "42 a process did not exist (43 both)."})
final class PmapCommand implements Callable<Integer> {

    /** The exit status procps gives when a process asked for does not exist (ORed with 1). */
    static final int NO_SUCH_PROCESS = 42;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PID|FILE.json", description = "process ids or saved snapshots")
    List<String> targets = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (cl.getParseResult().matchedOptions().isEmpty() && targets.isEmpty()) {
            // procps answers a bare "pmap" with its usage line, which scripts and its test suite expect
            cl.getErr().println("Usage:\n pmap [options] PID [PID ...]\n(aspace pmap --help lists the options)");
            cl.getErr().flush();
            return 1;
        }
        PmapOptions.Builder b = new PmapOptions.Builder();
        try {
            CommandLine.ParseResult parsed = cl.getParseResult();
            for (PmapFlag f : PmapFlag.values()) {
                CommandLine.Model.OptionSpec o = parsed.matchedOption(f.names()[0]);
                if (o == null) {
                    continue;
                }
                if (f.argument() != null) {
                    for (String v : o.stringValues()) {
                        f.apply(b, v);
                    }
                } else {
                    for (int i = ((boolean[]) o.getValue()).length; i > 0; i--) {
                        f.apply(b, null);
                    }
                }
            }
            b.check(targets.size());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        List<PmapTarget> parsed = new ArrayList<>(targets.size());
        for (String t : targets) {
            parsed.add(PmapTarget.parse(cl, t));
        }
        return execute(b, parsed, new Sink(cl.getOut()), cl.getErr());
    }

    /**
     * pmap once its flags are read and checked (shared with {@link QuickPmap}): procps'
     * warnings, the rc file written (-n, -N) or read (-c, -C), then each target.
     *
     * @return the exit status, as procps gives it
     */
    static int execute(PmapOptions.Builder b, List<PmapTarget> targets, Sink out, PrintWriter err) {
        for (String w : b.warnings) {
            err.println("aspace: " + w);
        }
        err.flush();
        if (b.createsRc()) {
            return PmapRcFiles.create(b.createRcTo ? b.rcFile : null, err);
        }
        PmapRc rc = null;
        if (b.readsRc()) {
            rc = PmapRcFiles.read(b.readRcFrom ? b.rcFile : null, err);
            if (rc == null) {
                return 1;
            }
        }
        return print(b.build(rc), targets, out, err);
    }

    /**
     * Reads each target and prints it in the chosen format. As procps, a process that does not
     * exist is skipped (status 42) and one that may not be read gets its first line and no
     * more (status 1), and the others are printed; each reason goes to stderr in one line.
     *
     * @return 0, or the OR of 1 and 42 as procps
     */
    static int print(PmapOptions options, List<PmapTarget> targets, Sink sink, PrintWriter err) {
        MemoryBackend.Detail detail = options.mode().needsSmaps() ? MemoryBackend.Detail.SMAPS : MemoryBackend.Detail.MAPS;
        PmapSmapsFormat smapsFormat = new PmapSmapsFormat(options);
        int status = 0;
        try {
            for (PmapTarget t : targets) {
                Snapshot s;
                try {
                    s = t.read(detail);
                } catch (ProcessGoneException e) {
                    if (t.file() != null) {
                        throw e;
                    }
                    status |= NO_SUCH_PROCESS;
                    sink.flush();
                    err.println("aspace: " + e.getMessage());
                    continue;
                } catch (AccessDeniedException e) {
                    if (t.file() != null) {
                        throw e;
                    }
                    status |= 1;
                    unreadable(t.pid(), sink);
                    sink.flush();
                    err.println("aspace: " + e.getMessage());
                    continue;
                }
                String torn = Torn.warning(s);
                if (torn != null) {
                    sink.flush();   // the warning follows what was printed before it
                    err.println(torn);
                    err.flush();
                }
                String source = t.file() != null ? t.file().toString() : "/proc/" + t.pid() + "/smaps";
                if (options.mode().needsSmaps()) {
                    requireSmaps(s, source);
                }
                if (options.mode().perField()) {
                    smapsFormat.format(sink, s, source);
                } else {
                    PmapPlainFormat.format(sink, s, options);
                }
            }
        } finally {
            sink.flush(); // what was printed for the processes before a failing one stays printed
            err.flush();
        }
        return status;
    }

    /** procps prints a process's first line before it finds its maps unreadable. */
    private static void unreadable(int pid, Sink sink) {
        try {
            PmapNames.header(sink, Backends.live().process(pid));
        } catch (AspaceException gone) {
            // it went away meanwhile: nothing to name
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
            } catch (InvalidPathException e) {
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
            if (frame == null && CoreImporter.isElf(file)) {
                return CoreImporter.read(file);
            }
            return frame != null ? frame : SnapshotStore.load(file);
        }
    }

    /** {@code pmap -V}: aspace's version and the procps-ng version whose formats it follows. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pmap from " + new AspaceCommand.Version().getVersion()[0]
                    + ", the formats of pmap from procps-ng 4.0.2"};
        }
    }

    /** Declares the options from {@link PmapFlag}, the one list QuickPmap reads too. */
    static final class Flags implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            for (PmapFlag f : PmapFlag.values()) {
                CommandLine.Model.OptionSpec.Builder o = CommandLine.Model.OptionSpec.builder(f.names())
                        .description(f.description());
                if (f.argument() == null) {
                    o.type(boolean[].class).arity("0");
                } else {
                    o.type(String[].class).arity("1").paramLabel(f.argument());
                }
                spec.addOption(o.build());
            }
            return spec;
        }
    }
}
