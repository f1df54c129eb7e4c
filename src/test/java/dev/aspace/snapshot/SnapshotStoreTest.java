package dev.aspace.snapshot;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SnapshotStoreTest {

    @TempDir
    Path dir;

    private static Snapshot liveSnapshot() {
        try (LiveProcess p = LiveProcess.sleep()) {
            return RealSnapshots.live(p.pid());
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void saveThenLoadGivesTheSnapshotFromTheFile() throws IOException {
        Snapshot s = liveSnapshot();
        Path file = dir.resolve("run1.json");
        SnapshotStore.save(s, file);
        Snapshot back = SnapshotStore.load(file);
        assertEquals(new Source(Source.Type.FILE, file.toString()), back.source());
        assertEquals(s.withSource(back.source()), back);
        assertEquals(List.of("run1.json"), files(), "no temporary file is left");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void replacingKeepsTheOldFilesMode() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Snapshot s = RealSnapshots.importedWithSmaps();
        SnapshotStore.save(s, file);
        assertEquals(s.withSource(new Source(Source.Type.FILE, file.toString())), SnapshotStore.load(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void failedSaveInAReadOnlyDirectoryLeavesTheOldFileByteIdentical() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("locked"));
        Path file = sub.resolve("run.json");
        SnapshotStore.save(RealSnapshots.importedWithSmaps(), file);
        byte[] before = Files.readAllBytes(file);
        boolean immutable = lock(sub);
        try {
            SaveFailedException e = assertThrows(SaveFailedException.class,
                    () -> SnapshotStore.save(liveSnapshot(), file));
            assertTrue(e.getMessage().startsWith("cannot save " + file + ": cannot create a file in " + sub),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith(file + " was left as it was"), e.getMessage());
            assertEquals(1, e.exitCode());
        } finally {
            unlock(sub, immutable);
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> s = Files.list(sub)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    /**
     * Makes a directory unwritable: chmod is enough for a normal user; root ignores it, so as
     * root the directory is made immutable (chattr +i, ext4 and xfs). Returns true for chattr.
     */
    private static boolean lock(Path d) throws Exception {
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(d) && !probeWritable(d)) {
            return false;
        }
        int rc = new ProcessBuilder("chattr", "+i", d.toString()).redirectErrorStream(true).start().waitFor();
        assumeTrue(rc == 0 && !probeWritable(d),
                "cannot make a directory unwritable here (root, and chattr +i not supported by this file system)");
        return true;
    }

    private static boolean probeWritable(Path d) {
        try {
            Files.delete(Files.createTempFile(d, "probe", ""));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void unlock(Path d, boolean immutable) throws Exception {
        if (immutable) {
            new ProcessBuilder("chattr", "-i", d.toString()).start().waitFor();
        }
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A snapshot whose writing fails half way (one smaps key in kB in one region, not in another). */
    @Test
    void saveThatFailsWhileWritingLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("run.json");
        SnapshotStore.save(RealSnapshots.importedWithSmaps(), file);
        byte[] before = Files.readAllBytes(file);
        Snapshot s = RealSnapshots.importedWithSmaps();
        List<Region> regions = new ArrayList<>(s.regions());
        Region last = regions.get(regions.size() - 1);
        SmapsLayout layout = last.smaps().layout();
        List<Boolean> flipped = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            flipped.add(!layout.isKilobytes(i));
        }
        regions.set(regions.size() - 1, last.withSmaps(new Smaps(new SmapsLayout(layout.keys(), flipped),
                last.smaps().values(), last.smaps().vmFlags())));
        SaveFailedException e = assertThrows(SaveFailedException.class,
                () -> SnapshotStore.save(s.withRegions(regions), file));
        assertTrue(e.getMessage().contains("was left as it was"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("run.json"), files());
    }

    @Test
    void savingOntoADirectoryFails() throws IOException {
        Path d = Files.createDirectory(dir.resolve("d.json"));
        SaveFailedException e = assertThrows(SaveFailedException.class,
                () -> SnapshotStore.save(RealSnapshots.importedWithSmaps(), d));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void loadingMalformedFilesNamesTheFileAndThePath() throws IOException {
        Path file = dir.resolve("bad.json");
        ByteArrayOutputStream v1 = new ByteArrayOutputStream();
        SnapshotCodec.writeVersion1(RealSnapshots.importedWithSmaps(), v1);
        String json = v1.toString(StandardCharsets.UTF_8);
        String[][] cases = {
                {json.replace("\"version\" : 1", "\"version\" : 7"), "$.version"},
                {json.replaceFirst("\"start\" : \"0x[0-9a-f]+\"", "\"start\" : \"0xq\""), "$.regions[0].start"},
                {json.substring(0, json.length() / 3), null},
                {"pmap output, not JSON", "$"},
        };
        for (String[] c : cases) {
            Files.writeString(file, c[0], StandardCharsets.UTF_8);
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> SnapshotStore.load(file));
            assertEquals(file.toString(), e.source());
            assertTrue(e.getMessage().startsWith(file + ":$"), e.getMessage());
            if (c[1] != null) {
                assertEquals(c[1], e.location());
            }
        }
        MalformedInputException missing = assertThrows(MalformedInputException.class,
                () -> SnapshotStore.load(dir.resolve("none.json")));
        assertTrue(missing.getMessage().endsWith("none.json: no such file"), missing.getMessage());
    }
}
