package dev.aspace.demo;

import dev.aspace.cli.AspaceCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** aspace memory-user: runs in this JVM, and refuses bad input in one line with exit 2. */
class MemoryUserCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void allocatesTouchesReportsAndEnds() {
        Run r = run("memory-user", "8", "1.5", "--touch", "once");
        assertEquals(0, r.code(), r.err());
        String pid = Long.toString(ProcessHandle.current().pid());
        assertTrue(r.out().startsWith("memory-user: pid " + pid + ", 8.0 MB via mmap at 0x"), r.out());
        assertTrue(r.out().contains("look at it with: pmap -x " + pid), r.out());
        assertTrue(r.out().contains("(the block: 8.0 MB)"), "once-touched block is resident: " + r.out());
        assertTrue(r.out().contains("memory-user: done after"), r.out());
    }

    @Test
    void untouchedBlockIsNotResident() {
        Run r = run("memory-user", "8", "1.2", "--touch", "none");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(the block: 0 B)  not touching"), r.out());
    }

    @Test
    void untouchedMallocBlockHasOnlyItsHeaderPageResident() {
        // glibc writes the chunk header (16 bytes) just before the block, in the block's first page
        Run r = run("memory-user", "8", "1.2", "--touch", "none", "--via", "malloc");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(the block: 4.0 kB)  not touching"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc|MB must be a number of megabytes like 64 or 0.5, got 'abc'",
            "0|MB must be more than 0 MB, got '0'",
            "-5|MB must be more than 0 MB, got '-5'",
            "1e12|MB 1e12 MB is beyond the 128 TiB user address space"})
    void badSizesAreOneLineAndExit2(String mb, String message) {
        Run r = run("memory-user", "--", mb);
        assertEquals(2, r.code());
        assertEquals("aspace: memory-user: " + message, r.err().trim());
    }

    @Test
    void badOptionsExit2() {
        assertEquals("aspace: memory-user: --via must be mmap, malloc or brk, got 'shm'",
                run("memory-user", "8", "--via", "shm").err().trim());
        assertEquals("aspace: memory-user: SECONDS must be a number, got 'soon'",
                run("memory-user", "8", "soon").err().trim());
        assertEquals(2, run("memory-user", "8", "--touch", "twice").code());
        assertEquals(2, run("memory-user", "8", "--rate", "-1").code());
    }

    @Test
    void moreThanAvailableIsRefusedNamingBothNumbers() {
        Run r = run("memory-user", "50000000");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("aspace: memory-user: refusing to allocate 47.7 TB: only "), r.err());
        assertTrue(r.err().contains("(MemAvailable)") && r.err().contains("the limit is"), r.err());
        assertEquals(1, r.err().trim().lines().count());
    }
}
