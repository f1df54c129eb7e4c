package dev.aspace.backend.linux;

import java.time.Duration;
import dev.aspace.testutil.AsNobody;
import dev.aspace.testutil.Await;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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
        assumeTrue(AsNobody.possible(), "needs root and setpriv (util-linux) to switch to nobody");
        // nobody cannot read /root/.m2 or maybe the worktree: it gets a readable copy of the classes
        String cp = AsNobody.classpath(dir, List.of("com.sun.jna.Native"), List.of(SnapshotAsOtherUser.class));
        try (LiveProcess sleep = LiveProcess.sleep()) {
            AsNobody.Result r = AsNobody.java(cp, List.of(), SnapshotAsOtherUser.class.getName(),
                    List.of(Integer.toString(sleep.pid())), 60);
            assertEquals(AccessDeniedException.class.getSimpleName() + ": permission denied reading smaps of process "
                    + sleep.pid() + ": run as the same user as the process, as root, or with CAP_SYS_PTRACE",
                    (r.out() + r.err()).trim());
        }
    }

    /** SIGSTOP reaches the threads one by one; a running thread's stack pointer is unknowable. */
    private static void awaitAllThreadsStopped(int pid) throws Exception {
        ThreadReader reader = new ThreadReader(ProcPath.SYSTEM);
        Await.until("every thread of " + pid + " stopped", Duration.ofSeconds(10),
                () -> reader.read(pid), threads -> threads.stream().allMatch(t -> t.state() == 'T'));
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
            Await.until("the child a zombie", Duration.ofSeconds(10), () -> readOrEmpty(stat).contains(") Z "));
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

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
