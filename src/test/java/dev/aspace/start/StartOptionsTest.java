package dev.aspace.start;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The -Daspace.* start options, parsed from their values. */
class StartOptionsTest {

    private static StartOptions of(Map<String, String> values) {
        return StartOptions.parse(values::get);
    }

    @Test
    void noneGivenIsTheOrdinaryStart() {
        StartOptions o = of(Map.of());
        assertEquals(-1, o.pid());
        assertFalse(o.linearScale());
        assertNull(o.dark(), "no theme option: the desktop decides");
        assertNull(o.open());
        assertNull(o.screenshot());
        assertEquals(1500, o.screenshotDelayMs());
        assertEquals(List.of(), o.compare());
        assertEquals(0, o.labStep());
        assertEquals(List.of(), o.timeline());
        assertEquals("", o.frames());
        assertEquals("", o.memoryUser());
        assertEquals(List.of(), o.launcherEnv());
    }

    @Test
    void compareNamesTheSnapshotFilesInOrder() {
        assertEquals(List.of(Path.of("run1.json"), Path.of("/tmp/run2.json")),
                of(Map.of("compare", "run1.json, /tmp/run2.json,")).compare());
    }

    @Test
    void labIsAOneBasedStepAndAbsentIsZero() {
        assertEquals(2, of(Map.of("lab", "2")).labStep());
        assertEquals(0, of(Map.of("lab", "-3")).labStep());
        assertEquals(0, of(Map.of("lab", "two")).labStep(), "not a number: not given");
    }

    @Test
    void timelineIsTwoWholeNumbersOrNothing() {
        assertEquals(List.of(3, 7), of(Map.of("timeline", "3, 7")).timeline());
        assertEquals(List.of(), of(Map.of("timeline", "3")).timeline());
        assertEquals(List.of(), of(Map.of("timeline", "3,x")).timeline());
    }

    @Test
    void eachOptionReachesItsField() {
        StartOptions o = of(Map.ofEntries(Map.entry("pid", "42"), Map.entry("scale", "Linear"),
                Map.entry("dark", "true"), Map.entry("startupLog", "/tmp/s.txt"), Map.entry("startupThreads", "true"),
                Map.entry("screenshot", "shot.png"), Map.entry("screenshotDelay", "10"), Map.entry("aslrRuns", "5"),
                Map.entry("open", "a.series"), Map.entry("frames", " sharing "), Map.entry("memoryUser", "/opt/mu"),
                Map.entry("launcherEnv", "GDK_GL,X")));
        assertEquals(42, o.pid());
        assertTrue(o.linearScale());
        assertEquals("true", o.dark());
        assertEquals(Path.of("/tmp/s.txt"), o.startupLog());
        assertTrue(o.startupThreads());
        assertEquals(Path.of("shot.png"), o.screenshot());
        assertEquals(10, o.screenshotDelayMs());
        assertEquals(5, o.aslrRuns());
        assertEquals(Path.of("a.series"), o.open());
        assertEquals("sharing", o.frames());
        assertEquals("/opt/mu", o.memoryUser());
        assertEquals(List.of("GDK_GL", "X"), o.launcherEnv());
    }

    @Test
    void viewIsAHexIntervalWithAnExclusiveEnd() {
        long[] v = of(Map.of("view", "0x1000-2000")).viewInterval();
        assertEquals(0x1000, v[0]);
        assertEquals(0x2000, v[1]);
        assertNull(of(Map.of()).viewInterval());
    }

    @Test
    void readTakesTheSystemProperties() {
        System.setProperty("aspace.aslrRuns", "3");
        try {
            assertEquals(3, StartOptions.read().aslrRuns());
        } finally {
            System.clearProperty("aspace.aslrRuns");
        }
    }
}
