package dev.aspace.backend.linux;

import dev.aspace.procfs.MapsText;
import dev.aspace.backend.MemoryBackend.Detail;
import dev.aspace.model.AccessDeniedException;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.model.ThreadInfo;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** LinuxBackend on processes this test starts. */
class LinuxBackendLiveTest {

    private final LinuxBackend backend = new LinuxBackend();

    private static String maps(int pid) throws IOException {
        return Files.readString(Path.of("/proc", Integer.toString(pid), "maps"), StandardCharsets.UTF_8);
    }

    @Test
    void smapsSnapshotOfStoppedSleepEqualsWhatTheKernelPrints() throws IOException {
        try (LiveProcess sleep = LiveProcess.sleep()) {
            sleep.stop();
            Snapshot s = backend.snapshot(sleep.pid(), Detail.SMAPS);
            MapsText.assertSameHeaders(maps(sleep.pid()), s.regions());
            assertTrue(s.regions().stream().allMatch(r -> r.smaps() != null && r.smaps().size() == r.size()));
            assertTrue(s.regions().stream().noneMatch(r -> r.kind() == RegionKind.UNCLASSIFIED), "every region classified");
            assertEquals(RegionKind.MAIN_STACK, s.regions().stream().filter(r -> r.path().equals("[stack]")).findFirst()
                    .orElseThrow().kind());
            assertNotNull(s.rollup());
            long rssSum = s.regions().stream().mapToLong(Region::rss).sum();
            assertEquals(rssSum, s.rollup().rss(), "the kernel's rollup sums the regions of a stopped process");
            assertEquals(Source.live(sleep.pid()), s.source());
            assertEquals("sleep", s.process().comm());
            assertEquals(List.of("sleep", "600"), s.process().cmdline());
            assertEquals("root".equals(System.getProperty("user.name")) ? "root" : System.getProperty("user.name"),
                    s.process().user());
            assertTrue(s.process().state().startsWith("T"), s.process().state());
            assertEquals(s.virtualSize() - vsyscallSize(s), s.process().vmSize(), "VmSize counts every mapping but the vsyscall gate");
            assertEquals(1, s.threads().size());
            assertEquals(sleep.pid(), s.threads().get(0).tid());
            assertEquals(4096, s.machine().pageSize());
            assertTrue(s.memory().memTotal() > 0);
            assertTrue(s.readTime().toNanos() > 0);
        }
    }

    private static long vsyscallSize(Snapshot s) {
        return s.regions().stream().filter(r -> r.path().equals("[vsyscall]")).mapToLong(Region::size).sum();
    }

    @Test
    void mapsSnapshotHasNoSmaps() throws IOException {
        try (LiveProcess sleep = LiveProcess.sleep()) {
            sleep.stop();
            Snapshot s = backend.snapshot(sleep.pid(), Detail.MAPS);
            MapsText.assertSameHeaders(maps(sleep.pid()), s.regions());
            s.regions().forEach(r -> assertNull(r.smaps()));
            assertNull(s.rollup());
        }
    }

    @Test
    void noSuchProcess() throws IOException {
        int pid = unusedPid();
        ProcessGoneException e = assertThrows(ProcessGoneException.class, () -> backend.snapshot(pid, Detail.SMAPS));
        assertEquals("no such process: " + pid + " (check the PID with 'aspace ps')", e.getMessage());
        assertEquals(1, e.exitCode());
    }

    private static int unusedPid() throws IOException {
        // Files.readString gives "3" for /proc/sys/kernel/pid_max on JDK 17 (size 0 files): read it plainly
        int max = Integer.parseInt(ProcFiles.firstLine(Path.of("/proc/sys/kernel/pid_max")).trim());
        for (int pid = max - 1; pid > 1; pid--) {
            if (!Files.exists(Path.of("/proc", Integer.toString(pid)))) {
                return pid;
            }
        }
        throw new IllegalStateException("every pid is in use");
    }

