package dev.aspace.ui.files;

import dev.aspace.model.AspaceException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentFilesTest {

    private static final Path A = Path.of("/data/a.json");
    private static final Path B = Path.of("/data/b.txt");
    private static final Path C = Path.of("/data/c.json");

    @Test
    void theFileAddedLastComesFirst() {
        RecentFiles r = RecentFiles.empty().add(A).add(B).add(C);
        assertEquals(List.of(C, B, A), r.entries());
    }

    @Test
    void addingAFileAgainMovesItToTheFrontWithoutADuplicate() {
        RecentFiles r = RecentFiles.empty().add(A).add(B).add(C).add(A);
        assertEquals(List.of(A, C, B), r.entries());
    }

    @Test
    void twoSpellingsOfOnePathAreOneEntry() {
        RecentFiles r = RecentFiles.empty().add(A).add(Path.of("/data/x/../a.json"));
        assertEquals(List.of(A), r.entries());
        Path relative = Path.of("run1.json");
        RecentFiles rel = RecentFiles.empty().add(relative).add(relative.toAbsolutePath());
        assertEquals(List.of(relative.toAbsolutePath()), rel.entries(), "relative paths are kept absolute");
    }

    @Test
    void theOldestFallsOffPastTheLimit() {
        RecentFiles r = RecentFiles.empty();
        List<Path> added = new ArrayList<>();
        for (int i = 0; i < RecentFiles.LIMIT + 3; i++) {
            Path p = Path.of("/data/run" + i + ".json");
            added.add(0, p);
            r = r.add(p);
        }
        assertEquals(RecentFiles.LIMIT, r.entries().size());
        assertEquals(added.subList(0, RecentFiles.LIMIT), r.entries());
    }

    @Test
    void removeAndRetainDropEntries() {
        RecentFiles r = RecentFiles.empty().add(A).add(B).add(C);
        assertEquals(List.of(C, A), r.remove(B).entries());
        assertEquals(List.of(C, A), r.retain(p -> p.toString().endsWith(".json")).entries());
    }

    @Test
    void formatAndParseRoundTrip() {
        RecentFiles r = RecentFiles.empty().add(A).add(Path.of("/data/with space/ü.txt")).add(C);
        assertEquals(r, RecentFiles.parse(r.format()));
    }

    @Test
    void parseSkipsBlankRelativeAndDuplicateLines() {
        RecentFiles r = RecentFiles.parse("/data/a.json\n\n  \nrelative.txt\n/data/a.json\n/data/b.txt\n");
        assertEquals(List.of(A, B), r.entries());
    }

    @Test
    void aPathWithALineBreakIsNotWrittenSoTheListStaysReadable() {
        RecentFiles r = RecentFiles.empty().add(A).add(Path.of("/data/two\nlines.json"));
        assertEquals(List.of(A), RecentFiles.parse(r.format()).entries());
    }

    @Test
    void theStoreKeepsTheListAcrossRuns(@TempDir Path dir) {
        RecentFilesStore store = new RecentFilesStore(dir.resolve("cfg/aspace/recent-files"));
        assertTrue(store.load().isEmpty(), "nothing saved yet");
        RecentFiles r = RecentFiles.empty().add(A).add(B);
        store.save(r);
        assertEquals(r, new RecentFilesStore(store.file()).load());
        store.save(r.add(C));
        assertEquals(List.of(C, B, A), store.load().entries());
    }

    @Test
    void anUnreadableStoreSaysWhichFileAndWhatToDo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("recent-files");
        Files.createDirectory(f); // a directory where the file should be
        AspaceException e = Assertions.assertThrows(
                AspaceException.class, () -> new RecentFilesStore(f).load());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void theStoreFollowsXdgConfigHome() {
        assertEquals(Path.of("/cfg/aspace/recent-files"),
                RecentFilesStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/cfg"), "/home/u"));
        assertEquals(Path.of("/home/u/.config/aspace/recent-files"), RecentFilesStore.defaultFile(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.config/aspace/recent-files"),
                RecentFilesStore.defaultFile(Map.of("XDG_CONFIG_HOME", "relative/cfg"), "/home/u"),
                "a relative XDG_CONFIG_HOME is ignored, as the XDG spec says");
    }
}
