package dev.aspace.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AspaceCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpListsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Usage: aspace"), out.toString());
    }

    @Test
    void versionNamesTheProgram() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("aspace "), out.toString());
    }

    @Test
    void unknownSubcommandIsBadUsage() {
        assertEquals(2, run("no-such-command"));
        assertTrue(err.toString().contains("no-such-command"), err.toString());
    }
}
