package dev.aspace.demo;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The child's life: started ready, refuses bad commands in one line, never outlives its parent. */
class MemoryUserControllerTest {

    @Test
    void theChildRunsThisRuntimesJavaNotTheLauncherOfTheApp(@org.junit.jupiter.api.io.TempDir Path image)
            throws Exception {
        // the installed app's layout: this process's command is the aspace launcher, which would
        // read the child's JVM options as its own arguments and exit
        Path runtime = Files.createDirectories(image.resolve("lib/runtime/bin")).getParent();
        Path java = Files.createFile(runtime.resolve("bin/java"));
        java.toFile().setExecutable(true);
        Optional<String> launcher = Optional.of(image.resolve("bin/aspace").toString());
        assertEquals(java.toString(), MemoryUserController.javaCommand(runtime, launcher));
        // a runtime stripped of bin/java: only then the command this process runs
        Files.delete(java);
        assertEquals(launcher.get(), MemoryUserController.javaCommand(runtime, launcher));
    }

    @Test
    void theChildTakesItsOwnClassDataArchiveBesideTheAppsElseTheAppsElseNone(
            @org.junit.jupiter.api.io.TempDir Path app) throws Exception {
        Path archive = app.resolve("aspace-0.1.0-123.jsa");
        assertEquals("", MemoryUserController.childArchive(""), "not the installed app: no archive");
        assertEquals("", MemoryUserController.childArchive(archive.toString()), "named but not dumped yet");
        Files.createFile(archive);
        assertEquals(archive.toString(), MemoryUserController.childArchive(archive.toString()));
        Path own = Files.createFile(app.resolve("aspace-0.1.0-123-child.jsa"));
        assertEquals(own.toString(), MemoryUserController.childArchive(archive.toString()));
    }

    @Test
    void theChildSharesTheAppsClassDataArchiveOnlyWhenOneIsThere(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path archive = Files.writeString(dir.resolve("aspace.jsa"), "");
        String before = System.getProperty("aspace.cdsArchive");
        try {
            System.setProperty("aspace.cdsArchive", archive.toString());
            assertTrue(MemoryUserController.command(List.of()).contains("-XX:SharedArchiveFile=" + archive));
            System.setProperty("aspace.cdsArchive", dir.resolve("gone.jsa").toString());
            assertTrue(MemoryUserController.command(List.of()).stream()
                    .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")));
        } finally {
            if (before == null) {
                System.clearProperty("aspace.cdsArchive");
            } else {
                System.setProperty("aspace.cdsArchive", before);
            }
        }
    }

    @Test
    void startReturnsAReadyChildWithOomScoreAdj1000() throws Exception {
        try (MemoryUserController c = MemoryUserController.start()) {
            assertTrue(c.isAlive());
            Path proc = Path.of("/proc", Integer.toString(c.pid()));
            assertEquals("1000", Files.readString(proc.resolve("oom_score_adj")).trim());
            assertTrue(Files.readString(proc.resolve("cmdline")).contains(MemoryUserChild.class.getName()));
            assertEquals(ProcessHandle.current().pid(), ProcessHandle.of(c.pid()).orElseThrow().parent().orElseThrow().pid());
        }
    }

    @Test
    void badCommandsGetOneLineErrorsAndTheChildLivesOn() {
        try (MemoryUserController c = MemoryUserController.start()) {
            Block fake = new Block(99, BlockKind.MMAP, 0x1000, 4096, "");
            MemoryUserException e = assertThrows(MemoryUserException.class, () -> c.touch(fake, 100));
            assertEquals("no block 99 (allocate one first; freed blocks are gone)", e.getMessage());
            assertThrows(MemoryUserException.class, () -> c.allocate(BlockKind.MMAP, -5));
            MemoryUserException lib = assertThrows(MemoryUserException.class, () -> c.loadLibrary("libno-such-lib.so.7"));
            assertTrue(lib.getMessage().startsWith("dlopen(libno-such-lib.so.7) failed"), lib.getMessage());
            assertTrue(c.isAlive());
            assertEquals(Integer.toString(c.pid()), c.request("ping").get("pid"));
        }
    }

    @Test
    void childExitsWhenItsStdinCloses() throws Exception {
        MemoryUserController c = MemoryUserController.start();
        Block b = c.allocate(BlockKind.SHM, 1 << 20);
        int fork = c.fork();
        assertTrue(Files.exists(Path.of(b.path())));
        c.close();
        ChildExit exit = c.onExit().get(30, TimeUnit.SECONDS);
        assertEquals(0, exit.exitCode(), "exit by itself on EOF, not by the SIGKILL fallback");
        assertTrue(exit.expected());
        assertFalse(Files.exists(Path.of(b.path())), "its /dev/shm file is removed");
        awaitGone(fork);
    }

    @Test
    void childAndItsForkDieWhenTheParentIsKilledWithSigkill() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        try (LiveProcess parent = LiveProcess.start(java, "-cp", System.getProperty("java.class.path"),
                ControllerHost.class.getName())) {
            String line = parent.readLine();
            assertTrue(line != null && line.startsWith("child "), "host said " + line);
            int child = Integer.parseInt(line.substring(6));
            assertTrue(ProcessHandle.of(child).isPresent());
            parent.process().destroyForcibly();  // SIGKILL: no shutdown hook, no stdin close by Java
            parent.process().waitFor(10, TimeUnit.SECONDS);
            awaitGone(child);
        }
    }

    @Test
    void theAppNoticesWhenTheChildIsKilled() throws Exception {
        try (MemoryUserController c = MemoryUserController.start()) {
            ProcessHandle.of(c.pid()).orElseThrow().destroyForcibly();
            ChildExit exit = c.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(exit.killedBySigkill());
            assertFalse(exit.expected());
            assertTrue(exit.describe().contains("SIGKILL"), exit.describe());
            MemoryUserException e = assertThrows(MemoryUserException.class, () -> c.allocate(BlockKind.MMAP, 4096));
            assertTrue(e.getMessage().contains("SIGKILL"), e.getMessage());
        }
    }

    /** Waits (up to 30 s) until no process has this pid; fails otherwise. */
    static void awaitGone(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true) || isZombie(pid)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("process " + pid + " is still alive");
    }

    private static boolean isZombie(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
