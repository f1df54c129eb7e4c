package dev.aspace.snapshot.importers;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the text importers read from real captures, field by field. That every fixture imports,
 * with its format and region count, is checked in {@code backend.linux.AllFixturesImportTest}.
 */
class ImportFixturesTest {

    static ImportResult importFixture(String name) {
        return TextImport.with(List.of()).read(Fixtures.path(name), 0);
    }

    @Test
    void snippedVmmapListsTheSnipLinesByNumber() {
        ImportResult r = importFixture("vmmap-08-macosx10.10.5-x86_64-format2.3-snipped.txt");
        assertEquals(List.of(28L, 31L), r.warnings().stream().map(ImportWarning::line).toList());
        assertEquals("...(snip)...", r.warnings().get(0).text());
    }

    @Test
    void pmapExtendedKeepsKernelColumnsInBytes() {
        ImportResult r = importFixture("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt");
        Region anon = r.snapshot().regions().get(4); // 7fa967a13000, the 100 MB malloc
        assertEquals(0x7fa967a13000L, anon.start());
        assertEquals(102404L * 1024, anon.size());
        assertEquals(102404L * 1024, anon.rss());
        assertEquals("", anon.path());
        assertTrue(anon.smaps().has("ProtectionKey"));
        assertEquals(0, anon.smaps().get("THPeligible"));
        assertEquals(16156, r.snapshot().process().pid());
        assertEquals("memory-user", r.snapshot().process().comm());
        Region vsyscall = r.snapshot().regions().get(r.regionCount() - 1);
        assertEquals("[vsyscall]", vsyscall.path());
        assertEquals(0xffffffffff601000L, vsyscall.end());
    }

    @Test
    void pmapXxSplitsJoinedVmFlagsFromTheMapping() {
        ImportResult r = importFixture("pmapXX-01-ubuntu18.04-procps3.3.12-VmFlagsMapping-joined.txt");
        Region text = r.snapshot().regions().get(0);
        assertEquals(List.of("rd", "ex", "mr", "mw", "me", "dw", "sd"), text.smaps().vmFlags());
        assertEquals("musr", text.path());
        Region anon = r.snapshot().regions().get(4);
        assertEquals("", anon.path());
        assertEquals(List.of("rd", "wr", "mr", "mw", "me", "ac", "sd"), anon.smaps().vmFlags());
        assertEquals(List.of("ex"), r.snapshot().regions().get(18).smaps().vmFlags());
    }

    @Test
    void pmapDefaultAndDeviceFormatsKeepStackAndDevice() {
        Snapshot d = importFixture("pmap-d-01-centos4.4-i386-procps3.2.txt").snapshot();
        assertEquals("08:05", d.regions().get(0).device());
        assertEquals(0x15000, d.regions().get(1).offset());
        assertEquals("[stack]", d.regions().get(16).path());
        Snapshot p = importFixture("pmap-default-01-centos7-x86_64.txt").snapshot();
        assertEquals(75732L * 1024, p.virtualSize());
        assertEquals("libc-2.17.so", p.regions().get(3).path());
        assertTrue(p.regions().get(3).perms().exec());
    }

    @Test
    void vmmapKeepsTypesAsLabelsAndMapsKinds() {
        ImportResult r = importFixture("vmmap-01-macos14.0-arm64-full.txt");
        List<Region> regions = r.snapshot().regions();
        for (int i = 1; i < regions.size(); i++) {
            assertTrue(Long.compareUnsigned(regions.get(i - 1).end(), regions.get(i).start()) <= 0);
        }
        Region exe = regions.get(0);
        assertEquals(0x104e98000L, exe.start());
        assertEquals("__TEXT", exe.label());
        assertEquals(RegionKind.PROGRAM_TEXT, exe.kind());
        Region guard = find(regions, 0x166f68000L);
        assertEquals(RegionKind.GUARD, guard.kind());
        assertTrue(guard.label().startsWith("STACK GUARD"));
        Region stack = find(regions, 0x16a76c000L);
        assertEquals(RegionKind.MAIN_STACK, stack.kind());
        assertEquals(16L << 10, stack.rss());
        Region nano = find(regions, 0x600000000000L);
        assertEquals(RegionKind.MALLOC_ARENA, nano.kind());
        assertTrue(nano.label().startsWith("MALLOC_NANO"));
        assertEquals(21, r.typeTotals().size());
        assertEquals(16384, r.snapshot().machine().pageSize());
        assertEquals("ARM64", r.snapshot().machine().architecture());
        assertEquals(66814, r.snapshot().process().pid());
    }

