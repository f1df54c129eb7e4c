package dev.aspace.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aspace pmap} without picocli, for the common, well-formed command lines. Setting up
 * picocli (its classes, the annotations of every subcommand) costs about as much as reading a
 * small process, and {@code pmap -X PID} run as a whole process must stay well under procps'
 * time. Anything this does not recognise (help, a snapshot file, --debug, an option cluster, any
 * mistake) goes to the picocli command instead, which gives the same output and the error
 * messages; PmapFastPathTest holds the two to the same output.
 */
final class QuickPmap {

    private QuickPmap() {
    }

    /** Runs the command and returns its exit code, or -1 when picocli should handle it. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, null, err, args);
    }

    /** As above, printing bytes to {@code stdout} (the CLI's standard output). */
    static int run(java.io.OutputStream stdout, PrintWriter err, String... args) {
        return run(null, stdout, err, args);
    }

    // no lambdas on this path: the first one costs a LambdaMetafactory start-up
    private static int run(PrintWriter out, java.io.OutputStream stdout, PrintWriter err, String[] args) {
        if (args.length < 2 || !args[0].equals("pmap")) {
            return -1;
        }
        PmapOptions options = parse(args);
        if (options == null) {
            return -1;
        }
        List<PmapCommand.PmapTarget> targets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                PmapCommand.PmapTarget t = PmapCommand.PmapTarget.pid(args[i]);
                if (t == null || PmapCommand.PmapTarget.isExistingFile(args[i])) {
                    return -1;
                }
                targets.add(t);
            } else if (args[i].equals("-A") || args[i].equals("--range")) {
                i++;
            }
        }
        if (targets.isEmpty()) {
            return -1;
        }
        try {
            PmapCommand.print(options, targets, stdout != null ? new Sink(stdout) : new Sink(out));
            return 0;
        } catch (RuntimeException e) {
            return Errors.report(e, err, false);
        }
    }

    /** The options, or null when an argument is one this fast path leaves to picocli. */
    static PmapOptions parse(String[] args) {
        boolean extended = false;
        boolean device = false;
        int more = 0;
        boolean quiet = false;
        boolean showPath = false;
        String range = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-x", "--extended" -> extended = true;
                case "-d", "--device" -> device = true;
                case "-q", "--quiet" -> quiet = true;
                case "-p", "--show-path" -> showPath = true;
                case "-X" -> more++;
                case "-XX" -> more += 2;
                case "-A", "--range" -> {
                    if (i + 1 >= args.length || range != null) {
                        return null;
                    }
                    range = args[++i];
                }
                default -> {
                    if (a.startsWith("--range=") && range == null) {
                        range = a.substring("--range=".length());
                    } else if (a.startsWith("-")) {
                        return null;
                    }
                }
            }
        }
        try {
            return PmapOptions.of(extended, device, more, quiet, showPath, range);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
