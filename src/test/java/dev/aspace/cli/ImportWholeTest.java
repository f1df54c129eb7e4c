package dev.aspace.cli;

import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.snapshot.importers.ImportLimits;
import dev.aspace.snapshot.importers.ImportResult;
import dev.aspace.snapshot.importers.TextImport;
import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures from elsewhere are read whole, or the import says what it could not read and does not
 * exit 0 quietly: Android's Name: lines, BusyBox and toybox pmap, free without units, and the
 * two definitions of free's "used".
 */
class ImportWholeTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void anImportWithUnreadableLinesExitsTwoUnlessPartialAndSaysSoInItsSource() {
        String elided = Fixtures.path("pmap-toybox-xq-02-android-arm32-elided.txt").toString();
        Path json = dir.resolve("x.json");
        assertEquals(2, run("import", elided, "-o", json.toString()));
        assertTrue(out.toString().contains("16 regions, 2 unreadable lines"), out.toString());
        assertTrue(out.toString().contains("unreadable line 15:") && out.toString().contains("unreadable line 16:"), out.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("2 lines could not be read") && err.toString().contains("--partial")
                && err.toString().contains(json + " was not written"), err.toString());
        assertFalse(Files.exists(json), "nothing written without --partial");

        assertEquals(0, run("import", "--partial", elided, "-o", json.toString()), err.toString());
        Snapshot s = SnapshotStore.load(json);
        assertEquals(16, s.regions().size());
        assertTrue(s.source().description().endsWith("(partial: 2 unreadable lines)"), s.source().description());
    }

    @Test
    void androidNameLinesNameTheRegion() {
        ImportResult r = TextImports.read(Fixtures.path("smaps-android-01-arm32-name-line.txt"), 0);
        assertEquals(0, r.unreadableLines(), r.warnings().toString());
        Region only = r.snapshot().regions().get(0);
        assertEquals("[anon:libc_malloc]", only.path());
        assertEquals(84L << 10, only.rss());
    }

    @Test
    void aNameLineNamesARegionWhoseMapsLineHasNone() throws Exception {
        // the real capture's region with its maps-line name taken off: Name: alone must name it
        String text = Fixtures.text("smaps-android-01-arm32-name-line.txt")
                .replace("00:00 0          [anon:libc_malloc]\n", "00:00 0 \n");
        Path f = Files.writeString(dir.resolve("smaps.txt"), text);
        ImportResult r = TextImports.read(f, 0);
        assertEquals("[anon:libc_malloc]", r.snapshot().regions().get(0).path());
    }

    @Test
    void busyboxAndToyboxColumnsBecomeTheirSmapsFields() {
        ImportResult bb = TextImports.read(Fixtures.path("pmap-busybox-x-02-docker-tabs-1GiB-heap.txt"), 0);
        Region heap = bb.snapshot().regions().stream().filter(x -> x.path().equals("[heap]")).findFirst().orElseThrow();
        assertEquals(1048576L << 10, heap.size());
        assertEquals(1048576L << 10, heap.smaps().get("Pss"));
        assertEquals(1048576L << 10, heap.smaps().get("Private_Dirty"));
        assertTrue(heap.perms().write() && !heap.perms().shared());
        assertTrue(bb.remarks().isEmpty(), "the total line agrees: " + bb.remarks());
        ImportResult toy = TextImports.read(Fixtures.path("pmap-toybox-x-01-debian12-toybox0.8.9-python3.txt"), 0);
        assertTrue(toy.remarks().isEmpty(), "the total line agrees: " + toy.remarks());
        assertTrue(toy.snapshot().regions().stream().anyMatch(x -> x.path().isEmpty()), "[anon] is a nameless region");
        ImportResult android = TextImports.read(Fixtures.path("pmap-toybox-xq-02-android-arm32-elided.txt"), 0);
        assertTrue(android.snapshot().regions().stream().anyMatch(x -> x.perms().shared() && x.path().equals("anon_inode:dmabuf")));
        assertTrue(android.remarks().get(0).contains("lines are missing"), android.remarks().toString());
    }

    @Test
    void freeWithoutUnitsNeedsTheUnitOrSaysWhatItAssumed() {
        String mega = Fixtures.path("free-09-procps4.0.2-mega-no-units.txt").toString();
        assertEquals(0, run("import", mega));
        assertTrue(out.toString().contains("read as KiB") && out.toString().contains("--unit"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("import", "--unit", "MB", mega));
        assertFalse(out.toString().contains("read as KiB"), out.toString());
        // free --mega printed 25276 (MemTotal 24683748 kB on this machine is 25276 MB, 24105 MiB)
        ImportResult r = new TextImport(TextImport.builtIn(),
                ImportLimits.DEFAULT).read(Path.of(mega), 1000_000);
        assertEquals(25276L * 1000_000, r.snapshot().memory().memTotal());
    }

    @Test
    void macOsVmStatAndTopBecomeTheGauge() {
        SystemMemory vm = TextImports.read(Fixtures.path("macos-vmstat-01-arm64-16k-pages-tags.txt"), 0).snapshot().memory();
        long page = 16384;
        assertEquals((10069L + 5899) * page, vm.memFree());
        assertEquals((10069L + 5899 + 432859 + 426177 + 171481 + 1013366) * page, vm.memTotal());
        assertEquals((10069L + 5899 + 426177 + 11278) * page, vm.available());
        ImportResult top = TextImports.read(Fixtures.path("macos-top-physmem-01-arm64-compressor.txt"), 0);
        SystemMemory m = top.snapshot().memory();
        assertEquals(31L << 30, m.used());
        assertEquals(245L << 20, m.available());
        assertTrue(top.remarks().get(0).contains("total = used + unused"), top.remarks().toString());
    }

    @Test
    void theReportSaysWhichUsedTheTextPrinted() {
        ImportResult old = TextImports.read(Fixtures.path("free-01-centos7-new-format-m.txt"), 1L << 20);
        // captured here from procps-ng 4.0.2
        ImportResult now = TextImports.read(Fixtures.path("free-10-procps4.0.2-default-kib.txt"), 1L << 10);
        assertTrue(String.join("\n", old.remarks()).contains("procps 3.3 to procps-ng 4.0.0"), old.remarks().toString());
        assertTrue(String.join("\n", now.remarks()).contains("4.0.1 and later (and of"), now.remarks().toString());
    }
}
