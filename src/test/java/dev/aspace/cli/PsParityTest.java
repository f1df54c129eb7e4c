package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * aspace ps against procps-ng {@code ps auxw} for processes this test starts and stops: the
 * header and, for each of them, USER, PID, VSZ, RSS, TTY, STAT, START, TIME and COMMAND exactly
 * and in the same place. %MEM is a ratio over a moving total, so it may differ by 0.1; %CPU is
 * CPU time over the whole seconds the process has lived, and the processes here are about five
 * seconds old, so the clock moving by a second between the two reads may change it by half (never
 * upwards: aspace reads after ps).
 */
class PsParityTest {

    @Test
    void startedProcessesAppearAsPsShowsThem() throws InterruptedException {
        assumeTrue(ProcpsRun.has("ps"), "procps ps is not installed");
        try (LiveProcess sleep = LiveProcess.sleep();
             LiveProcess threads = LiveProcess.startHelper("threads_maps");
             LiveProcess bash = LiveProcess.start("bash", "-c", "echo ready; read -r line")) {
            bash.awaitLine("ready", Duration.ofSeconds(10));
            Thread.sleep(5000); // old enough that a second between the two reads moves %CPU little
            sleep.stop();
            threads.stop();
            bash.stop();
            List<String> expected = ProcpsRun.lines(ProcpsRun.real(List.of("ps", "auxw")));
            ProcpsRun.Result r = ProcpsRun.aspace("ps");
            assertEquals(0, r.code(), r.err());
            List<String> actual = r.lines();
            assertEquals(expected.get(0), actual.get(0), "header");
            for (LiveProcess p : List.of(sleep, threads, bash)) {
                String e = row(expected, p.pid());
                String a = row(actual, p.pid());
                assertNotNull(e, "ps lists " + p.pid());
                assertNotNull(a, "aspace ps lists " + p.pid() + ":\n" + r.out());
                compare(e, a);
            }
        }
    }

    private static void compare(String e, String a) {
        String msg = "\nexpected: " + e + "\nactual:   " + a;
        if (e.equals(a)) {
            return;
        }
        String[] te = e.trim().split(" +", 11);
        String[] ta = a.trim().split(" +", 11);
        for (int c = 0; c < 11; c++) {
            if (c == 2) {
                double x = Double.parseDouble(te[c]);
                double y = Double.parseDouble(ta[c]);
                assertTrue(y <= x + 0.11 && y >= x / 2 - 0.11, msg + "\n(%CPU)");
            } else if (c == 3) {
                assertTrue(Math.abs(Double.parseDouble(te[c]) - Double.parseDouble(ta[c])) <= 0.11, msg);
            } else {
                assertEquals(te[c], ta[c], msg);
            }
        }
        // the same place: only a %CPU or %MEM that changed width may move the rest
        assertEquals(e.length() - te[10].length(), a.length() - ta[10].length(), msg);
    }

    private static String row(List<String> lines, int pid) {
        for (String l : lines.subList(1, lines.size())) {
            String[] t = l.trim().split(" +", 3);
            if (t.length > 1 && t[1].equals(Integer.toString(pid))) {
                return l;
            }
        }
        return null;
    }
}
