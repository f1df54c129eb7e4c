package dev.aspace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AslrCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void noAslrJsonShowsIdenticalBasesAndTheMachineSetting() throws Exception {
        assertEquals(0, run("aslr", "--runs", "2", "--no-aslr", "--json", "--delay", "50", "--", "/bin/sleep", "600"),
                err.toString());
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertEquals(2, r.get("runs").asInt());
        assertTrue(r.get("randomizationOff").asBoolean());
        assertTrue(r.get("randomizeVaSpace").asInt() >= 0);
        assertTrue(r.get("objects").size() >= 5, out.toString());
        for (JsonNode o : r.get("objects")) {
            assertTrue(o.get("identical").asBoolean(), o.toString());
            assertEquals(o.get("bases").get(0), o.get("bases").get(1));
        }
    }

    @Test
    void textTableHasBasesSlidesAndDistances() {
        assertEquals(0, run("aslr", "--runs", "2", "--delay", "50", "--", "/bin/sleep", "600"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("randomize_va_space = "), text);
        assertTrue(text.contains("exe sleep"), text);
        assertTrue(text.contains("DISTANCE"), text);
        assertTrue(text.contains("stack (top)"), text);
    }

    @Test
    void badRunCountIsBadUsage() {
        assertEquals(2, run("aslr", "--runs", "0", "--", "/bin/sleep", "600"));
        assertTrue(err.toString().contains("--runs must be between 1 and 100"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void commandThatExitsIsARuntimeConditionWithOneLine() {
        assertEquals(1, run("aslr", "--runs", "1", "--", "/bin/true"));
        assertTrue(err.toString().startsWith("aspace: /bin/true exited"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void missingProgramIsARuntimeCondition() {
        assertEquals(1, run("aslr", "--runs", "1", "--", "/no/such/program"));
        assertTrue(err.toString().startsWith("aspace: cannot start /no/such/program"), err.toString());
    }
}
