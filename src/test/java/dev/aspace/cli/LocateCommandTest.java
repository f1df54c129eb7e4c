package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import dev.aspace.testutil.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code aspace locate} on a program built here that prints its own pointers, checked against
 * the process's /proc/PID/maps and nm read by the test.
 */
class LocateCommandTest {

    @TempDir
    static Path dir;
    static LiveProcess proc;
    static Map<String, Long> pointers = new HashMap<>();
    static List<String> maps;
    static Path program;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(dir.resolve("where.c"), """
                #include <stdio.h>
                #include <stdlib.h>
                #include <unistd.h>
                #include <pthread.h>
                #include <sys/syscall.h>
                int counter = 42;
                static char big[100000];
                static void *worker(void *arg) {
                    int local = 1;
                    printf("thread %p %ld\\n", (void *) &local, (long) syscall(SYS_gettid));
                    fflush(stdout);
                    pause();
                    return arg;
                }
                int main(void) {
                    int local = 7;
                    char *heap = malloc(64);
                    pthread_t t;
                    printf("main %p\\ncounter %p\\nbig %p\\nheap %p\\nlocal %p\\nprintf %p\\n", (void *) main,
                           (void *) &counter, (void *) big, (void *) heap, (void *) &local, (void *) printf);
                    fflush(stdout);
                    pthread_create(&t, NULL, worker, NULL);
                    pause();
                    return big[1] + local + heap[0];
                }
                """);
        Tools.run(dir, "gcc", "-O0", "-pthread", "-o", "where", "where.c");
        program = dir.resolve("where");
        proc = LiveProcess.start(program.toString());
        for (int i = 0; i < 7; i++) {
            String[] t = proc.readLine().split(" ");
            pointers.put(t[0], Long.parseUnsignedLong(t[1].substring(2), 16));
            if (t[0].equals("thread")) {
                pointers.put("tid", Long.parseLong(t[2]));
            }
        }
        maps = Files.readAllLines(Path.of("/proc/" + proc.pid() + "/maps"));
    }

    @AfterAll
    static void stop() {
        proc.close();
    }

    /** The maps line holding an address, as the test reads it. */
    static String mapsLine(long a) {
        for (String l : maps) {
            String[] range = l.substring(0, l.indexOf(' ')).split("-");
            if (Long.compareUnsigned(a, Long.parseUnsignedLong(range[0], 16)) >= 0
                    && Long.compareUnsigned(a, Long.parseUnsignedLong(range[1], 16)) < 0) {
                return l;
            }
        }
        return null;
    }

    static String locate(String name) {
        ProcpsRun.Result r = ProcpsRun.aspace("locate", Integer.toString(proc.pid()), "0x" + Long.toHexString(pointers.get(name)));
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    /** The region line names the same range and permissions as the maps line the test read. */
    static void assertRegion(String out, long a) {
        String line = mapsLine(a);
        String range = line.substring(0, line.indexOf(' '));
        String perms = line.split("\\s+")[1];
        assertTrue(out.contains("region       " + range + " " + perms), out + "\nexpected " + line);
    }

    @Test
    void mainIsInTextAtItsSymbol() {
        String out = locate("main");
        assertRegion(out, pointers.get("main"));
        assertTrue(out.contains("section      .text of " + program), out);
        assertTrue(out.contains("symbol       main\n"), out);
        String buildId = Tools.run("readelf", "-n", program.toString()).replaceAll("(?s).*Build ID: ([0-9a-f]+).*", "$1").trim();
        assertTrue(out.contains("build-id     " + buildId), out);
        // file offset: the maps line's offset plus the distance into the region
        String[] f = mapsLine(pointers.get("main")).split("\\s+");
        long start = Long.parseUnsignedLong(f[0].split("-")[0], 16);
        long offset = Long.parseLong(f[2], 16) + pointers.get("main") - start;
        assertTrue(out.contains("file offset  0x" + Long.toHexString(offset) + " in " + program), out);
    }

    @Test
    void aGlobalIsInDataAndBssReachesIntoTheAnonymousRegionAfterTheFile() {
        String out = locate("counter");
        assertTrue(out.contains(".data of " + program) && out.contains("symbol       counter\n"), out);
        long tail = pointers.get("big") + 90_000;
        ProcpsRun.Result r = ProcpsRun.aspace("locate", Integer.toString(proc.pid()), Long.toHexString(tail));
        assertRegion(r.out(), tail);
        assertTrue(mapsLine(tail).trim().split("\\s+").length == 5, "test assumes .bss's tail is anonymous: " + mapsLine(tail));
        assertTrue(r.out().contains("section      .bss of " + program), r.out());
        assertTrue(r.out().contains("symbol       big+0x" + Long.toHexString(90_000)), r.out());
        assertTrue(!r.out().contains("file offset"), "bss has no bytes in the file: " + r.out());
    }

    @Test
    void heapStacksAndLibraries() {
        String heap = locate("heap");
        assertRegion(heap, pointers.get("heap"));
        assertTrue(mapsLine(pointers.get("heap")).endsWith("[heap]"));
        assertTrue(heap.contains("  heap  [heap]"), heap);

        String local = locate("local");
        assertRegion(local, pointers.get("local"));
        assertTrue(local.contains("stack of     the main thread"), local);

        String thread = locate("thread");
        assertRegion(thread, pointers.get("thread"));
        assertTrue(thread.contains("stack of     ") && thread.contains(Long.toString(pointers.get("tid"))), thread);

        long printf = pointers.get("printf");
        String lib = locate("printf");
        String libPath = mapsLine(printf).replaceAll(".* ", "");
        assertTrue(lib.contains("section      .text of " + libPath), lib);
        // the symbol is one nm names at that file address
        String[] f = mapsLine(printf).split("\\s+");
        long elf = printf - Long.parseUnsignedLong(f[0].split("-")[0], 16) + Long.parseLong(f[2], 16);
        List<String> names = new ArrayList<>();
        for (String l : Tools.run("nm", "-D", "--defined-only", libPath).split("\n")) {
            String[] t = l.trim().split("\\s+");
            if (t.length == 3 && Long.parseUnsignedLong(t[0], 16) == elf) {
                names.add(t[2].replaceAll("@.*", ""));
            }
        }
        assertTrue(names.contains("printf"), "nm names printf at that address: " + names);
        // of the aliases there (_IO_printf, printf), the one the program called
        assertTrue(lib.contains("symbol       printf\n"), lib + " of " + names);
    }

    @Test
    void aSavedSnapshotAnswersTheSame() {
        Path saved = dir.resolve("where.json");
        assertEquals(0, ProcpsRun.aspace("snapshot", Integer.toString(proc.pid()), "-o", saved.toString()).code());
        String live = locate("main");
        ProcpsRun.Result r = ProcpsRun.aspace("locate", saved.toString(), "0x" + Long.toHexString(pointers.get("main")));
        assertEquals(live, r.out());
    }

    @Test
    void unmappedAndBadAddresses() {
        ProcpsRun.Result r = ProcpsRun.aspace("locate", Integer.toString(proc.pid()), "0x10");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("0x10  not mapped\n  gap          between address 0 and "), r.out());
        ProcpsRun.Result bad = ProcpsRun.aspace("locate", Integer.toString(proc.pid()), "0xzz");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("'0xzz' is not an address"), bad.err());
    }
}
