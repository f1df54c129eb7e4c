package dev.aspace.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * aspace free against procps-ng free, in every unit mode. /proc/meminfo moves between two reads,
 * so both run within a short window: the layout, the line heads and every total must be
 * identical; used, free, shared, buff/cache and available may differ by a little (at most 1% of
 * total memory: other processes allocate while the two read); human-readable cells must show
 * the same unit and a value within that margin.
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
            List<String> expected = ProcpsRun.lines(ProcpsRun.real(cmd));
            ProcpsRun.Result r = ProcpsRun.aspace(cmd);
            assertEquals(0, r.code(), r.err());
            compare(String.join(" ", cmd), expected, r.lines(), o.contains("-h") || o.contains("--human"));
        }
    }

    private static void compare(String what, List<String> expected, List<String> actual, boolean human) {
        assertEquals(expected.size(), actual.size(), what + "\n" + String.join("\n", actual));
        assertEquals(expected.get(0), actual.get(0), what + ": header");
        double margin = 0;
        for (int i = 1; i < expected.size(); i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            String msg = what + ": line " + (i + 1) + "\nexpected: " + e + "\nactual:   " + a;
            assertEquals(e.length(), a.length(), msg);
            assertEquals(e.substring(0, 9), a.substring(0, 9), msg);
            // cells are 11 wide after the 9-character head, then " " + 11
            List<String> ce = cells(e);
            List<String> ca = cells(a);
            assertEquals(ce.size(), ca.size(), msg);
            for (int c = 0; c < ce.size(); c++) {
                if (c == 0) {
                    assertEquals(ce.get(c), ca.get(c), msg + "\n(total must be exact)");
                    if (i == 1 && !human) {
                        margin = Math.max(2, Long.parseLong(ce.get(0)) / 100.0);
                    }
                } else if (human) {
                    String ue = ce.get(c).replaceAll("[0-9.]", "");
                    String ua = ca.get(c).replaceAll("[0-9.]", "");
                    // a figure near a unit boundary may print in the next unit up in one of the reads
                    double x = humanBytes(ce.get(c));
                    double y = humanBytes(ca.get(c));
                    double total = humanBytes(ce.get(0));
                    // the same 1 % of total as the exact modes (shared memory, say, moves by a few MB
                    // while other tests run), plus the resolution of each printed figure: "8.7Mi"
                    // is cut to a tenth of its unit, "19Gi" to a whole one (available at 19.99 GiB
                    // in one read and 20.0 in the other prints 19Gi and 20Gi)
                    assertTrue(Math.abs(x - y) <= total / 100 + resolution(ce.get(c)) + resolution(ca.get(c)),
                            msg + "\n(differs by more than 1% of total)");
                } else {
                    long x = Long.parseLong(ce.get(c));
                    long y = Long.parseLong(ca.get(c));
                    assertTrue(Math.abs(x - y) <= margin, msg + "\n(differs by more than 1% of total)");
                }
            }
        }
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
