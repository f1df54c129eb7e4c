package dev.aspace.cli;

import dev.aspace.backend.linux.CgroupReader;
import dev.aspace.backend.linux.ProcPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * aspace memory-user --cgroup-limit: the program runs in a cgroup of its own below the test's;
 * past the limit the cgroup's OOM killer ends it, which is said in one line with exit 1; within
 * it the run ends normally; either way no cgroup and no process is left.
 */
class MemoryUserUnderLimitTest {

    private static Path ownCgroup() {
        Path dir = new CgroupReader(ProcPath.SYSTEM).place((int) ProcessHandle.current().pid())
                .map(CgroupReader.Place::dir).orElse(null);
        assumeTrue(dir != null && Files.isWritable(dir), "no memory cgroup this test may make children in");
        return dir;
    }

    private static List<Path> children(Path own) throws IOException {
        try (Stream<Path> s = Files.list(own)) {
            return s.filter(p -> p.getFileName().toString().startsWith("aspace-child-" + ProcessHandle.current().pid()))
                    .toList();
        }
    }

    private static long memoryUsersOfThisJvm() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith("memory-user")).count();
    }

    @Test
    void pastTheLimitTheCgroupsOomKillerEndsItAndItIsSaid() throws IOException {
        Path own = ownCgroup();
        ProcpsRun.Result r = ProcpsRun.aspace("memory-user", "96", "20", "--touch", "once", "--cgroup-limit", "32M");
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertTrue(lines.get(0).startsWith("aspace: memory-user: running in cgroup ") && lines.get(0).endsWith("32 MiB"),
                r.err());
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("aspace: memory-user: killed by the cgroup's OOM killer at "), r.err());
        assertTrue(last.contains("oom_kill 1"), last);
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(List.of(), children(own), "no cgroup left");
        assertEquals(0, memoryUsersOfThisJvm(), "no memory-user left");
    }

    @Test
    void withinTheLimitItRunsToTheEnd() throws IOException {
        Path own = ownCgroup();
        ProcpsRun.Result r = ProcpsRun.aspace("memory-user", "8", "1", "--touch", "once", "--cgroup-limit", "64MiB");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("memory-user: done after"), r.out());
        assertEquals(List.of(), children(own), "no cgroup left");
    }

    @Test
    void aBadLimitIsOneLineWithExitTwo() {
        ProcpsRun.Result r = ProcpsRun.aspace("memory-user", "8", "1", "--cgroup-limit", "lots");
        assertEquals(2, r.code());
        assertEquals("aspace: memory-user: --cgroup-limit: expected a size like 64M, 1G, 512K or 100MiB (a plain number is MiB),"
                + " got 'lots'",
                r.err().strip());
    }
}
