package dev.aspace.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.aspace.snapshot.OutputFiles;
import dev.aspace.snapshot.SaveFailedException;
import dev.aspace.snapshot.series.SeriesReader;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.testutil.SpecialFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every writer of the CLI (snapshot, render, import, record) replaces only an ordinary file or
 * creates a new one, never writes through a link, gives new files {@code 0666 & ~umask} and keeps
 * a replaced file's mode. Special files are made here, in a temporary directory, never the
 * system's own.
 */
class OutputSafetyTest {

    /** umask(2), to give new files a mode the old code could not have guessed. */
    interface C extends Library {
        C LIBC = Native.load("c", C.class);

        int umask(int mask);
    }

    private static LiveProcess sleeper;

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void startSleeper() {
        sleeper = LiveProcess.sleep();
    }

    @AfterAll
    static void stopSleeper() {
        sleeper.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Each writer's command line, writing to {@code target}. */
    private List<String[]> writers(Path target, boolean overwrite) {
        String pid = Integer.toString(sleeper.pid());
        String text = Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt").toString();
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"snapshot", pid, "-o", target.toString()});
        all.add(new String[] {"render", text, "-o", target.toString()});
        all.add(new String[] {"import", text, "-o", target.toString()});
        all.add(overwrite ? new String[] {"record", pid, "-o", target.toString(), "--count", "1", "--overwrite"}
                : new String[] {"record", pid, "-o", target.toString(), "--count", "1"});
        return all;
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void aDeviceFifoSocketOrDirectoryAsOutputIsRefusedInOneLineAndLeftAsItWas() throws Exception {
        List<Path> specials = new ArrayList<>();
        specials.add(SpecialFiles.fifo(dir.resolve("fifo.svg")));
        Path folder = Files.createDirectory(dir.resolve("folder.svg"));
        specials.add(folder);
        specials.add(SpecialFiles.socket(dir.resolve("socket.svg")));
        if (SpecialFiles.root()) {
            specials.add(SpecialFiles.charDevice(dir.resolve("null.svg"), 1, 3)); // a device like /dev/null
        }
        for (Path special : specials) {
            int before = mode(special);
            for (String[] args : writers(special, true)) {
                String what = String.join(" ", args);
                assertEquals(2, run(args), what + ": " + err);
                String line = err.toString();
                assertEquals(1, line.lines().count(), what + ": " + line);
                assertTrue(line.startsWith("aspace: cannot "), what + ": " + line);
                assertTrue(line.contains(special + ": it is a"), what + ": " + line);
                assertTrue(line.contains("not an ordinary file"), what + ": " + line);
                assertEquals(before, mode(special), what + " changed " + special);
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(specials.size(), left.count(), "no temporary file is left");
        }
    }

    @Test
    void renameWritersReplaceALinkItselfAndNeverWriteThroughIt() throws Exception {
        for (String[] args : writers(dir.resolve("out.svg"), true).subList(0, 3)) {
            Path victim = dir.resolve("victim-" + args[0]);
            Files.writeString(victim, "precious");
            Path link = dir.resolve("out.svg");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, victim);
            assertEquals(0, run(args), String.join(" ", args) + ": " + err);
            assertEquals("precious", Files.readString(victim), args[0] + " wrote through the link");
            assertTrue(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS), args[0] + " left the link in place");
        }
    }

    @Test
    void recordRefusesALinkAsItsOutputAndLeavesWhatItPointsTo() throws Exception {
        Path victim = dir.resolve("victim.jsonl");
        Files.writeString(victim, "precious");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), victim);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.jsonl"), dir.resolve("created-through-link"));
        for (Path target : List.of(link, dangling)) {
            for (boolean overwrite : new boolean[] {false, true}) {
                String[] args = writers(target, overwrite).get(3);
                assertEquals(2, run(args), err.toString());
                assertEquals(1, err.toString().lines().count(), err.toString());
                assertTrue(err.toString().contains(target + ": it is a symbolic link"), err.toString());
                assertTrue(Files.isSymbolicLink(target));
            }
        }
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.exists(dir.resolve("created-through-link")));
    }

    @Test
    void newFilesGetTheUmaskAndReplacedFilesKeepTheirMode() throws Exception {
        int old = C.LIBC.umask(027);
        try {
            String[] names = {"new.json", "new.svg", "new.json", "new.jsonl"};
            List<String[]> all = writers(dir, false);
            for (int i = 0; i < all.size(); i++) {
                Path target = dir.resolve(i + names[i]);
                String[] args = all.get(i);
                args[3] = target.toString();
                assertEquals(0, run(args), String.join(" ", args) + ": " + err);
                assertEquals(0640, mode(target) & 07777, args[0] + " made " + Integer.toOctalString(mode(target)));

                Files.setAttribute(target, "unix:mode", 0604);
                String[] again = writers(target, true).get(i);
                assertEquals(0, run(again), String.join(" ", again) + ": " + err);
                assertEquals(0604, mode(target) & 07777, args[0] + " replaced the mode");
            }
        } finally {
            C.LIBC.umask(old);
        }
    }

    @Test
    void recordOverAnExistingFileNeedsOverwriteAndSaysSo() throws Exception {
        Path file = dir.resolve("old.jsonl");
        Files.writeString(file, "an older recording\n");
        assertEquals(2, run(writers(file, false).get(3)), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains(file + ": it exists; add --overwrite to replace it"), err.toString());
        assertEquals("an older recording\n", Files.readString(file));

        assertEquals(0, run(writers(file, true).get(3)), err.toString());
        assertEquals(1, SeriesReader.open(file).size());
    }

    @Test
    void temporaryFilesGoOnAnyFailureOutOfMemoryIncluded() throws Exception {
        Path target = dir.resolve("out.svg");
        Files.writeString(target, "old");
        assertThrows(OutOfMemoryError.class, () -> OutputFiles.writeAtomically(target, "write", o -> {
            o.write(new byte[100_000]);
            throw new OutOfMemoryError("Java heap space");
        }));
        SaveFailedException e = assertThrows(SaveFailedException.class,
                () -> OutputFiles.writeAtomically(target, "write", o -> {
                    throw new IllegalStateException("the picture could not be drawn");
                }));
        assertEquals("cannot write " + target + ": the picture could not be drawn; " + target + " was left as it was",
                e.getMessage());
        assertEquals("old", Files.readString(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList());
        }
    }

    @Test
    void aWriteThatFailsNamesTheUsersPathAndTheReasonNeverTheTemporaryFile() throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("out.svg");
        assertEquals(1, run(writers(missing, true).get(1)), err.toString());
        assertEquals("aspace: cannot write " + missing + ": cannot create a file in " + missing.getParent()
                + " (no such directory: " + missing.getParent() + ")\n", err.toString());

        Path notADir = Files.writeString(dir.resolve("plain"), "x").resolve("out.json");
        assertEquals(1, run(writers(notADir, true).get(0)), err.toString());
        assertTrue(err.toString().contains("Not a directory"), err.toString());
        assertFalse(err.toString().contains(".tmp"), err.toString());
    }
}
