package dev.aspace.snapshot.locate;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
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
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sections placed in the regions of a program built here and of the libc it maps, checked against
 * {@code readelf -SW} and the process's /proc/PID/maps as the test reads them: every allocated
 * section lands where readelf's address plus the load bias says, cut at the maps lines' edges,
 * and .bss reaches from the file's last page into the anonymous mapping after it.
 */
class SectionMapTest {

    @TempDir
    static Path dir;
    static LiveProcess proc;
    static Path program;
    static List<String> maps;
    static SectionMap sections;
    static Snapshot snapshot;

    /** One maps line as the test reads it. */
    record Line(long start, long end, long offset, long inode, String path) {
    }

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(dir.resolve("sections.c"), """
                #include <stdio.h>
                #include <unistd.h>
                int counter = 42;
                const char greeting[] = "every address you see is virtual";
                static char big[100000];
                int main(void) {
                    printf("ready %s %d\\n", greeting, counter);
                    fflush(stdout);
                    pause();
                    return big[1];
                }
                """);
        Tools.run(dir, "gcc", "-O0", "-o", "sections", "sections.c");
        program = dir.resolve("sections");
        proc = LiveProcess.start(program.toString());
        assertTrue(proc.readLine().startsWith("ready"));
        maps = Files.readAllLines(Path.of("/proc/" + proc.pid() + "/maps"));
        snapshot = new LinuxBackend().snapshot(proc.pid(), MemoryBackend.Detail.MAPS);
        sections = SectionMap.of(snapshot, new Locator(snapshot));
    }

    @AfterAll
    static void stop() {
        proc.close();
    }

    static List<Line> lines() {
        List<Line> out = new ArrayList<>();
        for (String l : maps) {
            String[] f = l.trim().split("\\s+", 6);
            String[] range = f[0].split("-");
            out.add(new Line(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                    Long.parseLong(f[2], 16), Long.parseLong(f[4]), f.length > 5 ? f[5] : ""));
        }
        return out;
    }

    /** name, address, size of each allocated, non-TLS section readelf lists. */
    static List<String[]> readelfSections(String file) {
        Pattern p = Pattern.compile("\\[\\s*\\d+]\\s+(\\S+)\\s+(\\S+)\\s+([0-9a-f]{16})\\s+[0-9a-f]+\\s+([0-9a-f]+)"
                + "\\s+[0-9a-f]+\\s+(\\S*)\\s+\\d+\\s+\\d+\\s+\\d+");
        List<String[]> out = new ArrayList<>();
        for (String l : Tools.run("readelf", "-SW", file).split("\n")) {
            Matcher m = p.matcher(l);
            if (m.find() && m.group(5).contains("A") && !m.group(5).contains("T") && Long.parseLong(m.group(4), 16) > 0) {
                out.add(new String[]{m.group(1), m.group(3), m.group(4), m.group(2)});
            }
        }
        return out;
    }

    /**
     * What readelf and maps say should be where: each section at readelf's address plus the bias
     * (the maps line at file offset 0 minus the first LOAD's page), cut to each line of the file,
     * and NOBITS sections cut to the anonymous line right after the file's last one.
     */
    static TreeSet<String> expected(String file) {
        List<Line> all = lines();
        List<Line> mine = all.stream().filter(l -> l.path().equals(file)).toList();
        long firstLoad = Long.parseUnsignedLong(Tools.run("readelf", "-lW", file).lines()
                .filter(l -> l.trim().startsWith("LOAD")).findFirst().orElseThrow().trim().split("\\s+")[2]
                .substring(2), 16) & ~0xfffL;
        long bias = mine.stream().filter(l -> l.offset() == 0).findFirst().orElseThrow().start() - firstLoad;
        Line last = mine.get(mine.size() - 1);
        Line tail = all.stream().filter(l -> l.start() == last.end() && l.inode() == 0 && l.path().isEmpty())
                .findFirst().orElse(null);
        TreeSet<String> out = new TreeSet<>();
        for (String[] s : readelfSections(file)) {
            long from = Long.parseUnsignedLong(s[1], 16) + bias;
            long to = from + Long.parseLong(s[2], 16);
            List<Line> holders = new ArrayList<>(mine);
            if (tail != null && s[3].equals("NOBITS")) {
                holders.add(tail);
            }
            for (Line l : holders) {
                long a = Math.max(from, l.start());
                long b = Math.min(to, l.end());
                if (a < b) {
                    out.add(key(l.start(), s[0], a, b));
                }
            }
        }
        return out;
    }

    static String key(long region, String name, long a, long b) {
        return Long.toHexString(region) + " " + name + " " + Long.toHexString(a) + "-" + Long.toHexString(b);
    }

    /** What SectionMap placed in the regions of the file (and the anonymous line after it). */
    static TreeSet<String> placed(String file) {
        List<Line> all = lines();
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < all.size(); i++) {
            Line l = all.get(i);
            boolean tail = i > 0 && all.get(i - 1).path().equals(file) && l.path().isEmpty() && l.start() == all.get(i - 1).end();
            if (l.path().equals(file) || tail) {
                for (PlacedSection s : sections.in(l.start())) {
                    out.add(key(l.start(), s.name(), s.start(), s.end()));
                }
            }
        }
        return out;
    }

    @Test
    void everySectionOfTheProgramIsWhereReadelfAndMapsPutIt() {
        TreeSet<String> want = expected(program.toString());
        assertTrue(want.stream().anyMatch(k -> k.contains(" .text ")) && want.stream().anyMatch(k -> k.contains(" .rodata "))
                && want.stream().anyMatch(k -> k.contains(" .data ")), want.toString());
        assertEquals(String.join("\n", want), String.join("\n", placed(program.toString())));
    }

    @Test
    void bssStartsInTheFilesLastPageAndEndsInTheAnonymousMappingAfterIt() {
        List<Line> all = lines();
        List<String> bss = placed(program.toString()).stream().filter(k -> k.contains(" .bss ")).toList();
        assertEquals(2, bss.size(), "the head in the file-backed rw-p line and the tail after it: " + bss);
        long bssSize = readelfSections(program.toString()).stream().filter(s -> s[0].equals(".bss"))
                .mapToLong(s -> Long.parseLong(s[2], 16)).sum();
        long total = 0;
        for (String k : bss) {
            String[] r = k.split(" ")[2].split("-");
            total += Long.parseUnsignedLong(r[1], 16) - Long.parseUnsignedLong(r[0], 16);
        }
        assertEquals(bssSize, total, "the two parts are the whole .bss readelf gives");
        long tailRegion = Long.parseUnsignedLong(bss.get(1).split(" ")[0], 16);
        Line tail = all.stream().filter(l -> l.start() == tailRegion).findFirst().orElseThrow();
        assertTrue(tail.inode() == 0 && tail.path().isEmpty(), "the tail's line is anonymous: " + tail);
        assertTrue(sections.in(tailRegion).get(0).nobits());
    }

    @Test
    void libcTextRodataAndDataAreWhereReadelfPutsThem() {
        String libc = lines().stream().map(Line::path).filter(p -> p.matches(".*/libc\\.so\\.6$")).findFirst().orElseThrow();
        TreeSet<String> want = expected(libc);
        assertTrue(want.stream().anyMatch(k -> k.contains(" .text ")), want.toString());
        assertEquals(String.join("\n", want), String.join("\n", placed(libc)));
    }

    /** The RELRO region shares its file page with .rodata's segment: locate must still say .got, not .rodata. */
    @Test
    void locateNamesTheGotInTheRelroRegion() {
        String got = placed(program.toString()).stream().filter(k -> k.contains(" .got ")).findFirst().orElseThrow();
        long a = Long.parseUnsignedLong(got.split(" ")[2].split("-")[0], 16);
        assertEquals(".got", new Locator(snapshot).locate(a).section(), got);
    }

    @Test
    void regionsWithoutAnElfImageHaveNoSections() {
        Line stack = lines().stream().filter(l -> l.path().equals("[stack]")).findFirst().orElseThrow();
        assertTrue(sections.in(stack.start()).isEmpty());
        assertNotNull(sections.in(null));
        assertFalse(sections.isEmpty());
    }
}
