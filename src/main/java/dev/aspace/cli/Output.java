package dev.aspace.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Writes a command's whole output at once (one buffer, one flush: pmap can print megabytes). */
final class Output {

    private Output() {
    }

    static void write(CommandLine cl, CharSequence text) {
        PrintWriter out = cl.getOut();
        out.append(text);
        out.flush();
    }
}
