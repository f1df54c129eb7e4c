package dev.aspace.demo;

import dev.aspace.cli.AspaceCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** aspace memory-user: runs the C program, passes its lines on, refuses bad input in one line with exit 2. */
class MemoryUserCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void allocatesTouchesReportsAndEnds() {
        Run r = run("memory-user", "8", "1.5", "--touch", "once");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("^memory-user: pid (\\d+), 8.0 MiB via mmap at 0x[0-9a-f]+,"
                + " touch once, for 1.5 s\n").matcher(r.out());
        assertTrue(m.find(), r.out());
        String pid = m.group(1);
        assertTrue(!pid.equals(Long.toString(ProcessHandle.current().pid())), "a process of its own, not this JVM");
        assertTrue(r.out().contains("\nlook at it with: pmap -x " + pid + "\n"), r.out());
        assertTrue(r.out().contains("(the block: 8.0 MiB)"), "once-touched block is resident: " + r.out());
        assertTrue(r.out().contains("memory-user: done after"), r.out());
    }

    @Test
    void itIsTheSmallCProgramThatPmapShows() throws Exception {
        PipedReader pipe = new PipedReader();
        PrintWriter out = new PrintWriter(new PipedWriter(pipe), true);
        Thread t = new Thread(() -> AspaceCommand.run(out, new PrintWriter(new StringWriter()), "memory-user", "4", "3"));
        t.start();
        String first = new BufferedReader(pipe).readLine();
        int pid = Integer.parseInt(first.replaceFirst("^memory-user: pid (\\d+),.*", "$1"));
        Path exe = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe"));
        assertEquals("memory-user", exe.getFileName().toString());
        long regions = Files.readAllLines(Path.of("/proc/" + pid + "/maps")).size();
        assertTrue(regions < 40, "a textbook address space, not a JVM's hundreds: " + regions);
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            assertEquals(1, tasks.count(), "one thread, as the homework's program: no second stack or malloc arena");
        }
        t.join();
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
        assertTrue(r.out().contains("(the block: 4.0 KiB)  not touching"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc|SIZE: expected a size like 64M, 1G, 512K or 100MiB (a plain number is MiB), got 'abc'",
            "0|SIZE must be more than 0, got '0'",
            "-5|SIZE: expected a size like 64M, 1G, 512K or 100MiB (a plain number is MiB), got '-5'",
            "1000000000|SIZE 1000000000 is beyond the 128 TiB user address space"})
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
    void anAllocationTheKernelRefusesIsOneLineAndExit1() throws Exception {
        // with overcommit allowed past the guard, the kernel itself refuses 47.7 TB (heuristic
        // overcommit, mode 0, or strict, mode 2; mode 1 would grant it, so the test needs 0 or 2)
        String mode = Files.readString(Path.of("/proc/sys/vm/overcommit_memory")).trim();
        Assumptions.assumeTrue(!mode.equals("1"), "vm.overcommit_memory is 1");
        Run r = run("memory-user", "50000000", "1", "--touch", "none", "--allow-overcommit");
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("memory-user: mmap(52428800000000 bytes, anonymous private) failed: Cannot allocate memory"
                + " (errno 12)", r.err().trim());
    }

    @Test
    void moreThanAvailableIsRefusedNamingBothNumbers() {
        Run r = run("memory-user", "50000000");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("aspace: memory-user: refusing to allocate 47.7 TiB: only "), r.err());
        assertTrue(r.err().contains("(MemAvailable)") && r.err().contains("the limit is"), r.err());
        assertEquals(1, r.err().trim().lines().count());
    }
}
