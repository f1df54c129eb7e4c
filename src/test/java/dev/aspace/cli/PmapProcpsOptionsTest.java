package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a script or a habit meets around pmap's tables, against procps-ng pmap on this machine:
 * the version line, rc files (written byte for byte, read into the same columns), -A given twice,
 * -r, several processes with a missing one, the options --help lists, and the exit statuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PmapProcpsOptionsTest {

    /** Names procps accepts in an rc file that change nothing, or a column procps always prints. */
    private static final String ODD_RC = """
            # fields procps ignores, syntax it warns about, sections it skips
            [Fields Display]
            Inode
            VmFlags
            Swap Locked
            Foo
            Address
            Kbytes
            THPeligible
            ProtectionKey
            Rss   # a comment after a field
            [Other] x
            Size
            [Mapping]
            ShowPath
            ShowPath
            bogus line here
            [Fields Display]Size
              \tPerm
            """;

    @BeforeAll
    void needsProcps() {
        assumeTrue(ProcpsRun.has("pmap"), "procps pmap is not installed");
    }

    @Test
    void versionOptionsPrintOneLineWithBothVersions() {
        try (LiveProcess p = LiveProcess.sleep()) {
            for (List<String> args : List.of(List.of("pmap", "-V"), List.of("pmap", "--version"),
                    List.of("pmap", "-Vx", Integer.toString(p.pid())))) {
                ProcpsRun.Result r = ProcpsRun.aspace(args);
                assertEquals(0, r.code(), args + ": " + r.err());
                assertEquals(1, r.lines().size(), args + ": one line: " + r.out());
                assertTrue(r.out().startsWith("pmap from aspace") && r.out().contains("procps-ng 4.0.2"), r.out());
            }
        }
    }

    @Test
    void rcFileTemplateIsWhatProcpsWritesByteForByte(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("real.rc");
        Path mine = dir.resolve("mine.rc");
        ProcpsRun.Result r = ProcpsRun.realWithErr(List.of("pmap", "-N", real.toString()));
        ProcpsRun.Result a = ProcpsRun.aspace("pmap", "-N", mine.toString());
        assertEquals(r.code(), a.code(), a.err());
        assertArrayEquals(Files.readAllBytes(real), Files.readAllBytes(mine));

        // -n: ~/.pmaprc, $HOME as procps takes it
        Path realHome = Files.createDirectory(dir.resolve("real-home"));
        Path myHome = Files.createDirectory(dir.resolve("my-home"));
        ProcpsRun.Result rn = ProcpsRun.realWithErr(List.of("env", "HOME=" + realHome, "pmap", "-n"));
        ProcpsRun.Result an = ProcpsRun.aspaceProcess(List.of("pmap", "-n"), Map.of("HOME", myHome.toString()));
        assertEquals(rn.code(), an.code(), an.err());
        assertArrayEquals(Files.readAllBytes(realHome.resolve(".pmaprc")), Files.readAllBytes(myHome.resolve(".pmaprc")));
    }

    @Test
    void anExistingRcFileIsNeverReplaced(@TempDir Path dir) throws IOException {
        Path rc = Files.writeString(dir.resolve("mine.rc"), "[Fields Display]\nRss\n");
        ProcpsRun.Result real = ProcpsRun.realWithErr(List.of("pmap", "-N", rc.toString()));
        ProcpsRun.Result a = ProcpsRun.aspace("pmap", "-N", rc.toString());
        assertEquals(real.code(), a.code());
        ProcpsRun.assertOneLine(a, 1, rc.toString(), "already exists");
        assertEquals("[Fields Display]\nRss\n", Files.readString(rc));
    }

    @Test
    void rcFilesGiveProcpsColumns(@TempDir Path dir) throws IOException {
        String template = PmapRc.TEMPLATE;
        // Pss and the clean split move while two readers map the same pages: PmapParity allows
        // for them where the layout has Inode and Mapping; the other files avoid them
        Map<String, String> files = Map.of(
                "all.rc", template.replaceAll("(?m)^#([A-Z][A-Za-z_]*)$", "$1"),
                "two.rc", "[Fields Display]\nRss\nSize # c\n[Mapping]\nShowPath\n",
                "odd.rc", ODD_RC,
                "nofields.rc", "[Fields Display]\nPerm\nMapping\n",
                "broken.rc", "Rss\n[Fields Display");
        try (LiveProcess p = LiveProcess.sleep()) {
            p.stop();
            String pid = Integer.toString(p.pid());
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path rc = Files.writeString(dir.resolve(f.getKey()), f.getValue());
                for (List<String> extra : List.of(List.<String>of(), List.of("-q"), List.of("-p"), List.of("-q", "-p"))) {
                    if (f.getKey().equals("all.rc") && extra.contains("-q")) {
                        continue; // no header to tell PmapParity the columns
                    }
                    List<String> args = new ArrayList<>(List.of("pmap", "-C", rc.toString()));
                    args.addAll(extra);
                    args.add(pid);
                    ProcpsRun.Result real = ProcpsRun.realWithErr(args);
                    ProcpsRun.Result mine = ProcpsRun.aspace(args);
                    String what = f.getKey() + " " + extra;
                    assertEquals(real.code(), mine.code(), what + ": " + mine.err());
                    PmapParity.assertSame(what, real.lines(), mine.lines());
                    assertEquals(warnings(real.err()), warnings(mine.err()), what + ": the same warnings");
                }
            }
        }
    }

    @Test
    void anRcFileThatCannotBeReadExitsOneAsProcps(@TempDir Path dir) {
        try (LiveProcess p = LiveProcess.sleep()) {
            String pid = Integer.toString(p.pid());
            String missing = dir.resolve("missing.rc").toString();
            ProcpsRun.Result real = ProcpsRun.realWithErr(List.of("pmap", "-C", missing, pid));
            ProcpsRun.Result mine = ProcpsRun.aspace("pmap", "-C", missing, pid);
            assertEquals(real.code(), mine.code());
            ProcpsRun.assertOneLine(mine, 1, missing, "no such file");
            ProcpsRun.Result realDefault = ProcpsRun.realWithErr(List.of("env", "HOME=" + dir, "pmap", "-c", pid));
            ProcpsRun.Result mineDefault = ProcpsRun.aspaceProcess(List.of("pmap", "-c", pid), Map.of("HOME", dir.toString()));
            assertEquals(realDefault.code(), mineDefault.code(), mineDefault.err());
            ProcpsRun.assertOneLine(mineDefault, 1, "~/.pmaprc", "aspace pmap -n");
        }
    }

    @Test
    void rangeGivenTwiceIsAppliedInTurnAsProcpsDoes() {
        try (LiveProcess p = LiveProcess.sleep()) {
            p.stop();
            String pid = Integer.toString(p.pid());
            String lo = Long.toHexString(firstAddress(pid));
            for (List<String> ranges : List.of(List.of("-A", "0,1", "-A", "0"), List.of("-A", "0", "-A", lo + ",ffffffffffff"),
                    List.of("-A", lo, "-A", ",7fffffffffff"), List.of("--range=1", "-A", "0,"))) {
                List<String> args = new ArrayList<>(List.of("pmap"));
                args.addAll(ranges);
                args.add(pid);
                ProcpsRun.Result real = ProcpsRun.realWithErr(args);
                ProcpsRun.Result mine = ProcpsRun.aspace(args);
                assertEquals(real.code(), mine.code(), args + ": " + mine.err());
                assertEquals(real.out(), mine.out(), args.toString());
            }
        }
    }

    @Test
    void minusRIsIgnoredWithProcpsWarning() {
        try (LiveProcess p = LiveProcess.sleep()) {
            p.stop();
            String pid = Integer.toString(p.pid());
            ProcpsRun.Result real = ProcpsRun.realWithErr(List.of("pmap", "-r", pid));
            ProcpsRun.Result mine = ProcpsRun.aspace("pmap", "-r", pid);
            assertEquals(real.code(), mine.code(), mine.err());
            assertEquals(real.out(), mine.out());
            assertEquals(warnings(real.err()), warnings(mine.err()));
        }
    }

    @Test
    void aMissingProcessAmongOthersIsSkippedAndTheStatusIsProcps42() throws Exception {
        int gone;
        try (LiveProcess t = LiveProcess.start("true")) {
            gone = t.pid();
            t.process().waitFor();
        }
        try (LiveProcess a = LiveProcess.sleep(); LiveProcess b = LiveProcess.sleep()) {
            a.stop();
            b.stop();
            List<String> args = List.of("pmap", "-x", Integer.toString(a.pid()), Integer.toString(gone), Integer.toString(b.pid()));
            ProcpsRun.Result real = ProcpsRun.realWithErr(args);
            ProcpsRun.Result mine = ProcpsRun.aspace(args);
            assertEquals(42, real.code(), "procps says 42: " + real.err());
            assertEquals(real.code(), mine.code(), mine.err());
            assertEquals(real.out(), mine.out(), "both processes printed, in order");
            assertTrue(mine.err().contains(Integer.toString(gone)) && mine.err().contains("no such process"), mine.err());
            // the fast path (a whole process run) too
            ProcpsRun.Result process = ProcpsRun.aspaceProcess(args);
            assertEquals(42, process.code(), process.err());
            assertEquals(real.out(), process.out());
        }
    }

    @Test
    void helpListsEveryOptionProcpsLists() {
        ProcpsRun.Result real = ProcpsRun.realWithErr(List.of("pmap", "--help"));
        String mine = ProcpsRun.aspace("pmap", "--help").out();
        Matcher m = Pattern.compile("(?<![\\w-])(--?[A-Za-z][\\w-]*)").matcher(real.out());
        int seen = 0;
        while (m.find()) {
            String option = m.group(1);
            if (option.equals("-XX")) {
                continue; // -X twice
            }
            seen++;
            assertTrue(Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])").matcher(mine).find(),
                    option + " is in procps' help but not in aspace's:\n" + mine);
        }
        assertTrue(seen >= 20, "read procps' options: " + real.out());
    }

    /** A warning's words without the program's prefix (and the file aspace names). */
    private static List<String> warnings(String err) {
        List<String> out = new ArrayList<>();
        for (String line : ProcpsRun.lines(err)) {
            out.add(line.replaceFirst("^(pmap|aspace): ([^ ]+\\.rc: )?", ""));
        }
        return out;
    }

    private static long firstAddress(String pid) {
        String first = ProcpsRun.lines(ProcpsRun.real(List.of("pmap", "-q", pid))).get(1);
        return Long.parseUnsignedLong(first.substring(0, first.indexOf(' ')), 16);
    }
}
