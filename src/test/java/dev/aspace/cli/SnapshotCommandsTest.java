package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** import, diff, render and pmap of saved snapshots through the CLI, with their bad-input cases. */
class SnapshotCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void importSaysFormatRegionsAndWritesJsonThatLoads() {
        Path json = dir.resolve("x.json");
        assertEquals(0, run("import", Fixtures.path("pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt").toString(),
                "-o", json.toString()), err.toString());
        assertTrue(out.toString().contains(": pmap -X, 19 regions, 0 unreadable lines"), out.toString());
        Snapshot s = SnapshotStore.load(json);
        assertEquals(19, s.regions().size());
        assertEquals(16156, s.process().pid());
    }

    @Test
    void importListsUnreadableLinesByNumber() {
        assertEquals(0, run("import", "--partial",
                Fixtures.path("vmmap-08-macosx10.10.5-x86_64-format2.3-snipped.txt").toString()));
        assertTrue(out.toString().contains("20 regions, 2 unreadable lines"), out.toString());
        assertTrue(out.toString().contains("unreadable line 28: not a vmmap region line"), out.toString());
        assertTrue(out.toString().contains("unreadable line 31:"), out.toString());
    }

    @Test
    void importOfUnknownTextIsBadInputWithTheExpectedFormats() throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "dear diary\n");
        assertEquals(2, run("import", f.toString()));
        assertTrue(err.toString().startsWith("aspace: " + f + ": unknown format"), err.toString());
        assertTrue(err.toString().contains("pmap -X"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void importNeverWritesOverItsInput() throws Exception {
        Path f = dir.resolve("p.txt");
        Files.writeString(f, Fixtures.text("pmap-default-01-centos7-x86_64.txt"));
        String before = Files.readString(f);
        assertEquals(2, run("import", f.toString(), "-o", f.toString()));
        assertTrue(err.toString().contains("is also the input"), err.toString());
        assertEquals(before, Files.readString(f));
    }

    @Test
    void diffOfTwoRunsShowsTheSlide() {
        assertEquals(0, run("diff", Fixtures.path("pmap-default-01-centos7-x86_64.txt").toString(),
                Fixtures.path("pmapX-01-centos7-kernel3.10-few-columns.txt").toString()), err.toString());
        assertTrue(out.toString().contains("-0x6b1975000"), out.toString());
        assertTrue(out.toString().contains("12 moved"), out.toString());
    }

    @Test
    void diffOfALiveSnapshotWithItselfIsUnchanged() {
        Path json = dir.resolve("live.json");
        try (LiveProcess p = LiveProcess.sleep()) {
            p.stop();
            SnapshotStore.save(Backends.live().snapshot(p.pid(), MemoryBackend.Detail.SMAPS), json);
        }
        assertEquals(0, run("diff", json.toString(), json.toString()), err.toString());
        assertTrue(out.toString().contains(" 0 added, 0 removed, 0 moved, 0 grown, 0 shrunk, 0 perms, 0 rss/pss"),
                out.toString());
    }

    @Test
    void renderWritesSvgPngAndCsvRedacted() throws Exception {
        Path in = Fixtures.path("smaps-01-googleinterns-memfd-deleted-vsyscall.txt");
        Path svg = dir.resolve("a.svg");
        assertEquals(0, run("render", in.toString(), "-o", svg.toString()), err.toString());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg "), text.substring(0, 50));
        assertTrue(text.contains("1072 regions"));
        Path png = dir.resolve("a.png");
        assertEquals(0, run("render", in.toString(), "-o", png.toString(), "--width", "800"), err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        Path csv = dir.resolve("a.csv");
        assertEquals(0, run("render", in.toString(), "-o", csv.toString()), err.toString());
        assertEquals(1 + 1072, Files.readAllLines(csv).size());
    }

    @Test
    void renderRedactsHomeDirectoriesByDefault() throws Exception {
        Path in = dir.resolve("maps.txt");
        Files.writeString(in, "00400000-00401000 r-xp 00000000 fe:00 42 /home/alice/bin/prog\n"
                + "7ffd0000-7ffd1000 rw-p 00000000 00:00 0 [stack]\n");
        Path svg = dir.resolve("r.svg");
        assertEquals(0, run("render", in.toString(), "-o", svg.toString()), err.toString());
        String text = Files.readString(svg);
        assertTrue(text.contains("/home/USER/bin/prog"), text);
        assertFalse(text.contains("alice"));
        Path raw = dir.resolve("raw.svg");
        assertEquals(0, run("render", in.toString(), "-o", raw.toString(), "--no-redact"), err.toString());
        assertTrue(Files.readString(raw).contains("/home/alice/bin/prog"));
    }

    @Test
    void renderBadInputs() throws Exception {
        Path in = Fixtures.path("free-06-procps4-m.txt");
        assertEquals(2, run("render", in.toString(), "-o", dir.resolve("f.svg").toString()));
        assertTrue(err.toString().contains("has no regions to draw"), err.toString());
        assertEquals(2, run("render", Fixtures.path("pmapX-01-centos7-kernel3.10-few-columns.txt").toString(),
                "-o", dir.resolve("x.gif").toString()));
        Path corrupt = dir.resolve("c.json");
        Files.writeString(corrupt, "{\"format\": \"aspace-snapshot\", \"version\": 1, \"regions\": [");
        assertEquals(2, run("render", corrupt.toString(), "-o", dir.resolve("c.svg").toString()));
        assertTrue(err.toString().contains(corrupt.toString()), err.toString());
        assertFalse(Files.exists(dir.resolve("c.svg")));
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    private Path savedSleep(boolean torn) {
        try (LiveProcess p = LiveProcess.sleep()) {
            Snapshot s = new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
            Path file = dir.resolve(torn ? "torn.json" : "whole.json");
            SnapshotStore.save(s.withTorn(torn), file);
            return file;
        }
    }

    @Test
    void pmapOfATornSnapshotWarnsInOneLineAndStillPrints() {
        Path file = savedSleep(true);
        for (String mode : new String[] {"-x", "-X"}) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertEquals(0, run("pmap", mode, file.toString()), err.toString());
            assertTrue(out.toString().contains("sleep"), out.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("aspace: warning: ") && err.toString().contains("torn snapshot")
                    && err.toString().contains(file.toString()), err.toString());
        }
    }

    @Test
    void pmapOfAWholeSnapshotSaysNothingOnStderr() {
        Path file = savedSleep(false);
        assertEquals(0, run("pmap", "-X", file.toString()));
        assertEquals("", err.toString());
    }

    @Test
    void diffSaysWhenAFileIsMappedWhereAnonymousMemoryWas() {
        Snapshot before;
        try (LiveProcess p = LiveProcess.sleep()) {
            p.stop();
            before = new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
        }
        List<Region> regions = new ArrayList<>(before.regions());
        int i = 0;
        while (!regions.get(i).path().isEmpty()) {
            i++;
        }
        Region anon = regions.get(i);
        regions.set(i, new Region(anon.start(), anon.end(), anon.perms(), 0, "fe:01", 4242,
                "/tmp/mapped-over", anon.smaps(), RegionKind.FILE_MAPPING, ""));
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        SnapshotStore.save(before, a);
        SnapshotStore.save(before.withRegions(regions), b);
        assertEquals(0, run("diff", a.toString(), b.toString()), err.toString());
        String row = out.toString().lines().filter(l -> l.contains("/tmp/mapped-over")).findFirst().orElseThrow();
        assertTrue(row.startsWith("backing"), out.toString());
        assertTrue(out.toString().contains(" 1 backing, "), out.toString());
    }
}
