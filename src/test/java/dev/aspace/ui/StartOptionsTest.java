package dev.aspace.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hidden start options the screenshot script uses for the compare view and the lab. */
class StartOptionsTest {

    @AfterEach
    void clear() {
        System.clearProperty("aspace.compare");
        System.clearProperty("aspace.lab");
    }

    @Test
    void compareNamesTheSnapshotFilesInOrder() {
        assertEquals(List.of(), StartOptions.compareFiles());
        System.setProperty("aspace.compare", "run1.json, /tmp/run2.json,");
        assertEquals(List.of(Path.of("run1.json"), Path.of("/tmp/run2.json")), StartOptions.compareFiles());
    }

    @Test
    void labIsAOneBasedStepAndAbsentIsZero() {
        assertEquals(0, StartOptions.labStep());
        System.setProperty("aspace.lab", "2");
        assertEquals(2, StartOptions.labStep());
        System.setProperty("aspace.lab", "-3");
        assertEquals(0, StartOptions.labStep());
    }
}
