package dev.aspace.demo;

import dev.aspace.backend.linux.CgroupSandbox;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.cli.AspaceCommand;
import dev.aspace.demo.MemoryUserCommandTest.Run;
import dev.aspace.testutil.SpecialFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * memory-user's child on real processes: file blocks that cannot fit are refused before they are
 * mapped, the files of a child that died any way are removed by its parent, and the CLI says in
 * one line why its child died.
 */
class MemoryUserDeathTest {

    private static final Pattern DECIMAL_UNITS = Pattern.compile("\\b[0-9.]+ ?[KMGT]B\\b");

    @TempDir
    Path dir;

    private Path disk;

    /** A tmpfs of {@code size} below the test's own directory (root only), unmounted after. */
    private Path smallDisk(String size) {
        assumeTrue(SpecialFiles.root(), "mounting a tmpfs needs root");
        disk = dir.resolve("disk");
        try {
            Files.createDirectory(disk);
            SpecialFiles.run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString());
        } catch (IOException | RuntimeException e) {
            disk = null;
            assumeTrue(false, "cannot mount a tmpfs here: " + e.getMessage());
        }
        return disk;
    }

    @AfterEach
    void unmount() {
        if (disk != null) {
            SpecialFiles.run("umount", disk.toString());
        }
    }

    private static List<Path> childFiles(Path in, String prefix, int pid) throws IOException {
        try (var files = Files.list(in)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix + pid + "-")).toList();
        }
    }

    @Test
    void aFileBlockLargerThanItsFilesystemsFreeSpaceIsRefusedBeforehand() throws Exception {
        Path small = smallDisk("1m");
        try (MemoryUserController c = MemoryUserController.start(small)) {
            MemoryUserException e = assertThrows(MemoryUserException.class, () -> c.allocate(BlockKind.FILE, 4L << 20));
            String m = e.getMessage();
            assertTrue(m.startsWith("a block of 4.0 MiB does not fit in " + small + ": its filesystem (tmpfs) has only "),
                    m);
            assertTrue(m.contains("1.0 MiB free") || m.matches(".*has only [0-9.]+ KiB free.*"), m);
            assertFalse(DECIMAL_UNITS.matcher(m).find(), m);
            assertTrue(c.isAlive(), "refused, not killed");
            assertEquals(List.of(), childFiles(small, "aspace-file-", c.pid()), "no file left");
            Block fits = c.allocate(BlockKind.FILE, 512 << 10);
            c.touch(fits, 100);
            assertTrue(c.isAlive());
        }
    }

    @Test
    void anShmBlockLargerThanDevShmIsRefusedBeforehand() throws Exception {
        long free = Files.getFileStore(ChildFiles.SHM).getUsableSpace();
        try (MemoryUserController c = MemoryUserController.start(dir)) {
            long ask = free + (1L << 30);
            MemoryUserException e = assertThrows(MemoryUserException.class, () -> c.allocate(BlockKind.SHM, ask));
            assertTrue(e.getMessage().startsWith("a block of " + Sizes.human(ask) + " does not fit in /dev/shm:"
                    + " its filesystem (tmpfs) has only "), e.getMessage());
            assertTrue(e.getMessage().contains(" GiB free"), e.getMessage());
            assertFalse(DECIMAL_UNITS.matcher(e.getMessage()).find(), e.getMessage());
            assertTrue(c.isAlive());
            assertEquals(List.of(), childFiles(ChildFiles.SHM, "aspace-shm-", c.pid()));
        }
    }

    @Test
    void whenTheChildDiesOfSigbusOnAFullDiskItsParentRemovesItsFile() throws Exception {
        Path small = smallDisk("1m");
        try (MemoryUserController c = MemoryUserController.start(small)) {
            Block b = c.allocate(BlockKind.FILE, 768 << 10);
            assertEquals(1, childFiles(small, "aspace-file-", c.pid()).size());
            // someone else fills the disk after the block was made: its pages can no longer be backed
            try (OutputStream out = Files.newOutputStream(small.resolve("filler"))) {
                byte[] chunk = new byte[64 << 10];
                for (int i = 0; i < 64; i++) {
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException full) {
                // No space left on device: as meant
            }
            assertThrows(MemoryUserException.class, () -> c.touch(b, 100));
            ChildExit exit = c.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(exit.describe().contains("killed by SIGBUS (signal 7)"), exit.describe());
            assertEquals(List.of(), childFiles(small, "aspace-file-", exit.pid()), "the parent removed the child's file");
        }
    }

    @Test
    void whenTheChildIsKilledItsParentRemovesItsFileAndShmBlocks() throws Exception {
        try (MemoryUserController c = MemoryUserController.start(dir)) {
            c.allocate(BlockKind.FILE, 1 << 20);
            c.allocate(BlockKind.SHM, 1 << 20);
            int pid = c.pid();
            assertEquals(1, childFiles(dir, "aspace-file-", pid).size());
            assertEquals(1, childFiles(ChildFiles.SHM, "aspace-shm-", pid).size());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL: the child cannot clean up
            ChildExit exit = c.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(exit.describe().contains("SIGKILL"), exit.describe());
            assertEquals(List.of(), childFiles(dir, "aspace-file-", pid));
            assertEquals(List.of(), childFiles(ChildFiles.SHM, "aspace-shm-", pid));
        }
    }

    // ---- the CLI --------------------------------------------------------------------------------

    private static Run run(String... args) {
        return MemoryUserCommandTest.run(args);
    }

    /** Runs the CLI in a thread; {@code whenStarted} gets the child's pid once it printed it. */
    private static Run runAndThen(IntConsumer whenStarted, String... args) throws Exception {
        PipedReader pipe = new PipedReader(1 << 16);
        StringWriter err = new StringWriter();
        StringBuilder out = new StringBuilder();
        AtomicInteger code = new AtomicInteger(-1);
        PrintWriter pw = new PrintWriter(new PipedWriter(pipe), true);
        Thread t = new Thread(() -> {
            code.set(AspaceCommand.run(pw, new PrintWriter(err), args));
            pw.close();
        });
        t.start();
        BufferedReader r = new BufferedReader(pipe);
        String first = r.readLine();
        out.append(first).append('\n');
        whenStarted.accept(Integer.parseInt(first.replaceFirst("^memory-user: pid (\\d+),.*", "$1")));
        for (String line; (line = r.readLine()) != null; ) {
            out.append(line).append('\n');
        }
        t.join(Duration.ofSeconds(60).toMillis());
        assertFalse(t.isAlive(), "the CLI ended");
        return new Run(code.get(), out.toString(), err.toString());
    }

    private static void signal(int pid, String name) {
        SpecialFiles.run("kill", "-" + name, Integer.toString(pid));
    }

    @Test
    void theCliSaysInOneLineWhichSignalKilledItsChild() throws Exception {
        for (String sig : List.of("SEGV", "TERM", "BUS", "KILL")) {
            int[] pid = new int[1];
            Run r = runAndThen(p -> {
                pid[0] = p;
                signal(p, sig);
            }, "memory-user", "4", "60");
            assertEquals(1, r.code(), sig + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("aspace: memory-user: memory-user " + pid[0] + " was killed by SIG" + sig
                    + " (signal "), r.err());
        }
    }

    @Test
    void theCliNamesTheOomKillerWhenItEndedTheChild() throws Exception {
        CgroupSandbox box;
        try {
            box = CgroupSandbox.create(ProcPath.SYSTEM, 24L << 20);
        } catch (RuntimeException e) {
            assumeTrue(false, "cannot make a cgroup here: " + e.getMessage());
            return;
        }
        try (box) {
            // the command line wrapper writes "$$" to the cgroup's procs file, its argument 3
            Path procs = Path.of(box.wrap(List.of()).get(3));
            // a paced walk: the pages touched after the move are charged to the 24 MiB cgroup
            Run r = runAndThen(p -> {
                try {
                    Files.writeString(procs, Integer.toString(p));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "memory-user", "128", "60", "--rate", "64", "--touch", "once");
            assertEquals(1, r.code(), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("was killed by the kernel's OOM killer"), r.err());
        }
    }

    @Test
    void helpVersionAndTheOvercommitRefusal() {
        Run help = run("memory-user", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: aspace memory-user "), help.out());
        assertTrue(help.out().contains("--allow-overcommit"), help.out());
        Run version = run("memory-user", "-V");
        assertEquals(0, version.code(), version.err());
        assertEquals(run("-V").out(), version.out());
        Run refused = run("memory-user", "64T");
        assertEquals(1, refused.code());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("; --allow-overcommit does it anyway"), refused.err());
        assertTrue(refused.err().contains("refusing to allocate 64.0 TiB: only ") && refused.err().contains(" GiB is available"),
                refused.err());
        assertFalse(DECIMAL_UNITS.matcher(refused.err()).find(), refused.err());
    }

    @Test
    void gibibytesAreNeverPrintedAsGigabytes() {
        Run r = run("memory-user", "2G", "0.5", "--touch", "none");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2.0 GiB via mmap"), r.out());
        assertFalse(DECIMAL_UNITS.matcher(r.out() + r.err()).find(), r.out() + r.err());
    }
}
