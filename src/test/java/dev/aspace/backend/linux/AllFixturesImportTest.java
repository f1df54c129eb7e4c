package dev.aspace.backend.linux;

import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.model.RegionKind;
import dev.aspace.snapshot.importers.ImportFormat;
import dev.aspace.snapshot.importers.ImportResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file in src/test/resources/fixtures (SOURCES.md says where each came from) imports,
 * with the format and region count counted from the file itself, not by this code:
 * {@code grep -cE '^ *[0-9a-f]{8,16} '} for pmap, {@code grep -cE '[0-9a-f]+-[0-9a-f]+ +\['} for
 * vmmap, {@code grep -cE '^[0-9a-f]+-[0-9a-f]+ '} for maps and smaps, the indented block rows
 * ({@code grep -c '^"  '}) for the VMMap CSV. A new fixture without a line here fails the test.
 */
class AllFixturesImportTest {

    private static final Path DIR = Path.of("src/test/resources/fixtures");

    /** file -> format, regions, unreadable lines. */
    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            entry("free-01-centos7-new-format-m.txt", new Expected(ImportFormat.FREE, 0, 0)),
            entry("free-02-procps3.2-old-kB-buffers-cache.txt", new Expected(ImportFormat.FREE, 0, 0)),
            entry("free-04-procps3.3.12-wide-human-G-units.txt", new Expected(ImportFormat.FREE, 0, 0)),
            entry("free-06-procps4-m.txt", new Expected(ImportFormat.FREE, 0, 0)),
            entry("free-08-openharmony-toybox-style.txt", new Expected(ImportFormat.FREE, 0, 0)),
            entry("free-09-procps4.0.2-mega-no-units.txt", new Expected(ImportFormat.FREE, 0, 0)),
            entry("free-10-procps4.0.2-default-kib.txt", new Expected(ImportFormat.FREE, 0, 0)),
            entry("macos-top-physmem-01-arm64-compressor.txt", new Expected(ImportFormat.TOP_PHYSMEM, 0, 0)),
            entry("macos-top-physmem-02-16g-docker.txt", new Expected(ImportFormat.TOP_PHYSMEM, 0, 0)),
            entry("macos-vmstat-01-arm64-16k-pages-tags.txt", new Expected(ImportFormat.VM_STAT, 0, 0)),
            entry("maps-02-remarkable2-armv7-xochitl-memfd-deleted.txt", new Expected(ImportFormat.PROC_MAPS, 646, 0)),
            entry("maps-03-debian10-x86_64-java-tomcat.txt", new Expected(ImportFormat.PROC_MAPS, 340, 0)),
            entry("meminfo-01-kernel4.15ish-x86_64-gopsutil-intelcorei5.txt", new Expected(ImportFormat.MEMINFO, 0, 0)),
            entry("meminfo-02-embedded-32bit-legacy-header-gopsutil-issue1002.txt", new Expected(ImportFormat.MEMINFO, 0, 0)),
            entry("meminfo-05-kernel2.6.32-3.x-x86_64-no-MemAvailable.txt", new Expected(ImportFormat.MEMINFO, 0, 0)),
            entry("pmap-busybox-01-x86_64-musl-default.txt", new Expected(ImportFormat.BUSYBOX_PMAP, 8, 0)),
            entry("pmap-busybox-x-01-x86_64-musl.txt", new Expected(ImportFormat.BUSYBOX_PMAP_X, 16, 0)),
            entry("pmap-busybox-x-02-docker-tabs-1GiB-heap.txt", new Expected(ImportFormat.BUSYBOX_PMAP_X, 7, 0)),
            // toybox's default format is procps'
            entry("pmap-toybox-01-debian12-toybox0.8.9-python3.txt", new Expected(ImportFormat.PMAP, 116, 0)),
            entry("pmap-toybox-x-01-debian12-toybox0.8.9-python3.txt", new Expected(ImportFormat.TOYBOX_PMAP_X, 116, 0)),
            entry("pmap-toybox-xq-01-debian12-toybox0.8.9-python3.txt", new Expected(ImportFormat.TOYBOX_PMAP_X, 116, 0)),
            // its author cut the listing: two "....." lines, listed as unreadable, the import partial
            entry("pmap-toybox-xq-02-android-arm32-elided.txt", new Expected(ImportFormat.TOYBOX_PMAP_X, 16, 2)),
            entry("pmap-d-01-centos4.4-i386-procps3.2.txt", new Expected(ImportFormat.PMAP_D, 18, 0)),
            entry("pmap-default-01-centos7-x86_64.txt", new Expected(ImportFormat.PMAP, 17, 0)),
            entry("pmap-rc-01-kernel6.x-procps4.0-custom-columns.txt", new Expected(ImportFormat.PMAP_CUSTOM, 23, 0)),
            entry("pmap-x-01-centos4.4-i386-procps3.2.txt", new Expected(ImportFormat.PMAP_X, 18, 0)),
            entry("pmapX-01-centos7-kernel3.10-few-columns.txt", new Expected(ImportFormat.PMAP_X_FULL, 17, 0)),
            entry("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt", new Expected(ImportFormat.PMAP_X_FULL, 19, 0)),
            entry("pmapXX-01-ubuntu18.04-procps3.3.12-VmFlagsMapping-joined.txt", new Expected(ImportFormat.PMAP_XX, 19, 0)),
            entry("smaps-01-googleinterns-memfd-deleted-vsyscall.txt", new Expected(ImportFormat.PROC_SMAPS, 1072, 0)),
            entry("smaps-android-01-arm32-name-line.txt", new Expected(ImportFormat.PROC_SMAPS, 1, 0)),
            entry("smaps_rollup-01-prometheus-procfs-kernel4.x.txt", new Expected(ImportFormat.PROC_SMAPS_ROLLUP, 0, 0)),
            entry("vmmap-01-macos14.0-arm64-full.txt", new Expected(ImportFormat.VMMAP, 250, 0)),
            entry("vmmap-02-macos-x86_64-interleaved-pages-partial.txt", new Expected(ImportFormat.VMMAP_INTERLEAVED, 27, 0)),
            entry("vmmap-03-macos10.13.3-x86_64-wide-full.txt", new Expected(ImportFormat.VMMAP, 391, 0)),
            entry("vmmap-04-macos10.14.1-x86_64-summary.txt", new Expected(ImportFormat.VMMAP_SUMMARY, 0, 0)),
            entry("vmmap-05-macos10.12-x86_64-summary-virtual-only.txt", new Expected(ImportFormat.VMMAP_SUMMARY, 0, 0)),
            entry("vmmap-06-macos26.4.1-arm64-summary.txt", new Expected(ImportFormat.VMMAP_SUMMARY, 0, 0)),
            // the author cut the region lists: two "...(snip)..." lines, listed as unreadable
            entry("vmmap-08-macosx10.10.5-x86_64-format2.3-snipped.txt", new Expected(ImportFormat.VMMAP, 20, 2)),
            entry("winvmmap-01-sysinternals-vmmap-csv-details-partial.txt", new Expected(ImportFormat.WINDOWS_VMMAP_CSV, 16, 0)));

    private record Expected(ImportFormat format, int regions, int unreadable) {
    }

    @Test
    void everyFixtureImportsWithItsFormatAndRegionCount() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(DIR)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("SOURCES.md")).forEach(files::add);
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), files, "every fixture has an expectation here");
        for (String file : files) {
            Expected e = EXPECTED.get(file);
            ImportResult r = TextImports.read(DIR.resolve(file), 0);
            assertEquals(e.format(), r.format(), file);
            assertEquals(e.regions(), r.regionCount(), file + " " + r.warnings());
            assertEquals(e.unreadable(), r.unreadableLines(), file + " " + r.warnings());
            String source = r.snapshot().source().description();
            assertTrue(e.unreadable() == 0 ? source.endsWith(file)
                    : source.endsWith(file + " (partial: " + e.unreadable() + " unreadable lines)"), source);
            r.snapshot().regions().forEach(reg -> assertFalse(reg.kind() == RegionKind.UNCLASSIFIED, file + " " + reg));
            boolean gauge = e.format() == ImportFormat.FREE || e.format() == ImportFormat.VM_STAT
                    || e.format() == ImportFormat.TOP_PHYSMEM; // these say how they made their figures
            if (!gauge && e.unreadable() == 0) {
                assertEquals(List.of(), r.remarks(), file); // totals lines and summary counts agree
            }
            if (gauge || e.format() == ImportFormat.MEMINFO) {
                assertNotNull(r.snapshot().memory(), file);
                assertTrue(r.snapshot().memory().memTotal() > 0, file);
            }
        }
    }

    @Test
    void rawProcTextKeepsTheKernelsFields() {
        ImportResult smaps = TextImports.read(DIR.resolve("smaps-01-googleinterns-memfd-deleted-vsyscall.txt"), 0);
        var first = smaps.snapshot().regions().get(0);
        assertEquals(0x16ec0000000L, first.start());
        assertEquals(956416L * 1024, first.smaps().size());
        assertTrue(first.smaps().has("HugePFNMap")); // a key mainline kernels do not print, kept
        assertEquals(RegionKind.VSYSCALL, smaps.snapshot().regions().get(smaps.regionCount() - 1).kind());
        ImportResult rollup = TextImports.read(DIR.resolve("smaps_rollup-01-prometheus-procfs-kernel4.x.txt"), 0);
        assertEquals(29948L * 1024, rollup.snapshot().rollup().rss());
        ImportResult old = TextImports.read(DIR.resolve("meminfo-05-kernel2.6.32-3.x-x86_64-no-MemAvailable.txt"), 0);
        assertEquals(-1, old.snapshot().memory().memAvailable());
    }
}
