package dev.aspace.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aspace pmap} without picocli, for the common, well-formed command lines. Setting up
 * picocli (its classes, the annotations of every subcommand) costs about as much as reading a
 * small process, and {@code pmap -X PID} run as a whole process must stay well under procps'
 * time. It accepts exactly the flags of {@link PmapFlag}, the list the picocli command declares
 * its options from, and runs the same code once they are read. Anything else (help, version, a
 * snapshot file, --debug, an option cluster other than -XX, any mistake) goes to the picocli
 * command instead, which gives the error messages; PmapFastPathTest holds the two to the same
 * output.
 */
final class QuickPmap {

    private QuickPmap() {
    }

    /** Runs the command and returns its exit code, or -1 when picocli should handle it. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, null, err, args);
    }

    /** As above, printing bytes to {@code stdout} (the CLI's standard output). */
    static int run(OutputStream stdout, PrintWriter err, String... args) {
        return run(null, stdout, err, args);
    }

    // no lambdas on this path: the first one costs a LambdaMetafactory start-up
    private static int run(PrintWriter out, OutputStream stdout, PrintWriter err, String[] args) {
        if (args.length < 2 || !args[0].equals("pmap")) {
            return -1;
        }
        PmapOptions.Builder b = new PmapOptions.Builder();
        List<PmapCommand.PmapTarget> targets = new ArrayList<>();
        if (!read(args, b, targets)) {
            return -1;
        }
        try {
            b.check(targets.size());
        } catch (IllegalArgumentException e) {
            return -1; // picocli says it, with the same words
        }
        try {
            return PmapCommand.execute(b, targets, stdout != null ? new Sink(stdout) : new Sink(out), err);
        } catch (RuntimeException e) {
            return Errors.report(e, err, false);
        }
    }

    /** Whether the fast path reads this command line itself (else it leaves it to picocli). */
    static boolean accepts(String... args) {
        return args.length >= 2 && args[0].equals("pmap") && read(args, new PmapOptions.Builder(), new ArrayList<>());
    }

    /**
     * Reads {@code args} (after "pmap") into the builder and the process ids: every word is a
     * {@link PmapFlag} name ({@code --name=value} for one with an argument) or a process id.
     * False when a word is anything else (a cluster such as -xq, help, a file, a mistake).
     */
    private static boolean read(String[] args, PmapOptions.Builder b, List<PmapCommand.PmapTarget> targets) {
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                PmapCommand.PmapTarget t = PmapCommand.PmapTarget.pid(a);
                if (t == null || PmapCommand.PmapTarget.isExistingFile(a)) {
                    return false;
                }
                targets.add(t);
                continue;
            }
            if (a.equals("-XX")) { // the one cluster worth taking here: -X twice
                PmapFlag.MORE.apply(b, null);
                PmapFlag.MORE.apply(b, null);
                continue;
            }
            int eq = a.startsWith("--") ? a.indexOf('=') : -1;
            PmapFlag f = PmapFlag.byName(eq < 0 ? a : a.substring(0, eq));
            if (f == null || (f.argument() == null && eq >= 0)) {
                return false;
            }
            String value = null;
            if (f.argument() != null) {
                if (eq < 0 && i + 1 >= args.length) {
                    return false;
                }
                value = eq >= 0 ? a.substring(eq + 1) : args[++i];
            }
            try {
                f.apply(b, value);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }
}
