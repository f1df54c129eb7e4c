package dev.aspace.cli;

import dev.aspace.model.AspaceException;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Turns a failure into one line on stderr and an exit code; the stack trace only with --debug. */
final class Errors {

    private Errors() {
    }

    static int report(Exception e, PrintWriter err, boolean debug) {
        int code;
        if (e instanceof AspaceException ae) {
            err.println("aspace: " + ae.getMessage());
            code = ae.exitCode();
        } else if (e instanceof UncheckedIOException io) {
            // an I/O failure outside any one process (/proc/meminfo unreadable, a full disk): a runtime condition
            err.println("aspace: " + io.getMessage());
            code = 1;
        } else {
            err.println("aspace: internal error: " + e + " (run with --debug for details, and please report it)");
            code = 3;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
