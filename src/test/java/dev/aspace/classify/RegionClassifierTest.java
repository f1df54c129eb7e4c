package dev.aspace.classify;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.model.ThreadInfo;
import dev.aspace.procfs.SmapsParser;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionClassifierTest {

    private final RegionClassifier classifier = new RegionClassifier();

    /** Regions as the backend's parser reads maps or smaps text. */
    private static List<Region> maps(String name, byte[] text) {
        return SmapsParser.parse(name, text, SmapsParser.Mode.TEXT);
    }

    /** A live process as LinuxBackend reads it (maps, threads with stack pointers, process). */
    private static Snapshot live(int pid) {
        return new LinuxBackend().snapshot(pid, MemoryBackend.Detail.MAPS);
    }

    private List<Region> fixture(String name) {
        return classifier.classify(maps(name, Fixtures.bytes(name)), List.of(), null);
    }

    private static Region at(List<Region> regions, long start) {
        for (Region r : regions) {
            if (r.start() == start) {
                return r;
            }
        }
        throw new AssertionError("no region at " + Long.toHexString(start));
    }

    private static void assertKind(List<Region> regions, long start, RegionKind kind, String label) {
        Region r = at(regions, start);
        assertEquals(kind, r.kind(), r.rangeText() + " " + r.path());
        assertEquals(label, r.label(), r.rangeText() + " " + r.path());
    }

    private static List<Region> ofKind(List<Region> regions, RegionKind kind) {
        return regions.stream().filter(r -> r.kind() == kind).toList();
    }

    private static void assertAllClassified(List<Region> regions) {
        for (Region r : regions) {
            assertTrue(r.kind() != RegionKind.UNCLASSIFIED && !r.label().isEmpty(), r.rangeText() + " " + r.path());
        }
    }

    @Test
    void javaTomcatFixtureProgramAndLibrarySegments() {
        List<Region> rs = fixture("maps-03-debian10-x86_64-java-tomcat.txt");
        assertAllClassified(rs);
        assertKind(rs, 0x55e3fce00000L, RegionKind.PROGRAM_TEXT, "java text");
        assertKind(rs, 0x55e3fd000000L, RegionKind.PROGRAM_RODATA, "java relro");
        assertKind(rs, 0x55e3fd001000L, RegionKind.PROGRAM_DATA, "java data");
        assertKind(rs, 0x55e3fdade000L, RegionKind.HEAP, "heap");
        assertKind(rs, 0x7f4f5d420000L, RegionKind.LIBRARY_TEXT, "libjvm.so text");
        assertKind(rs, 0x7f4f5e11f000L, RegionKind.GUARD, "guard in libjvm.so");
        assertKind(rs, 0x7f4f5e31e000L, RegionKind.LIBRARY_RELRO, "libjvm.so relro");
        assertKind(rs, 0x7f4f5e3c9000L, RegionKind.LIBRARY_DATA, "libjvm.so data");
        assertKind(rs, 0x7f4f5e3f2000L, RegionKind.LIBRARY_BSS, "libjvm.so bss");
        // libc-2.28: rodata, text, rodata, hole, relro, data, bss
        assertKind(rs, 0x7f4f5e439000L, RegionKind.LIBRARY_RODATA, "libc-2.28.so rodata");
        assertKind(rs, 0x7f4f5e45b000L, RegionKind.LIBRARY_TEXT, "libc-2.28.so text");
        assertKind(rs, 0x7f4f5e5a2000L, RegionKind.LIBRARY_RODATA, "libc-2.28.so rodata");
        assertKind(rs, 0x7f4f5e5ee000L, RegionKind.GUARD, "guard in libc-2.28.so");
        assertKind(rs, 0x7f4f5e5ef000L, RegionKind.LIBRARY_RELRO, "libc-2.28.so relro");
        assertKind(rs, 0x7f4f5e5f3000L, RegionKind.LIBRARY_DATA, "libc-2.28.so data");
        assertKind(rs, 0x7f4f5e5f5000L, RegionKind.LIBRARY_BSS, "libc-2.28.so bss");
        // libdl: two r--p after text; only the one touching the rw-p is relro
        assertKind(rs, 0x7f4f5e5fb000L, RegionKind.LIBRARY_RODATA, "libdl-2.28.so rodata");
        assertKind(rs, 0x7f4f5e5fc000L, RegionKind.LIBRARY_RELRO, "libdl-2.28.so relro");
        assertKind(rs, 0x7ffe2e2e4000L, RegionKind.MAIN_STACK, "main stack");
        assertKind(rs, 0x7ffe2e379000L, RegionKind.VVAR, "vvar");
        assertKind(rs, 0x7ffe2e37d000L, RegionKind.VDSO, "vdso");
    }

    @Test
    void javaTomcatFixtureAnonymousShapes() {
        List<Region> rs = fixture("maps-03-debian10-x86_64-java-tomcat.txt");
        // HotSpot's code cache
        assertKind(rs, 0x7f4f49000000L, RegionKind.EXECUTABLE_ANONYMOUS, "executable anonymous rwxp (JIT code?)");
        // glibc thread arenas: 64 MiB-aligned rw-p + ---p pairs (31, counted with a script over the file)
        assertKind(rs, 0x7f4ec4000000L, RegionKind.MALLOC_ARENA, "malloc arena? (64 MiB-aligned rw-p + ---p)");
        assertKind(rs, 0x7f4ec4021000L, RegionKind.MALLOC_ARENA, "malloc arena reserve? (---p)");
        assertEquals(31, ofKind(rs, RegionKind.MALLOC_ARENA).stream().filter(r -> r.perms().write()).count());
        for (Region r : ofKind(rs, RegionKind.MALLOC_ARENA)) {
            if (r.perms().write()) {
                assertEquals(0, r.start() & ((64L << 20) - 1), r.rangeText());
            }
        }
        // not aligned: an anonymous region, not an arena
        assertKind(rs, 0x7f4f3414a000L, RegionKind.ANONYMOUS, "anonymous");
        // the Java heap reservation is 1.2 GiB of ---p: reserved, not a guard page
        assertKind(rs, 0x88c00000L, RegionKind.ANONYMOUS, "reserved, no access");
        // three no-access pages directly below an anonymous rw-p block (a JVM thread's stack guard)
        assertKind(rs, 0x7f4f30004000L, RegionKind.GUARD, "guard page");
        assertKind(rs, 0x7f4f32aef000L, RegionKind.FILE_MAPPING, "LC_CTYPE");
        assertKind(rs, 0x7f4f5c00d000L, RegionKind.FILE_MAPPING, "gconv-modules.cache (shared)");
        assertKind(rs, 0x7f4f5cd38000L, RegionKind.FILE_MAPPING, "1 (shared)");
        assertTrue(ofKind(rs, RegionKind.THREAD_STACK).isEmpty(), "no threads given, so no thread stacks claimed");
    }

    @Test
    void armFixtureExecutableBssMemfdAndOneMegabyteArenas() {
        List<Region> rs = fixture("maps-02-remarkable2-armv7-xochitl-memfd-deleted.txt");
        assertAllClassified(rs);
        assertKind(rs, 0x10000L, RegionKind.PROGRAM_TEXT, "xochitl text");
        assertKind(rs, 0x47c000L, RegionKind.PROGRAM_RODATA, "xochitl relro");
        assertKind(rs, 0x485000L, RegionKind.PROGRAM_DATA, "xochitl data");
        assertKind(rs, 0x489000L, RegionKind.PROGRAM_BSS, "xochitl bss");
        assertKind(rs, 0x2316000L, RegionKind.HEAP, "heap");
        assertKind(rs, 0x450de000L, RegionKind.GUARD, "guard in libc-2.31.so");
        assertKind(rs, 0x450f1000L, RegionKind.LIBRARY_BSS, "libc-2.31.so bss");
        assertKind(rs, 0x6fac0000L, RegionKind.SHARED_MEMORY, "memfd:JSGCHeap:QtQml (deleted)");
        assertKind(rs, 0x72918000L, RegionKind.FILE_MAPPING, "fb0 (shared)");
        // 32-bit: glibc's HEAP_MAX_SIZE is 1 MiB
        assertKind(rs, 0x70f00000L, RegionKind.MALLOC_ARENA, "malloc arena? (1 MiB-aligned rw-p + ---p)");
        assertKind(rs, 0x7eded000L, RegionKind.OTHER, "[sigpage]");
        assertKind(rs, 0xffff0000L, RegionKind.OTHER, "[vectors]");
        // libpdfium's relro: memory-contiguous with the rw-p though the file offsets are not
        assertKind(rs, 0x76a27000L, RegionKind.LIBRARY_RELRO, "libpdfium.so relro");
        assertKind(rs, 0x76793000L, RegionKind.LIBRARY_RODATA, "libpdfium.so rodata");
    }

    @Test
    void smapsFixtureVsyscallMemfdAndHugePageText() {
        List<Region> rs = fixture("smaps-01-googleinterns-memfd-deleted-vsyscall.txt");
        assertAllClassified(rs);
        assertKind(rs, 0xffffffffff600000L, RegionKind.VSYSCALL, "vsyscall");
        assertKind(rs, 0x7fd126400000L, RegionKind.SHARED_MEMORY, "memfd:stan (deleted)");
        assertKind(rs, 0x7fd149290000L, RegionKind.SHARED_MEMORY, "memfd:memfd/AlsoNopeNopeNope");
        assertKind(rs, 0x55d20fb4b000L, RegionKind.PROGRAM_TEXT, "stuffmaster9000 text");
        assertKind(rs, 0x55d210200000L, RegionKind.PROGRAM_TEXT, "stuffmaster9000 text? (anonymous copy inside its span)");
        assertKind(rs, 0x55d224e36000L, RegionKind.PROGRAM_DATA, "stuffmaster9000 data");
        assertKind(rs, 0x7fd149263000L, RegionKind.FILE_MAPPING, "bigkahuna (shared)");
        // eight different libraries share one scrubbed path; each has its own text
        assertEquals(8, ofKind(rs, RegionKind.LIBRARY_TEXT).size());
        assertKind(rs, 0x7fd158391000L, RegionKind.GUARD, "guard in bkrt.something.so");
    }

    /** Lines from an Android 12+ device (ART), quoted in a public write-up; this kernel lacks CONFIG_ANON_VMA_NAME. */
    @Test
    void androidNamedAnonymous() {
        String text = """
                14000000-34000000 rw-p 00000000 00:00 0                                  [anon:dalvik-main space]
                5c6d8000-5e6d8000 r-xs 02000000 00:01 5191                               [anon_shmem:dalvik-jit-code-cache]
                70a54000-70dc8000 r--p 00000000 fe:4e 24401                              /data/misc/apexdata/com.android.art/dalvik-cache/arm64/boot.oat
                70dc8000-7199a000 r-xp 00374000 fe:4e 24401                              /data/misc/apexdata/com.android.art/dalvik-cache/arm64/boot.oat
                7199a000-7199c000 ---p 00000000 00:00 0                                  [anon:dalvik-Boot image reservation]
                """;
        List<Region> rs = classifier.classify(maps("android", text.getBytes(StandardCharsets.UTF_8)), List.of(), null);
        assertKind(rs, 0x14000000L, RegionKind.NAMED_ANONYMOUS, "dalvik-main space");
        assertKind(rs, 0x5c6d8000L, RegionKind.SHARED_MEMORY, "shared anonymous 'dalvik-jit-code-cache'");
        assertKind(rs, 0x7199a000L, RegionKind.NAMED_ANONYMOUS, "dalvik-Boot image reservation");
        // no [heap], no process: the lowest file at offset 0 is taken for the executable
        assertKind(rs, 0x70dc8000L, RegionKind.PROGRAM_TEXT, "boot.oat text");
    }

    /** Linux 3.4 to 4.4 named thread stacks; lines from a glibc per-thread-arena walk-through (terminal output). */
    @Test
    void oldKernelStackNamesGetTheThreadsName() {
        String text = """
                011ca000-011eb000 rw-p 00000000 00:00 0 [heap]
                7f47d72b7000-7f47d72b8000 ---p 00000000 00:00 0
                7f47d72b8000-7f47d7ab8000 rw-p 00000000 00:00 0 [stack:3622]
                """;
        List<Region> rs = classifier.classify(maps("old-kernel", text.getBytes(StandardCharsets.UTF_8)),
                List.of(new ThreadInfo(3600, "example", 0, 'S'), new ThreadInfo(3622, "example", 0, 'S')), null);
        assertKind(rs, 0x7f47d72b8000L, RegionKind.THREAD_STACK, "stack of thread 3622 'example'");
        assertKind(rs, 0x7f47d72b7000L, RegionKind.GUARD, "guard page below stack of thread 3622 'example'");
        List<Region> noThreads = classifier.classify(maps("old-kernel", text.getBytes(StandardCharsets.UTF_8)),
                List.of(), null);
        assertKind(noThreads, 0x7f47d72b8000L, RegionKind.THREAD_STACK, "stack of thread 3622");
    }

    @Test
    void sameOrderAsGivenEvenWhenUnsorted() {
        List<Region> sorted = maps("maps-03", Fixtures.bytes("maps-03-debian10-x86_64-java-tomcat.txt"));
        List<Region> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(7));
        List<Region> a = classifier.classify(sorted, List.of(), null);
        List<Region> b = classifier.classify(shuffled, List.of(), null);
        for (int i = 0; i < shuffled.size(); i++) {
            Region r = b.get(i);
            assertEquals(shuffled.get(i).start(), r.start());
            assertEquals(at(a, r.start()), r);
        }
    }

    @Test
    void threadsMapsHelperThreeWorkerStacksWithGuards() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "3")) {
            Snapshot live = liveOnceAsleep(p.pid(), "worker-0", "worker-1", "worker-2");
            List<Region> rs = classifier.classify(live.regions(), live.threads(), live.process());
            assertAllClassified(rs);
            List<Region> stacks = ofKind(rs, RegionKind.THREAD_STACK);
            assertEquals(3, stacks.size(), stacks.toString());
            for (int w = 0; w < 3; w++) {
                ThreadInfo t = thread(live.threads(), "worker-" + w);
                String label = "stack of thread " + t.tid() + " 'worker-" + w + "'";
                int i = indexOfLabel(rs, label);
                assertTrue(rs.get(i).contains(t.stackPointer()));
                Region guard = rs.get(i - 1);
                assertEquals(rs.get(i).start(), guard.end(), "guard directly below " + label);
                assertEquals(RegionKind.GUARD, guard.kind());
                assertEquals("guard page below " + label, guard.label());
            }
            // the 64 MiB malloc is its own mapping (above M_MMAP_THRESHOLD), not part of [heap]
            Region big = rs.stream().filter(r -> r.size() == (64L << 20) + 4096).findFirst().orElseThrow();
            assertEquals(RegionKind.ANONYMOUS, big.kind());
            assertEquals(1, ofKind(rs, RegionKind.HEAP).size());
            assertFalse(ofKind(rs, RegionKind.HEAP).get(0).contains(big.start()));
            String exe = LiveProcess.testHelper("threads_maps").toAbsolutePath().normalize().toString();
            assertTrue(rs.stream().anyMatch(r -> r.path().equals(exe) && r.kind() == RegionKind.PROGRAM_TEXT
                    && r.label().equals("threads_maps text")));
            assertTrue(rs.stream().anyMatch(r -> r.kind() == RegionKind.LIBRARY_TEXT && r.label().equals("libc.so.6 text")));
            assertTrue(rs.stream().anyMatch(r -> r.kind() == RegionKind.LIBRARY_BSS && r.label().equals("libc.so.6 bss")));
            assertTrue(rs.stream().anyMatch(r -> r.path().equals("/dev/zero (deleted)")
                    && r.kind() == RegionKind.SHARED_MEMORY && r.label().equals("shared anonymous")));
            assertTrue(rs.stream().anyMatch(r -> r.path().equals("/etc/passwd")
                    && r.kind() == RegionKind.FILE_MAPPING && r.label().equals("passwd")));
            assertEquals(1, ofKind(rs, RegionKind.MAIN_STACK).size());
            assertEquals(1, ofKind(rs, RegionKind.VSYSCALL).size());
            // Linux 6.13+ splits the vvar pages: both halves are VVAR
            rs.stream().filter(r -> r.path().startsWith("[vvar")).forEach(r -> assertEquals(RegionKind.VVAR, r.kind()));
        }
    }

    @Test
    void sleepHasProgramSegmentsAndNoThreadStacks() {
        try (LiveProcess p = LiveProcess.sleep()) {
            Snapshot live = live(p.pid());
            List<Region> rs = classifier.classify(live.regions(), live.threads(), live.process());
            assertAllClassified(rs);
            assertTrue(rs.stream().anyMatch(r -> r.kind() == RegionKind.PROGRAM_TEXT && r.label().equals("sleep text")));
            assertTrue(rs.stream().anyMatch(r -> r.kind() == RegionKind.PROGRAM_DATA && r.label().equals("sleep data")));
            assertTrue(ofKind(rs, RegionKind.THREAD_STACK).isEmpty());
            assertTrue(rs.stream().anyMatch(r -> r.kind() == RegionKind.LIBRARY_TEXT
                    && r.label().equals("ld-linux-x86-64.so.2 text")));
        }
    }

    /** Shapes made for real by a Python process: System V and POSIX shm, memfd, a deleted file. */
    @Test
    void sharedMemoryAndDeletedFilesFromALiveProcess() throws Exception {
        Path script = Path.of("src/test/resources/classify/shapes.py");
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        LiveProcess p = LiveProcess.start(python, script.toString());
        try (p) {
            p.awaitLine("ready", Duration.ofSeconds(30));
            Snapshot live = live(p.pid());
            List<Region> rs = classifier.classify(live.regions(), live.threads(), live.process());
            assertAllClassified(rs);
            assertEquals(RegionKind.SHARED_MEMORY, byPathPrefix(rs, "/SYSV0000002a").kind());
            assertEquals("System V shm key 0x0000002a (deleted)", byPathPrefix(rs, "/SYSV0000002a").label());
            assertEquals("memfd:aspace-memfd (deleted)", byPathPrefix(rs, "/memfd:aspace-memfd").label());
            Region kept = byPathPrefix(rs, "/dev/shm/aspace-kept-");
            assertEquals(RegionKind.SHARED_MEMORY, kept.kind());
            assertEquals("POSIX shm aspace-kept-" + p.pid(), kept.label());
            Region gone = byPathPrefix(rs, "/dev/shm/aspace-gone-");
            assertEquals("POSIX shm aspace-gone-" + p.pid() + " (deleted)", gone.label());
            Region deleted = rs.stream().filter(r -> r.path().startsWith("/tmp/aspace-deleted-")).findFirst().orElseThrow();
            assertEquals(RegionKind.DELETED_FILE, deleted.kind());
            assertTrue(deleted.label().endsWith(" (deleted)"), deleted.label());
        } finally {
            // the helper is killed with SIGKILL, so its own cleanup does not run
            Files.deleteIfExists(Path.of("/dev/shm/aspace-kept-" + p.pid()));
        }
    }

    private static Region byPathPrefix(List<Region> rs, String prefix) {
        return rs.stream().filter(r -> r.path().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no mapping of " + prefix));
    }

    @Test
    void jvmThreadStackCodeCacheAndLibjvm() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (LiveProcess p = LiveProcess.start(java, "-Xmx64m", "-Xss1m", "-cp", "target/test-classes",
                SleepingJvm.class.getName())) {
            p.awaitLine("ready", Duration.ofSeconds(60));
            Snapshot live = liveOnceAsleep(p.pid(), "aspace-sleeper");
            List<Region> rs = classifier.classify(live.regions(), live.threads(), live.process());
            assertAllClassified(rs);
            ThreadInfo t = thread(live.threads(), "aspace-sleeper");
            int i = indexOfLabel(rs, "stack of thread " + t.tid() + " 'aspace-sleeper'");
            assertEquals(RegionKind.THREAD_STACK, rs.get(i).kind());
            assertEquals(RegionKind.GUARD, rs.get(i - 1).kind(), "HotSpot's guard zone below the Java thread's stack: "
                    + rs.subList(i - 2, i + 2));
            assertEquals(rs.get(i).start(), rs.get(i - 1).end());
            assertTrue(rs.stream().anyMatch(r -> r.kind() == RegionKind.LIBRARY_TEXT && r.label().equals("libjvm.so text")));
            assertTrue(rs.stream().anyMatch(r -> r.kind() == RegionKind.PROGRAM_TEXT && r.label().equals("java text")));
            assertFalse(ofKind(rs, RegionKind.EXECUTABLE_ANONYMOUS).isEmpty(), "the code cache is executable anonymous memory");
            assertTrue(ofKind(rs, RegionKind.THREAD_STACK).size() >= 5, "GC, compiler and other JVM threads have stacks too");
        }
    }

    /**
     * The kernel shows a thread's stack pointer only while it is blocked (task/TID/syscall says
     * "running" otherwise): on a loaded machine the thread may not be asleep yet when "ready" is
     * printed, so read again until it is (10 s at most).
     */
    private static Snapshot liveOnceAsleep(int pid, String... threadNames) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Snapshot s = live(pid);
        while (!allAsleep(s, threadNames) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            s = live(pid);
        }
        return s;
    }

    private static boolean allAsleep(Snapshot s, String... names) {
        for (String n : names) {
            if (s.threads().stream().noneMatch(t -> t.name().equals(n) && t.stackPointer() != 0)) {
                return false;
            }
        }
        return true;
    }

    private static ThreadInfo thread(List<ThreadInfo> threads, String name) {
        return threads.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name + " in " + threads));
    }

    private static int indexOfLabel(List<Region> rs, String label) {
        for (int i = 0; i < rs.size(); i++) {
            if (rs.get(i).label().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no region labelled " + label);
    }

    @Test
    void unknownProcessStillFindsExecutableBelowHeap() {
        ProcessInfo unknown = new ProcessInfo(1, 0, "", List.of(), -1, "", "", 0, 0);
        List<Region> rs = classifier.classify(maps("maps-03", Fixtures.bytes("maps-03-debian10-x86_64-java-tomcat.txt")),
                List.of(), unknown);
        assertKind(rs, 0x55e3fce00000L, RegionKind.PROGRAM_TEXT, "java text");
    }
}
