package dev.aspace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;

/** The top-level command: {@code aspace <subcommand>}; with no arguments the GUI opens instead. */
@Command(name = "aspace",
        mixinStandardHelpOptions = true,
        versionProvider = AspaceCommand.Version.class,
        description = "The virtual address space of a running process, as it really is.%n"
                + "With no arguments, opens the desktop app.",
        subcommands = {CommandLine.HelpCommand.class, PmapCommand.class, FreeCommand.class, PsCommand.class,
            SnapshotCommand.class, MemoryUserCommand.class, ImportCommand.class, DiffCommand.class, AslrCommand.class,
            RenderCommand.class, RecordCommand.class, LocateCommand.class, FramesCommand.class, ShareCommand.class,
            CgroupCommand.class})
public final class AspaceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print a stack trace with errors (for bug reports).")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Runs the CLI and returns the exit code (0 ok, 1 runtime condition, 2 bad usage or input). */
    public static int run(String... args) {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            int quick = QuickPmap.run(System.out, err, args);
            if (quick >= 0) {
                return quick;
            }
            return run(new PrintWriter(System.out, true), err, args);
        } catch (Error e) {
            return Errors.report(e, err, args);
        }
    }

    /** Runs the CLI with the given streams; used by tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            int quick = QuickPmap.run(out, err, args);
            if (quick >= 0) {
                return quick;
            }
            return run(commandLine(), out, err, args);
        } catch (Error e) {
            out.flush();
            return Errors.report(e, err, args);
        }
    }

    /** Runs {@code args} on a command line made by {@link #commandLine()}, which may be used again. */
    static int run(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command line: every subcommand, and errors mapped to one line and an exit code. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AspaceCommand());
        cl.setExecutionExceptionHandler(AspaceCommand::handle);
        cl.setParameterExceptionHandler(AspaceCommand::badUsage);
        return cl;
    }

    /**
     * Bad usage: one line naming the problem and where to read more, exit code 2 (no usage dump);
     * 1 for pmap and free, whose exit statuses are procps' (scripts test them).
     */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().name();
        boolean procps = name.equals("pmap") || name.equals("free");
        // "aspace free: failed to parse ...": procps' words after its program's name, as scripts grep them
        cl.getErr().println((procps ? "aspace " + name + ": " : "aspace: ") + Printable.line(e.getMessage())
                + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        if (Arrays.asList(args).contains("--debug")) {
            e.printStackTrace(cl.getErr());
        }
        return procps ? 1 : 2;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        return Errors.report(e, cl.getErr(), parsed.originalArgs().contains("--debug"));
    }

    /** The version from the jar's manifest (Implementation-Version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AspaceCommand.class.getPackage().getImplementationVersion();
            return new String[] {"aspace " + (v == null ? "development build" : v)};
        }
    }
}
