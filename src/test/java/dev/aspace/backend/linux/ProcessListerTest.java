package dev.aspace.backend.linux;

import dev.aspace.backend.ProcessRow;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ProcessLister against the real {@code ps auxw} (procps-ng) on processes the test starts. */
class ProcessListerTest {

    private final ProcessLister lister = new ProcessLister(ProcPath.SYSTEM, UserNames.system());

    /** ps's own line for one PID: USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND. */
    private static String[] ps(int pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ps", "auxw", "-q", Integer.toString(pid)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, "ps printed: " + out);
        return lines[1].trim().split(" +", 11);
    }

    private static void assertSameAsPs(ProcessRow row, String[] ps) {
        String where = String.join(" ", ps);
        assertEquals(ps[0], row.user().length() > 8 ? row.user().substring(0, 7) + "+" : row.user(), where);
        assertEquals(Integer.parseInt(ps[1]), row.pid(), where);
        assertEquals(Long.parseLong(ps[4]), row.vsz(), "VSZ " + where);
        assertEquals(Long.parseLong(ps[5]), row.rss(), "RSS " + where);
        assertEquals(ps[6], row.tty(), "TTY " + where);
        assertEquals(ps[7], row.stat(), "STAT " + where);
        assertEquals(ps[8], row.start(), "START " + where);
        assertEquals(ps[9], row.time(), "TIME " + where);
        assertEquals(ps[10], row.command(), "COMMAND " + where);
        assertEquals(Double.parseDouble(ps[3]), row.memPercent(), "%MEM " + where);
    }

    @Test
    void stoppedSleepIsWhatPsSays() throws Exception {
        try (LiveProcess sleep = LiveProcess.sleep()) {
            sleep.stop();
            ProcessRow row = lister.row(sleep.pid());
            assertSameAsPs(row, ps(sleep.pid()));
            assertEquals("T", row.stat());
            assertTrue(row.readable());
            assertEquals("", row.whyNot());
        }
    }

    @Test
    void multiThreadedNicedProcessHasItsFlags() throws Exception {
        try (LiveProcess p = LiveProcess.start("nice", "-n", "5", LiveProcess.testHelper("threads_maps").toString(), "3")) {
            p.awaitLine("ready", Duration.ofSeconds(30));
            p.stop();
            ProcessRow row = lister.row(p.pid());
            assertSameAsPs(row, ps(p.pid()));
            assertEquals("TNl", row.stat(), "stopped, niced, multi-threaded");
        }
    }

    @Test
    void kernelThreadShowsItsNameInBrackets() throws Exception {
        ProcessRow row = lister.row(2);
        assertSameAsPs(row, ps(2));
        assertEquals("[kthreadd]", row.command());
        assertEquals(0, row.vsz());
    }

    @Test
    void listHoldsEveryProcessSortedByPid() {
        try (LiveProcess sleep = LiveProcess.sleep()) {
            List<ProcessRow> rows = lister.list();
            assertTrue(rows.stream().anyMatch(r -> r.pid() == sleep.pid() && r.command().equals("sleep 600")));
            assertTrue(rows.stream().anyMatch(r -> r.pid() == 1));
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i - 1).pid() < rows.get(i).pid());
            }
        }
    }

    @Test
    void timeAndTtyFormats() {
        assertEquals("0:00", ProcessLister.time(0));
        assertEquals("1:05", ProcessLister.time(65));
        assertEquals("125:00", ProcessLister.time(7500));
        assertEquals("?", ProcessLister.tty(0));
        assertEquals("pts/3", ProcessLister.tty(136 << 8 | 3));
        assertEquals("pts/259", ProcessLister.tty(137 << 8 | 3));
        assertEquals("tty2", ProcessLister.tty(4 << 8 | 2));
        assertEquals("ttyS0", ProcessLister.tty(4 << 8 | 64));
    }

    @Test
    void startIsTheTimeTodayTheDateEarlierThisYearAndTheYearBefore() {
        ZoneId utc = ZoneId.of("UTC");
        long now = Instant.parse("2026-12-05T00:28:00Z").getEpochSecond();
        assertEquals("00:05", ProcessLister.start(Instant.parse("2026-12-05T00:05:00Z").getEpochSecond(), now, utc));
        assertEquals("Dec04", ProcessLister.start(Instant.parse("2026-12-04T22:10:00Z").getEpochSecond(), now, utc),
                "started yesterday, less than a day ago: ps shows the date, as procps' pr_stime does");
        assertEquals("Jan01", ProcessLister.start(Instant.parse("2026-01-01T10:00:00Z").getEpochSecond(), now, utc));
        assertEquals("2025", ProcessLister.start(Instant.parse("2025-12-31T23:00:00Z").getEpochSecond(), now, utc));
    }
}
