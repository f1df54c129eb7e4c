package dev.aspace.demo;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.aslr.AslrAnalysis;
import dev.aspace.snapshot.aslr.AslrObject;
import dev.aspace.snapshot.aslr.AslrReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real runs of /bin/sleep and of memory-user, with and without randomization. */
class AslrRunnerTest {

    private static final List<String> SLEEP = List.of("/bin/sleep", "600");

    private static int randomizeVaSpace() throws Exception {
        return Integer.parseInt(Files.readString(Path.of("/proc/sys/kernel/randomize_va_space")).trim());
    }

    private static AslrReport run(AslrRunner.Method method, List<String> cmd, boolean noAslr, String ready)
            throws Exception {
        AslrRunner runner = new AslrRunner(new LinuxBackend(), method, List.of());
        List<Snapshot> runs = runner.run(new AslrRunner.Options(cmd, 3, noAslr, Duration.ofMillis(50), ready,
                Duration.ofSeconds(30)));
        return AslrAnalysis.analyse(cmd, runs, noAslr, randomizeVaSpace());
    }

    private static AslrObject object(AslrReport r, String prefix) {
        return r.objects().stream().filter(o -> o.name().startsWith(prefix)).findFirst().orElseThrow(
                () -> new AssertionError("no " + prefix + " in " + r.objects()));
    }

    @Test
    void theRunsDoNotGetWhatTheLauncherSetForAspaceAlone() {
        Map<String, String> env = new HashMap<>(Map.of(
                "GDK_GL", "disable", "HOME", "/home/u", "GDK_SCALE", "2"));
        AslrRunner.removeLauncherVariables(env, List.of("GDK_GL"));
        assertEquals(Map.of("HOME", "/home/u", "GDK_SCALE", "2"), env);
        AslrRunner.removeLauncherVariables(env, List.of()); // started otherwise: the environment as it is
        assertEquals(2, env.size());
    }

    @Test
    void withoutAslrSetarchGivesIdenticalBases() throws Exception {
        AslrReport r = run(AslrRunner.Method.SETARCH, SLEEP, true, null);
        assertEquals(3, r.pids().stream().distinct().count());
        for (String name : List.of("executable", "library", AslrAnalysis.STACK, AslrAnalysis.VDSO,
                AslrAnalysis.MMAP_BASE, AslrAnalysis.HEAP)) {
            AslrObject o = object(r, name);
            assertEquals(3, o.presentIn(), o.toString());
            assertTrue(o.identical(), o.toString());
            assertEquals(0, o.variedBits());
        }
        r.distances().forEach(d -> assertTrue(d.fixed(), d.toString()));
    }

    @Test
    void withoutAslrThroughPersonalityGivesIdenticalBasesToo() throws Exception {
        AslrReport r = run(AslrRunner.Method.PERSONALITY, SLEEP, true, null);
        r.objects().forEach(o -> assertTrue(o.identical(), o.toString()));
    }

    @Test
    void withAslrBasesDiffer() throws Exception {
        Assumptions.assumeTrue(randomizeVaSpace() == 2, "needs randomize_va_space = 2");
        AslrReport r = run(AslrRunner.Method.SETARCH, SLEEP, false, null);
        for (String name : List.of("executable", "library", AslrAnalysis.STACK, AslrAnalysis.MMAP_BASE,
                AslrAnalysis.HEAP)) {
            AslrObject o = object(r, name);
            assertFalse(o.identical(), o.toString());
            assertTrue(o.variedBits() > 0);
            assertTrue(o.alignment() >= 4096, o.toString()); // pages move, never bytes
        }
        // libraries are mapped together from one random mmap base: libc to ld is fixed, libc to stack is not
        assertTrue(r.distances().stream().anyMatch(d -> d.from().contains("libc") && d.to().contains("ld-linux") && d.fixed()),
                r.distances().toString());
        assertTrue(r.distances().stream().anyMatch(d -> d.from().contains("libc") && d.to().equals(AslrAnalysis.STACK)
                && !d.fixed()), r.distances().toString());
    }

    @Test
    void memoryUserWithAndWithoutAslr() throws Exception {
        Assumptions.assumeTrue(randomizeVaSpace() == 2, "needs randomize_va_space = 2");
        List<String> cmd = AslrRunner.memoryUserCommand();
        AslrReport off = run(AslrRunner.Method.SETARCH, cmd, true, AslrRunner.MEMORY_USER_READY);
        AslrObject javaOff = object(off, "executable");
        assertTrue(javaOff.identical(), javaOff.toString());
        assertTrue(object(off, AslrAnalysis.STACK).identical());
        AslrReport on = run(AslrRunner.Method.SETARCH, cmd, false, AslrRunner.MEMORY_USER_READY);
        assertFalse(object(on, "executable").identical());
        assertFalse(object(on, AslrAnalysis.STACK).identical());
    }

    @Test
    void aCommandThatExitsAtOnceIsARuntimeError() {
        AslrRunner runner = new AslrRunner(new LinuxBackend(), List.of());
        AslrRunner.RunFailed e = assertThrows(AslrRunner.RunFailed.class, () -> runner.run(new AslrRunner.Options(
                List.of("/bin/true"), 1, false, Duration.ofMillis(500), null, Duration.ofSeconds(10))));
        assertEquals(1, e.exitCode());
        assertTrue(e.getMessage().contains("/bin/true"), e.getMessage());
    }
}
