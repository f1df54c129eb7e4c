package dev.aspace.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * aspace free against procps-ng free, in every unit mode. /proc/meminfo moves between two reads
 * (the machine is shared: other JVMs start and stop while this runs), so each aspace run is
 * bracketed by a procps run just before and one just after it: the layout, the line heads and
 * every total must be identical, and each other figure must lie between the two procps figures,
 * widened only by what the reading itself added (this JVM's resident and committed memory grew
 * by that much while aspace read) and by the resolution of the printed figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreeParityTest {

    private static final List<List<String>> OPTIONS = List.of(
            List.of(), List.of("-b"), List.of("-k"), List.of("-m"), List.of("-g"), List.of("-h"), List.of("--si"),
            List.of("-h", "--si"), List.of("-w"), List.of("-t"), List.of("-l"), List.of("-v"), List.of("-w", "-t", "-h"),
            List.of("--kilo"), List.of("--mega"), List.of("--giga"), List.of("--tera"), List.of("--peta"),
            List.of("--tebi"), List.of("--pebi"), List.of("--bytes", "--wide", "--total"), List.of("--human", "--lohi"),
            List.of("-m", "--committed"));

    @BeforeAll
    void needsProcps() {
        assumeTrue(ProcpsRun.has("free"), "procps free is not installed");
    }

    @Test
    void everyUnitModeMatchesProcps() {
        for (List<String> o : OPTIONS) {
            List<String> cmd = new ArrayList<>(List.of("free"));
            cmd.addAll(o);
            // another process may allocate and free again between two procps runs, outside any
            // bracket: such a spike passes, a wrong figure fails every attempt
            AssertionError last = null;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                    bracketed(cmd, o);
                    last = null;
                    break;
                } catch (AssertionError e) {
                    last = e;
                }
            }
            if (last != null) {
                throw last;
            }
        }
    }

    /**
     * What a running procps free adds to the machine's figures (measured: Committed_AS 568 KiB
     * higher in both procps runs than in aspace's in-process read between them on an idle machine;
     * its resident size is about 1.5 MiB).
     */
    private static final long PROCPS_FREE_FOOTPRINT = 2L << 20;

    /** How many times a mode is read before a figure outside its bracket fails the test. */
    private static final int ATTEMPTS = 5;

    private static void bracketed(List<String> cmd, List<String> o) {
        List<String> before = ProcpsRun.lines(ProcpsRun.real(cmd));
        long[] own = ownFootprint();
        ProcpsRun.Result r = ProcpsRun.aspace(cmd);
        long[] ownAfter = ownFootprint();
        List<String> after = ProcpsRun.lines(ProcpsRun.real(cmd));
        assertEquals(0, r.code(), r.err());
        // what this reader added while it read: resident growth, committed growth (bytes)
        long added = Math.max(0, ownAfter[0] - own[0]) + Math.max(0, ownAfter[1] - own[1]);
        compare(String.join(" ", cmd), before, r.lines(), after, o, added);
    }

    /** This JVM's resident anonymous memory and accounted (committed) mappings, in bytes. */
    static long[] ownFootprint() {
        try {
            long anon = 0;
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("RssAnon:")) {
                    anon = Long.parseLong(l.replaceAll("[^0-9]", "")) << 10;
                }
            }
            long committed = 0;
            long size = 0;
            for (String l : Files.readAllLines(Path.of("/proc/self/smaps"))) {
                if (l.startsWith("Size:")) {
                    size = Long.parseLong(l.replaceAll("[^0-9]", "")) << 10;
                } else if (l.startsWith("VmFlags:") && (" " + l.substring(8) + " ").contains(" ac ")) {
                    committed += size;
                }
            }
            return new long[] {anon, committed};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compare(String what, List<String> before, List<String> actual, List<String> after,
                                List<String> options, long addedBytes) {
        boolean human = options.contains("-h") || options.contains("--human");
        assertEquals(before.size(), actual.size(), what + "\n" + String.join("\n", actual));
        assertEquals(before.get(0), actual.get(0), what + ": header");
        double unit = unitBytes(options);
        for (int i = 1; i < before.size(); i++) {
            String b = before.get(i);
            String a = actual.get(i);
            String e = after.get(i);
            String msg = what + ": line " + (i + 1) + "\nbefore: " + b + "\naspace: " + a + "\nafter:  " + e;
            assertEquals(b.length(), a.length(), msg);
            assertEquals(b.substring(0, 9), a.substring(0, 9), msg);
            List<String> cb = cells(b);
            List<String> ca = cells(a);
            List<String> ce = cells(e);
            assertEquals(cb.size(), ca.size(), msg);
            for (int c = 0; c < cb.size(); c++) {
                if (c == 0) {
                    assertEquals(cb.get(c), ca.get(c), msg + "\n(total must be exact)");
                    continue;
                }
                double x = human ? humanBytes(cb.get(c)) : Long.parseLong(cb.get(c)) * unit;
                double y = human ? humanBytes(ca.get(c)) : Long.parseLong(ca.get(c)) * unit;
                double z = human ? humanBytes(ce.get(c)) : Long.parseLong(ce.get(c)) * unit;
                // a figure is cut to what it prints: a tenth of its unit with a decimal point, else one
                double step = human ? Math.max(Math.max(resolution(cb.get(c)), resolution(ca.get(c))), resolution(ce.get(c)))
                        : unit;
                // procps' free is a process of its own while it reads, so its own pages and commit are
                // in its figures and not in aspace's, read in this JVM (used lower, free higher)
                double slack = addedBytes + 2 * step + PROCPS_FREE_FOOTPRINT;
                assertTrue(y >= Math.min(x, z) - slack && y <= Math.max(x, z) + slack,
                        msg + "\n(column " + (c + 1) + " outside procps' before/after bracket widened by "
                                + (long) slack + " bytes)");
            }
        }
    }

    /** Bytes per printed unit of a mode without -h. */
    private static double unitBytes(List<String> o) {
        boolean si = o.contains("--si");
        String[] binary = {"-b", "-k", "-m", "-g", "--tebi", "--pebi"};
        String[] decimal = {"--bytes", "--kilo", "--mega", "--giga", "--tera", "--peta"};
        for (int i = 0; i < binary.length; i++) {
            if (o.contains(binary[i])) {
                return Math.pow(1024, i);
            }
            if (o.contains(decimal[i])) {
                return Math.pow(1000, i);
            }
        }
        return si ? 1000 : 1024;
    }

    /** The step between two figures printed like this one: a tenth of the unit with a decimal point, else one. */
    static double resolution(String cell) {
        double unit = unitOf(cell.replaceAll("[0-9.]", ""));
        return cell.contains(".") ? unit / 10 : unit;
    }

    /** "8.7Mi" -> bytes; binary units with "i", decimal (--si) without. */
    static double humanBytes(String cell) {
        String unit = cell.replaceAll("[0-9.]", "");
        return Double.parseDouble(cell.replaceAll("[^0-9.]", "")) * unitOf(unit);
    }

    static double unitOf(String unit) {
        if (unit.isEmpty() || unit.equals("B")) {
            return 1;
        }
        boolean binary = unit.endsWith("i");
        int power = "KMGTPE".indexOf(Character.toUpperCase(unit.charAt(0))) + 1;
        return Math.pow(binary ? 1024 : 1000, power);
    }

    private static List<String> cells(String line) {
        return List.of(line.substring(9).trim().split(" +"));
    }
}