    @Test
    void vmmapInterleavedPagesAreConvertedWithThePageSize() {
        ImportResult r = importFixture("vmmap-02-macos-x86_64-interleaved-pages-partial.txt");
        Region linkedit = r.snapshot().regions().get(2);
        assertEquals(2103L * 4096, linkedit.rss());
    }

    @Test
    void vmmapSummaryHasTypeTotalsButNoRegions() {
        ImportResult r = importFixture("vmmap-04-macos10.14.1-x86_64-summary.txt");
        assertEquals(23, r.typeTotals().size());
        TypeTotal large = r.typeTotals().stream().filter(t -> t.type().equals("MALLOC_LARGE")).findFirst().orElseThrow();
        assertEquals(8, large.regionCount());
        assertEquals(Math.round(2.1 * (1L << 30)), large.virtualBytes());
        TypeTotal tag = importFixture("vmmap-06-macos26.4.1-arm64-summary.txt").typeTotals().stream()
                .filter(t -> t.type().equals("Memory Tag 22")).findFirst().orElseThrow();
        assertEquals(1, tag.regionCount());
    }

    @Test
    void windowsVmmapBlocksBecomeRegions() {
        List<Region> regions = importFixture("winvmmap-01-sysinternals-vmmap-csv-details-partial.txt").snapshot().regions();
        Region first = regions.get(0);
        assertEquals(0x970000L, first.start());
        assertEquals(1020L * 1024, first.size());
        assertEquals(RegionKind.HEAP, first.kind());
        Region reserved = regions.get(1);
        assertTrue(reserved.perms().none());
    }

    @Test
    void freeFormatsGiveTheGauge() {
        SystemMemory old = importFixture("free-02-procps3.2-old-kB-buffers-cache.txt").snapshot().memory();
        assertEquals(515792L * 1024, old.memTotal());
        assertEquals(206228L * 1024, old.used()); // the -/+ buffers/cache used column
        assertEquals(-1, old.memAvailable());
        SystemMemory human = importFixture("free-04-procps3.3.12-wide-human-G-units.txt").snapshot().memory();
        assertEquals(2L << 30, human.memTotal());
        assertEquals(Math.round(163 * (1L << 20)), human.memAvailable());
        ImportResult m = importFixture("free-06-procps4-m.txt");
        assertEquals(7284L * 1024, m.snapshot().memory().memTotal());
        assertTrue(m.remarks().get(0).contains("KiB"), m.remarks().toString());
        ImportResult mib = TextImport.with(List.of()).read(Fixtures.path("free-06-procps4-m.txt"), 1L << 20);
        assertEquals(7284L << 20, mib.snapshot().memory().memTotal());
        assertEquals(1, mib.remarks().size(), "no unit remark once the unit is given: " + mib.remarks());
        // this free -m printed used as total - free - buff/cache (2127 = 7284 - 2795 - 2360 to a MiB)
        assertTrue(mib.remarks().get(0).contains("procps 3.3 to procps-ng 4.0.0"), mib.remarks().toString());
        assertNull(mib.snapshot().machine());
    }

    private static Region find(List<Region> regions, long start) {
        return regions.stream().filter(r -> r.start() == start).findFirst().orElseThrow();
    }
}
