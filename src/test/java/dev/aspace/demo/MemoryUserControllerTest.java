package dev.aspace.demo;

import dev.aspace.testutil.Await;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The child's life: started ready, refuses bad commands in one line, never outlives its parent. */
class MemoryUserControllerTest {

    @Test
    void theProgramIsFoundBesideTheClassesOrTheJarElseWhereThePropertySays() {
        assertEquals(Path.of("/src/aspace/target/native/memory-user"),
                MemoryUserController.program("", Path.of("/src/aspace/target/classes")), "mvn javafx:run, the tests");
        assertEquals(Path.of("/src/aspace/target/native/memory-user"),
                MemoryUserController.program("", Path.of("/src/aspace/target/aspace.jar")), "java -jar target/aspace.jar");
        assertEquals(Path.of("/opt/aspace/lib/app/native/memory-user"),
                MemoryUserController.program("", Path.of("/opt/aspace/lib/app/aspace.jar")), "the installed app");
        assertEquals(Path.of("/elsewhere/mu"), MemoryUserController.program("/elsewhere/mu", Path.of("/opt/x.jar")));
    }

    @Test
    void aMissingProgramIsOneClearMessageNamingItAndTheFix(@TempDir Path dir) {
        Path gone = dir.resolve("memory-user");
        String before = System.getProperty(MemoryUserController.PROGRAM_PROPERTY);
        try {
            System.setProperty(MemoryUserController.PROGRAM_PROPERTY, gone.toString());
            MemoryUserException e = assertThrows(MemoryUserException.class, MemoryUserController::start);
            assertEquals("the memory-user program is missing: no executable " + gone
                    + " (mvn compile builds it with gcc; or name it with -Daspace.memoryUser=PATH)", e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(MemoryUserController.PROGRAM_PROPERTY);
            } else {
                System.setProperty(MemoryUserController.PROGRAM_PROPERTY, before);
            }
        }
    }

    @Test
    void startReturnsAReadyChildWithOomScoreAdj1000() throws Exception {
        try (MemoryUserController c = MemoryUserController.start()) {
            assertTrue(c.isAlive());
            Path proc = Path.of("/proc", Integer.toString(c.pid()));
            assertEquals("1000", Files.readString(proc.resolve("oom_score_adj")).trim());
            // the C program Maven built, not a JVM
            assertEquals(Path.of("target/native/memory-user").toAbsolutePath(), Files.readSymbolicLink(proc.resolve("exe")));
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
        Await.until("process " + pid + " gone", Duration.ofSeconds(30),
                () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true) || isZombie(pid));
    }

    private static boolean isZombie(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException e) {
            return true;
        }
    }
}
