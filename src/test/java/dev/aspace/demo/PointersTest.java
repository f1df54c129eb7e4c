package dev.aspace.demo;

import dev.aspace.testutil.Tools;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The child's "every address you see is virtual" pointers: in its text, data, [heap] and [stack]
 * as /proc/PID/maps read by the test says, and main and the global where nm puts them.
 */
class PointersTest {

    /** The maps line holding the address. */
    static String line(List<String> maps, long a) {
        for (String l : maps) {
            String[] r = l.substring(0, l.indexOf(' ')).split("-");
            if (Long.compareUnsigned(a, Long.parseUnsignedLong(r[0], 16)) >= 0
                    && Long.compareUnsigned(a, Long.parseUnsignedLong(r[1], 16)) < 0) {
                return l;
            }
        }
        throw new AssertionError("0x" + Long.toHexString(a) + " is in no region of " + maps);
    }

    /** The run-time address of an nm symbol of the program, from the maps line mapping file offset 0. */
    static long symbol(List<String> maps, Path exe, String name) {
        String first = maps.stream().filter(l -> l.endsWith(exe.toString()) && l.split("\\s+")[2].equals("00000000"))
                .findFirst().orElseThrow();
        long base = Long.parseUnsignedLong(first.substring(0, first.indexOf('-')), 16);
        for (String l : Tools.run("nm", exe.toString()).split("\n")) {
            String[] t = l.trim().split("\\s+");
            if (t.length == 3 && t[2].equals(name)) {
                return base + Long.parseUnsignedLong(t[0], 16);
            }
        }
        throw new AssertionError(name + " not in nm " + exe);
    }

    static void check(long code, long data, long heap, long stack, int pid) throws IOException {
        List<String> maps = Files.readAllLines(Path.of("/proc/" + pid + "/maps"));
        Path exe = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe"));
        assertTrue(line(maps, code).contains(" r-xp ") && line(maps, code).endsWith(exe.toString()), line(maps, code));
        assertTrue(line(maps, data).contains(" rw-p ") && line(maps, data).endsWith(exe.toString()), line(maps, data));
        assertTrue(line(maps, heap).endsWith("[heap]"), line(maps, heap));
        assertTrue(line(maps, stack).endsWith("[stack]"), line(maps, stack));
        assertEquals(symbol(maps, exe, "main"), code);
        assertEquals(symbol(maps, exe, "location_of_data"), data);
    }

    @Test
    void theReadyLineSaysWhereCodeDataHeapAndStackAre() throws IOException {
        try (MemoryUserController c = MemoryUserController.start()) {
            Pointers p = c.pointers();
            assertTrue(p.known(), p.toString());
            check(p.code(), p.data(), p.heap(), p.stack(), c.pid());
        }
    }

    @Test
    void theHomeworkPrintsThemAsTheChaptersProgramDoes() throws Exception {
        Process p = new ProcessBuilder(MemoryUserController.program().toString(), "--run", "1048576", "--seconds", "30",
                "--touch", "none").redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(r.readLine().startsWith("memory-user: pid " + p.pid() + ","));
            Map<String, Long> at = new LinkedHashMap<>();
            for (String what : List.of("code", "data", "heap", "stack")) {
                String l = r.readLine();
                String prefix = "location of " + what + " : 0x";
                assertTrue(l.startsWith(prefix), l);
                at.put(what, Long.parseUnsignedLong(l.substring(prefix.length()), 16));
            }
            check(at.get("code"), at.get("data"), at.get("heap"), at.get("stack"), (int) p.pid());
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}
