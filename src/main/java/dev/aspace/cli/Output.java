package dev.aspace.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Writes a command's whole output at once (one buffer, one flush), control characters escaped. */
final class Output {

    private Output() {
    }

    static void write(CommandLine cl, CharSequence text) {
        PrintWriter out = cl.getOut();
        out.append(Printable.text(text)); // names and imported lines never reach a terminal raw
        out.flush();
    }
}
