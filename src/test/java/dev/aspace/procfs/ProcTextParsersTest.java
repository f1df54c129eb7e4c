package dev.aspace.procfs;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Smaps;
import dev.aspace.model.SystemMemory;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.aspace.procfs.SmapsParserTest.captured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** status, stat, syscall, cmdline, comm, meminfo and smaps_rollup, on captured and fixture text. */
class ProcTextParsersTest {

    @Test
    void statusOfSleep() {
        ProcStatus s = StatusParser.parse("status", captured("sleep-status.txt"));
        assertEquals("sleep", s.name());
        assertEquals("S (sleeping)", s.state());
        assertEquals(0, s.uid());
        assertEquals(0, s.euid());
        assertEquals(1, s.threads());
        assertEquals(0, s.kthread());
        String text = new String(captured("sleep-status.txt"), StandardCharsets.US_ASCII);
        assertEquals(kb(text, "VmSize"), s.vmSize());
        assertEquals(kb(text, "VmRSS"), s.vmRss());
        assertEquals(kb(text, "VmLck"), s.vmLck());
        assertTrue(s.hasMemory());
    }

    private static long kb(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).trim().split(" ")[0]) * 1024;
            }
        }
        throw new AssertionError("no " + key);
    }

    @Test
    void statusOfZombieAndKernelThreadHasNoMemory() {
        ProcStatus z = StatusParser.parse("status", captured("zombie-status.txt"));
        assertEquals("Z (zombie)", z.state());
        assertFalse(z.hasMemory());
        assertEquals(-1, z.vmRss());
        ProcStatus k = StatusParser.parse("status", captured("kthread-status.txt"));
        assertEquals("kthreadd", k.name());
        assertEquals(1, k.kthread());
        assertFalse(k.hasMemory());
    }

    @Test
    void statusWithoutNameIsMalformed() {
        assertThrows(MalformedInputException.class, () -> StatusParser.parse("s", "Foo:\t1\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void statFindsFieldsAfterTheLastParenthesis() {
        ProcStat s = StatParser.parse("stat", captured("odd-comm-stat.txt"));
        assertEquals("x) (y z)", s.comm());
        assertEquals(19833, s.pid());
        assertEquals('R', s.state());
        assertEquals(19829, s.ppid());
        assertEquals(2784, s.session());
        assertEquals(-1, s.tpgid());
        assertEquals(1, s.numThreads());
        assertEquals(119976, s.startTime());
        assertEquals(17145856, s.vsize());
        assertEquals(3428, s.rss());
        assertEquals(94601197867008L, s.startCode());
        assertEquals(0, s.kstkesp(), "kstkesp is 0 on modern kernels");
    }

    @Test
    void statOfKernelThreadAndZombie() {
        ProcStat k = StatParser.parse("stat", captured("kthread-stat.txt"));
        assertTrue(k.isKernelThread());
        assertEquals("kthreadd", k.comm());
        ProcStat z = StatParser.parse("stat", captured("zombie-stat.txt"));
        assertEquals('Z', z.state());
        assertEquals(0, z.vsize());
        assertFalse(z.isKernelThread());
    }

    @Test
    void statWithTooFewFieldsIsMalformed() {
        assertThrows(MalformedInputException.class,
                () -> StatParser.parse("stat", "12 (x) S 1 2".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(MalformedInputException.class, () -> StatParser.parse("stat", new byte[0]));
    }

    @Test
    void syscallStackPointerIsTheSecondToLastField() {
        byte[] b = captured("sleep-syscall.txt");
        assertEquals(0x7ffd3e295508L, SyscallParser.stackPointer(b, b.length));
        byte[] outside = "-1 0x7ffc1234 0x7f0011\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x7ffc1234L, SyscallParser.stackPointer(outside, outside.length));
        byte[] running = "running\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0, SyscallParser.stackPointer(running, running.length));
        byte[] zombie = captured("zombie-syscall.txt");
        assertEquals(0, SyscallParser.stackPointer(zombie, zombie.length), "a zombie's -1 0x0 0x0 has no stack pointer");
    }

    @Test
    void cmdlineSplitsAtNulAndCommLosesItsNewline() {
        byte[] c = captured("python3-cmdline.txt");
        List<String> args = CmdlineParser.arguments(c, c.length);
        assertTrue(args.get(0).endsWith("python3"), args.toString());
        assertEquals("-", args.get(1));
        assertEquals(2, args.size(), args.toString());
        byte[] rewritten = "nginx: master process\0".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of("nginx: master process"), CmdlineParser.arguments(rewritten, rewritten.length));
        assertEquals(List.of(), CmdlineParser.arguments(new byte[0], 0));
        byte[] comm = captured("python3-comm.txt");
        assertEquals("python3", CmdlineParser.comm(comm, comm.length));
    }

    @Test
    void meminfoOfThisMachine() {
        SystemMemory m = MeminfoParser.parse("meminfo", captured("meminfo.txt"));
        String text = new String(captured("meminfo.txt"), StandardCharsets.US_ASCII);
        assertEquals(kb(text, "MemTotal"), m.memTotal());
        assertEquals(kb(text, "MemAvailable"), m.memAvailable());
        assertEquals(kb(text, "SReclaimable"), m.sReclaimable());
        assertEquals(kb(text, "Committed_AS"), m.committedAs());
        assertEquals(kb(text, "CommitLimit"), m.commitLimit());
    }

    @Test
    void meminfoFixtures() {
        SystemMemory old = MeminfoParser.parse("m5", Fixtures.bytes("meminfo-05-kernel2.6.32-3.x-x86_64-no-MemAvailable.txt"));
        assertEquals(-1, old.memAvailable(), "no MemAvailable before 3.14");
        assertTrue(old.memTotal() > 0);
        SystemMemory legacy = MeminfoParser.parse("m2", Fixtures.bytes("meminfo-02-embedded-32bit-legacy-header-gopsutil-issue1002.txt"));
        assertTrue(legacy.memTotal() > 0 && legacy.memAvailable() > 0, "table header lines skipped");
        String text = Fixtures.text("meminfo-01-kernel4.15ish-x86_64-gopsutil-intelcorei5.txt");
        SystemMemory m1 = MeminfoParser.parse("m1", Fixtures.bytes("meminfo-01-kernel4.15ish-x86_64-gopsutil-intelcorei5.txt"));
        assertEquals(kb(text, "MemTotal"), m1.memTotal());
        assertEquals(kb(text, "Buffers"), m1.buffers());
        assertEquals(kb(text, "Cached"), m1.cached());
        assertEquals(kb(text, "SwapFree"), m1.swapFree());
        assertThrows(MalformedInputException.class, () -> MeminfoParser.parse("x", "hello\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void rollupFixtureAndCaptured() {
        Smaps r = SmapsRollupParser.parse("rollup", Fixtures.bytes("smaps_rollup-01-prometheus-procfs-kernel4.x.txt"));
        assertEquals(29948L * 1024, r.rss());
        assertEquals(1940L * 1024, r.swap());
        assertEquals(List.of(), r.vmFlags());
        Smaps mine = SmapsRollupParser.parse("rollup", captured("python3-smaps_rollup.txt"));
        assertTrue(mine.has("Pss_Anon"), mine.layout().toString());
        assertNull(SmapsRollupParser.parse("zombie rollup", new byte[0]));
        assertThrows(MalformedInputException.class,
                () -> SmapsRollupParser.parse("r", SmapsParserTest.captured("sleep-smaps.txt")));
    }
}
