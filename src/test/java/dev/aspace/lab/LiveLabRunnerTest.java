package dev.aspace.lab;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.AllocationGuard;
import dev.aspace.demo.Experiments;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.model.CgroupUnavailableException;
import dev.aspace.model.RegionKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lab's steps carried out for real on a memory-user child, in the order a student takes them.
 * System-wide figures (free's used) move with everything else the machine does, so the
 * assertions use the child's own figures, which nothing else touches.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveLabRunnerTest {

    private static final long MB = 1024 * 1024;
    private static MemoryUserController child;
    private static LiveLabRunner runner;

    @BeforeAll
    static void startChild() {
        child = MemoryUserController.start();
        LinuxBackend backend = new LinuxBackend();
        runner = new LiveLabRunner(new Experiments(child, backend, AllocationGuard.DEFAULT), backend);
    }

    @AfterAll
    static void stopChild() {
        child.close();
    }

    @Test
    @Order(1)
    void freeStepReadsTheMachinesMemoryAndJudgesFreeAgainstAvailable() throws Exception {
        List<Measurement> m = runner.perform(LabAction.RUN_FREE);
        var mem = m.get(0).memoryAfter();
        assertTrue(mem.memTotal() > 0);
        int right = AddressSpacesLab.free().rightChoice().applyAsInt(m);
        assertEquals(mem.available() > mem.memFree() ? 1 : mem.available() < mem.memFree() ? 0 : 2, right);
        assertTrue(AddressSpacesLab.free().reveal().apply(m).contains("total "));
    }

    @Test
    @Order(2)
    void untouchedAllocationGrowsSizeButNotRss() throws Exception {
        List<Measurement> m = runner.perform(LabAction.ALLOCATE_100MB_UNTOUCHED);
        Measurement x = m.get(0);
        assertTrue(x.vszDelta() >= 100 * MB, "VSZ grew by " + x.vszDelta());
        assertTrue(x.rssDelta() < 5 * MB, "RSS grew by " + x.rssDelta());
        assertEquals(1, AddressSpacesLab.untouched().rightChoice().applyAsInt(m), "'it barely changes'");
    }

    @Test
    @Order(3)
    void touchingEveryPageMakesItResident() throws Exception {
        List<Measurement> m = runner.perform(LabAction.TOUCH_EVERYTHING);
        Measurement x = m.get(0);
        assertTrue(x.rssDelta() >= 95 * MB && x.rssDelta() <= 110 * MB, "RSS grew by " + x.rssDelta());
        assertEquals(0, AddressSpacesLab.byShare(x.rssDelta(), x.sizeBytes()));
    }

    @Test
    @Order(4)
    void a100MbMallocIsAMappingOfItsOwnNotHeap() throws Exception {
        List<Measurement> m = runner.perform(LabAction.MALLOC_100MB);
        Measurement x = m.get(0);
        assertTrue(AddressSpacesLab.largestNewAnonymous(x) >= 100 * MB, "new mapping " + AddressSpacesLab.largestNewAnonymous(x));
        assertEquals(1, AddressSpacesLab.malloc().rightChoice().applyAsInt(m), "'in a new mapping of their own'");
    }

    @Test
    @Order(5)
    void censusCountsAJvmAgainstSleep() throws Exception {
        List<Measurement> m = runner.perform(LabAction.COUNT_REGIONS);
        Measurement x = m.get(0);
        assertEquals("sleep", x.before().process().comm());
        assertEquals(ProcessHandle.current().pid(), x.after().process().pid(), "aspace itself, a JVM");
        assertTrue(x.after().regions().size() > 3 * x.before().regions().size(),
                x.after().regions().size() + " vs " + x.before().regions().size());
        assertTrue(x.after().regions().stream().anyMatch(r -> r.kind() == RegionKind.THREAD_STACK));
        String reveal = AddressSpacesLab.countRegions().reveal().apply(m);
        assertTrue(reveal.startsWith("sleep: " + x.before().regions().size() + " regions in "), reveal);
    }

    @Test
    @Order(6)
    void sizesAreMeasuredOneByOneAndFreedAfterwards() throws Exception {
        int blocksBefore = child.blocks().size();
        List<Measurement> m = runner.perform(LabAction.COMPARE_SIZES);
        assertEquals(3, m.size());
        long[] sizes = {50 * MB, 100 * MB, 200 * MB};
        for (int i = 0; i < 3; i++) {
            Measurement x = m.get(i);
            assertEquals(sizes[i], x.sizeBytes());
            assertTrue(Math.abs(x.rssDelta() - sizes[i]) < 8 * MB, sizes[i] + ": RSS grew by " + x.rssDelta());
        }
        assertEquals(blocksBefore, child.blocks().size(), "each block is freed before the next");
    }

    /** The maps line holding an address, as the test reads /proc/PID/maps itself. */
    private static String mapsLine(long a) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + child.pid() + "/maps"))) {
            String[] range = l.substring(0, l.indexOf(' ')).split("-");
            if (Long.compareUnsigned(a, Long.parseUnsignedLong(range[0], 16)) >= 0
                    && Long.compareUnsigned(a, Long.parseUnsignedLong(range[1], 16)) < 0) {
                return l;
            }
        }
        return "";
    }

    @Test
    @Order(7)
    void everyAddressIsVirtualLocatesMainAGlobalTheHeapAndALocal() throws Exception {
        List<Measurement> m = runner.perform(LabAction.SHOW_POINTERS);
        var p = child.pointers();
        List<Long> addresses = List.of(p.code(), p.data(), p.heap(), p.stack());
        var located = m.get(0).pointers();
        assertEquals(addresses, located.stream().map(l -> l.address()).toList());
        for (int i = 0; i < 4; i++) {
            String line = mapsLine(addresses.get(i));
            assertEquals(line.substring(0, line.indexOf(' ')), located.get(i).region().rangeText(), line);
        }
        assertEquals(".text", located.get(0).section());
        assertEquals("main", located.get(0).symbol());
        assertTrue(located.get(1).section().equals(".data") || located.get(1).section().equals(".bss"), located.get(1).section());
        assertTrue(mapsLine(p.heap()).endsWith("[heap]"), mapsLine(p.heap()));
        assertTrue(mapsLine(p.stack()).endsWith("[stack]"), mapsLine(p.stack()));
        boolean textbook = Long.compareUnsigned(p.code(), p.data()) < 0 && Long.compareUnsigned(p.data(), p.heap()) < 0
                && Long.compareUnsigned(p.heap(), p.stack()) < 0;
        assertTrue(textbook, "x86-64 Linux lays them out as the textbook does: " + addresses);
        assertEquals(0, AddressSpacesLab.everyAddressIsVirtual().rightChoice().applyAsInt(m));
        String reveal = AddressSpacesLab.everyAddressIsVirtual().reveal().apply(m);
        assertTrue(reveal.startsWith("main() at 0x" + Long.toHexString(p.code()) + ": program text (r-xp), .text of memory-user at main"),
                reveal);
        assertTrue(reveal.contains("a local at 0x" + Long.toHexString(p.stack()) + ": "), reveal);
    }

    @Test
    @Order(20)
    void underA64MibLimitFreeShowsTheMachineAndTheCgroupKillsTheProgram() throws Exception {
        List<Measurement> m;
        try {
            m = runner.perform(LabAction.RUN_UNDER_LIMIT);
        } catch (CgroupUnavailableException e) {
            assumeTrue(false, "no cgroup can be made here: " + e.getMessage());
            return;
        }
        Measurement x = m.get(0);
        assertEquals(64 * MB, x.cgroup().effectiveLimit());
        assertTrue(x.memoryAfter().memTotal() > 64 * MB, "meminfo shows the machine");
        assertTrue(x.cgroup().peak() <= 64 * MB && x.cgroup().peak() > 32 * MB, "peak " + x.cgroup().peak());
        String reveal = AddressSpacesLab.container().reveal().apply(m);
        if (x.memoryAfter().swapTotal() == 0) {
            assertEquals(1, x.cgroup().oomKills(), "without swap the limit ends the program");
            assertEquals(0, AddressSpacesLab.container().rightChoice().applyAsInt(m));
            assertTrue(reveal.contains("The cgroup's OOM killer ended it at "), reveal);
        } else {
            assertEquals(x.cgroup().oomKills() > 0 ? 0 : 2, AddressSpacesLab.container().rightChoice().applyAsInt(m));
        }
    }
}
