package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input to aspace pmap: one line on stderr naming the thing, no stack trace, and procps' exit
 * status (1 for bad usage, 42 for a process that does not exist), which scripts test.
 */
class PmapCommandTest {

    @Test
    void aProcessThatDoesNotExistExitsWithProcpsStatus42() throws Exception {
        int pid;
        try (LiveProcess p = LiveProcess.start("true")) {
            pid = p.pid();
            p.process().waitFor();
        }
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", "-X", Integer.toString(pid)), 42, Integer.toString(pid), "no such process");
    }

    @Test
    void aBadRangeIsBadUsage() {
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", "-A", "zz", "1"), 1, "'zz'", "-A");
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", "-A", "10,0x", "1"), 1, "'10,0x'");
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", "--bogus", "1"), 1, "--bogus");
    }

    @Test
    void twoFormatsAtOnceAreBadUsage() {
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", "-x", "-X", "1"), 1, "mutually exclusive");
    }

    @Test
    void aProcessIdOutOfRangeIsBadUsage() {
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", "0"), 1, "'0'");
        ProcpsRun.assertOneLine(ProcpsRun.aspace("pmap", "99999999999"), 1, "'99999999999'");
    }

    @Test
    void debugPrintsTheStackTrace() {
        ProcpsRun.Result r = ProcpsRun.aspace("--debug", "pmap", "-A", "zz", "1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void aProcessExitingWhileBeingReadNeverYieldsATornMap() throws Exception {
        // a short-lived process read again and again: each read is whole, or fails with one line
        for (int round = 0; round < 5; round++) {
            try (LiveProcess p = LiveProcess.start("sleep", "0.3")) {
                String pid = Integer.toString(p.pid());
                for (int i = 0; i < 200 && p.process().isAlive(); i++) {
                    ProcpsRun.Result r = ProcpsRun.aspace("pmap", "-x", pid);
                    if (r.code() == 0) {
                        String last = ProcpsRun.lines(r.out()).get(ProcpsRun.lines(r.out()).size() - 1);
                        assertTrue(last.startsWith("total kB"), "a whole listing ends with its total: " + r.out());
                    } else {
                        // procps: 42 when the process is gone, 1 when a read failed
                        ProcpsRun.assertOneLine(r, r.code() == 42 ? 42 : 1, pid);
                    }
                }
            }
        }
    }
}