    @Test
    void permissionDeniedForUserNobodyReadingARootProcess(@TempDir Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch to nobody");
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(Files.isExecutable(setpriv), "needs setpriv (util-linux)");
        // nobody cannot read /root/.m2 or maybe the worktree: give it a readable copy of the classes
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path classes = dir.resolve("classes");
        copyTree(Path.of("target/classes"), classes);
        copyTree(Path.of("target/test-classes/dev/aspace/backend/linux"), classes.resolve("dev/aspace/backend/linux"));
        Path jna = dir.resolve("jna.jar");
        Files.copy(Paths.get(Class.forName("com.sun.jna.Native").getProtectionDomain().getCodeSource().getLocation().toURI()), jna);
        makeReadable(dir);
        try (LiveProcess sleep = LiveProcess.sleep()) {
            Process p = new ProcessBuilder(setpriv.toString(), "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classes + ":" + jna, SnapshotAsOtherUser.class.getName(), Integer.toString(sleep.pid()))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(AccessDeniedException.class.getSimpleName() + ": permission denied reading smaps of process "
                    + sleep.pid() + ": run as the same user as the process, as root, or with CAP_SYS_PTRACE", out);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void makeReadable(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** SIGSTOP reaches the threads one by one; a running thread's stack pointer is unknowable. */
    private static void awaitAllThreadsStopped(int pid) throws Exception {
        ThreadReader reader = new ThreadReader(ProcPath.SYSTEM);
        for (int i = 0; i < 500; i++) {
            if (reader.read(pid).stream().allMatch(t -> t.state() == 'T')) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("threads of " + pid + " did not stop: " + reader.read(pid));
    }

    @Test
    void threadStacksLieInsideAnonymousRegions() throws Exception {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "3")) {
            p.stop();
            awaitAllThreadsStopped(p.pid());
            Snapshot s = backend.snapshot(p.pid(), Detail.SMAPS);
            assertEquals(4, s.threads().size());
            assertEquals(p.pid(), s.threads().get(0).tid(), "main thread first");
            List<String> names = new ArrayList<>();
            for (ThreadInfo t : s.threads().subList(1, 4)) {
                names.add(t.name());
                assertTrue(t.stackPointer() != 0, "stack pointer known: " + t);
                Region r = s.regions().stream().filter(x -> x.contains(t.stackPointer())).findFirst().orElseThrow();
                assertTrue(r.isAnonymous() && r.path().isEmpty() && r.perms().read() && r.perms().write(),
                        t + " has its stack in an anonymous rw region, not " + r);
                assertEquals('T', t.state());
                assertEquals(RegionKind.THREAD_STACK, r.kind(), "classified by the thread's stack pointer: " + r);
            }
            assertEquals(List.of("worker-0", "worker-1", "worker-2"), names);
            ThreadInfo main = s.threads().get(0);
            Region mainStack = s.regions().stream().filter(x -> x.contains(main.stackPointer())).findFirst().orElseThrow();
            assertEquals("[stack]", mainStack.path());
        }
    }

    @Test
    void zombieHasAnEmptyAddressSpace() throws Exception {
        // the parent exec's sleep, which never waits for its child: the child stays a zombie
        try (LiveProcess parent = LiveProcess.start("sh", "-c", "sleep 0.1 & echo $!; exec sleep 600")) {
            int child = Integer.parseInt(parent.readLine().trim());
            Path stat = Path.of("/proc", Integer.toString(child), "stat");
            for (int i = 0; i < 200 && !Files.readString(stat).contains(") Z "); i++) {
                Thread.sleep(20);
            }
            Snapshot s = backend.snapshot(child, Detail.SMAPS);
            assertEquals(List.of(), s.regions());
            assertTrue(s.process().state().startsWith("Z"), s.process().state());
            assertNull(s.rollup());
        }
    }

    @Test
    void kernelThreadHasAnEmptyAddressSpace() {
        Snapshot s = backend.snapshot(2, Detail.SMAPS);
        assertEquals("kthreadd", s.process().comm());
        assertEquals(List.of(), s.regions());
        assertEquals("[kthreadd]", s.process().commandLine());
    }

    @Test
    void processKilledWhileBeingReadGivesAWholeSnapshotOrProcessGoneOrAZombie() throws Exception {
        int whole = 0;
        int gone = 0;
        for (int round = 0; round < 3; round++) {
            try (LiveProcess p = LiveProcess.startHelper("many_maps", "60000")) {
                int expected = backend.snapshot(p.pid(), Detail.MAPS).regions().size();
                assertTrue(expected > 60000);
                long delay = ThreadLocalRandom.current().nextLong(50, 400);
                Thread killer = new Thread(() -> {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        return;
                    }
                    p.process().destroyForcibly();
                });
                killer.start();
                for (int i = 0; i < 20; i++) {
                    try {
                        Snapshot s = backend.snapshot(p.pid(), i % 2 == 0 ? Detail.SMAPS : Detail.MAPS);
                        if (s.process().state().startsWith("Z")) {
                            // dead before the read began and not yet reaped: a zombie has no address space
                            assertEquals(0, s.regions().size(), "a zombie's snapshot is empty");
                            gone++;
                            continue;
                        }
                        assertEquals(expected, s.regions().size(), "a snapshot is whole or it is not returned");
                        whole++;
                    } catch (ProcessGoneException e) {
                        gone++;
                    }
                }
                killer.join();
            }
        }
        assertTrue(gone > 0, "the process was killed while being read (" + whole + " whole, " + gone + " gone)");
    }

    @Test
    void snapshotsOfAStoppedProcessAgree() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "2")) {
            p.stop();
            Snapshot a = backend.snapshot(p.pid(), Detail.SMAPS);
            Snapshot b = backend.snapshot(p.pid(), Detail.SMAPS);
            assertEquals(a.regions().size(), b.regions().size());
            for (int i = 0; i < a.regions().size(); i++) {
                Region x = a.regions().get(i);
                Region y = b.regions().get(i);
                assertEquals(x.rangeText() + x.perms() + x.path(), y.rangeText() + y.perms() + y.path());
                assertEquals(x.rss(), y.rss());
            }
            assertFalse(a.regions().isEmpty());
        }
    }
}
