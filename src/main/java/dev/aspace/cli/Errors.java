package dev.aspace.cli;

import dev.aspace.model.AspaceException;
import dev.aspace.model.ByteSize;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns a failure into one line on stderr and an exit code; the stack trace only with --debug. */
final class Errors {

    private Errors() {
    }

    static int report(Exception e, PrintWriter err, boolean debug) {
        int code;
        if (e instanceof AspaceException ae) {
            err.println("aspace: " + Printable.line(ae.getMessage()));
            code = ae.exitCode();
        } else if (e instanceof UncheckedIOException io) {
            // an I/O failure outside any one process (/proc/meminfo unreadable, a full disk): a runtime condition
            err.println("aspace: " + Printable.line(String.valueOf(io.getMessage())));
            code = 1;
        } else {
            err.println("aspace: internal error: " + Printable.line(e.toString()) + " (run with --debug for details, and please report it)");
            code = 3;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * An {@link Error} that reached the CLI's edge: out of memory (what was read, how to raise
     * the heap), a stack overflow, or another failure of the Java runtime. One line, exit 1.
     */
    static int report(Error e, PrintWriter err, String... args) {
        String inputs = inputs(args);
        if (e instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory();
            long next = Math.max(1, (max >> 30) * 2 + 1);
            err.println("aspace: out of memory" + (inputs.isEmpty() ? "" : " reading " + inputs)
                    + ": the Java heap (at most " + ByteSize.format(max) + ") is too small for it; raise it, e.g."
                    + " JAVA_TOOL_OPTIONS=-Xmx" + next + "g aspace " + String.join(" ", args));
        } else if (e instanceof StackOverflowError) {
            err.println("aspace: the input" + (inputs.isEmpty() ? "" : " " + inputs) + " nests too deeply for the"
                    + " Java stack; raise it, e.g. JAVA_TOOL_OPTIONS=-Xss16m, or check the file");
        } else {
            err.println("aspace: the Java runtime failed" + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + " (run with --debug for details, and please report it)");
        }
        if (Arrays.asList(args).contains("--debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The arguments that name existing files, with their sizes: what was too big. */
    private static String inputs(String... args) {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-o") || a.equals("--output")) {
                i++; // an output, not what was read
                continue;
            }
            try {
                Path p = Path.of(a.replaceFirst("@-?\\d+$", ""));
                if (!a.startsWith("-") && Files.isRegularFile(p)) {
                    files.add(a + " (" + ByteSize.format(Files.size(p)) + ")");
                }
            } catch (InvalidPathException | IOException | SecurityException ex) {
                // not a file name
            }
        }
        return String.join(", ", files);
    }
}
