package dev.aspace.cli;

import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged files through the CLI's entry, as a careless or hostile user hands them in: real
 * snapshots and a recorded series of a process this test starts, the text procps pmap and the
 * kernel printed for it, and the captured texts of the fixtures, each mutated (bit flips,
 * truncations, duplicated, dropped and swapped lines, swapped fields, huge numbers, foreign
 * bytes) and fed to every command that reads it. Each run must end with exit 0, or 1 or 2 and
 * one line on stderr; never an internal error, an exception's name, or a hang.
 */
class CliFuzzTest {

    /** Mutations per seed file, one command run each; the seeds are about 45, so a few thousand runs. */
    private static final int MUTATIONS = Integer.getInteger("aspace.fuzz.mutations", 50);
    private static final long SEED = Long.getLong("aspace.fuzz.seed", 20261204L);
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\tat |internal error");

    @TempDir
    Path dir;

    private record Seed(String name, byte[] bytes, String kind) {
    }

    private List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        try (LiveProcess sleep = LiveProcess.sleep()) {
            String pid = Integer.toString(sleep.pid());
            Path json = dir.resolve("seed.json");
            Path series = dir.resolve("seed.jsonl");
            assertEquals(0, run("snapshot", pid, "-o", json.toString()).code);
            assertEquals(0, run("record", pid, "-o", series.toString(), "--count", "2", "--every", "0.05").code);
            seeds.add(new Seed("snapshot.json", Files.readAllBytes(json), "json"));
            seeds.add(new Seed("series.jsonl", Files.readAllBytes(series), "series"));
            for (String f : List.of("", "-x", "-X", "-XX", "-d")) {
                seeds.add(new Seed("pmap" + f + ".txt", procps(f.isEmpty() ? new String[] {"pmap", pid}
                        : new String[] {"pmap", f, pid}), "text"));
            }
            seeds.add(new Seed("smaps.txt", Files.readAllBytes(Path.of("/proc", pid, "smaps")), "text"));
            seeds.add(new Seed("maps.txt", Files.readAllBytes(Path.of("/proc", pid, "maps")), "text"));
        }
        try (var files = Files.list(Fixtures.path("SOURCES.md").getParent())) {
            for (Path f : files.sorted().toList()) {
                if (f.toString().endsWith(".txt")) {
                    seeds.add(new Seed(f.getFileName().toString(), head(Files.readAllBytes(f)), "text"));
                }
            }
        }
        return seeds;
    }

    /** At most the first 32 KiB, cut at a line end: the big captures cost time, not cases. */
    private static byte[] head(byte[] b) {
        if (b.length <= 32 << 10) {
            return b;
        }
        int end = 32 << 10;
        while (end > 0 && b[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(b, end);
    }

    private static byte[] procps(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        byte[] b = p.getInputStream().readAllBytes();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return b;
    }

    private record Result(int code, String out, String err) {
    }

    /** One command line for every run: building picocli's model costs more than most runs. */
    private static final CommandLine CLI = AspaceCommand.commandLine();

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AspaceCommand.run(CLI, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The commands that read a file of this kind; mutation i goes to reader i (modulo their number). */
    private List<String[]> readers(Path f, String kind) {
        String s = f.toString();
        String[] render = {"render", s, "-o", dir.resolve("out.csv").toString()}; // forces the disk: the slowest
        return switch (kind) {
            case "json" -> List.of(new String[] {"pmap", "-X", s}, new String[] {"diff", s, s},
                    new String[] {"pmap", "-x", s}, render);
            case "series" -> List.of(new String[] {"pmap", "-XX", s + "@0"}, new String[] {"diff", s + "@0", s + "@-1"},
                    new String[] {"pmap", s});
            default -> List.of(new String[] {"import", s}, new String[] {"diff", s, s}, new String[] {"import", s},
                    new String[] {"diff", s, s}, new String[] {"import", s}, new String[] {"diff", s, s},
                    new String[] {"import", s}, render);
        };
    }

    @Test
    void damagedFilesGetAClearAnswerFromEveryReader() throws Exception {
        Random random = new Random(SEED);
        List<Seed> seeds = seeds();
        Map<String, Integer> codes = new TreeMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Long> millis = new TreeMap<>();
        int cases = 0;
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true); // a hung case must not keep the test JVM alive
            return t;
        });
        try {
            for (Seed seed : seeds) {
                for (int i = 0; i < MUTATIONS; i++) {
                    String how = "";
                    byte[] mutated = seed.bytes;
                    for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                        Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
                        how += m + " ";
                        mutated = m.apply(mutated, random);
                    }
                    Path f = dir.resolve("case-" + seed.name);
                    Files.write(f, mutated);
                    List<String[]> readers = readers(f, seed.kind);
                    for (String[] args : List.<String[]>of(readers.get(i % readers.size()))) {
                        cases++;
                        long t0 = System.nanoTime();
                        Future<Result> run = pool.submit(() -> run(args));
                        Result r;
                        try {
                            r = run.get(20, TimeUnit.SECONDS);
                        } catch (TimeoutException e) {
                            fail("hung: " + String.join(" ", args) + " on " + seed.name + " after " + how);
                            return;
                        }
                        codes.merge("exit " + r.code, 1, Integer::sum);
                        millis.merge(seed.kind + " " + args[0], (System.nanoTime() - t0) / 1_000_000, Long::sum);
                        String problem = problem(r);
                        if (problem != null && failures.size() < 20) {
                            Path kept = Files.createDirectories(Path.of("target", "fuzz-failures"))
                                    .resolve(failures.size() + "-" + seed.name).toAbsolutePath();
                            Files.write(kept, mutated);
                            failures.put(String.join(" ", args).replace(f.toString(), kept.toString()) + " ["
                                    + how.strip() + "]", problem);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("CliFuzzTest: " + cases + " runs of " + seeds.size() + " seed files, seed " + SEED + ": "
                + codes + "; ms by reader " + millis);
        assertTrue(failures.isEmpty(), failures.size() + " unclear answers (seed " + SEED + "), e.g.:\n"
                + String.join("\n", failures.entrySet().stream().map(e -> e.getKey() + "\n    " + e.getValue()).toList()));
        assertTrue(cases >= 2000 || MUTATIONS < 40, "a few thousand cases: " + cases);
    }

    /** What is wrong with an answer, or null when it is a clear one. */
    private static String problem(Result r) {
        if (r.code != 0 && r.code != 1 && r.code != 2) {
            return "exit " + r.code + ": " + r.err.strip();
        }
        if (EXCEPTION_NAME.matcher(r.err).find()) {
            return "an exception on stderr: " + r.err.strip();
        }
        if (r.code != 0 && r.err.lines().filter(l -> l.startsWith("aspace: ")).count() < 1) {
            return "exit " + r.code + " without a line saying why: " + r.err.strip();
        }
        if (r.code != 0 && r.err.lines().count() > 1 && !r.err.lines().allMatch(l -> l.startsWith("aspace"))) {
            return "more than one line: " + r.err.strip();
        }
        return null;
    }

    /** Ways of damaging a file. */
    enum Mutation {
        BIT_FLIP {
            @Override
            byte[] apply(byte[] b, Random r) {
                byte[] c = b.clone();
                if (c.length > 0) {
                    c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return c;
            }
        },
        TRUNCATE {
            @Override
            byte[] apply(byte[] b, Random r) {
                return Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            }
        },
        DUPLICATE_LINE {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> lines = lines(b);
                int i = r.nextInt(lines.size());
                lines.add(r.nextInt(lines.size() + 1), lines.get(i));
                return join(lines);
            }
        },
        DROP_LINE {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> lines = lines(b);
                if (lines.size() > 1) {
                    lines.remove(r.nextInt(lines.size()));
                }
                return join(lines);
            }
        },
        SWAP_LINES {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> lines = lines(b);
                Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
                return join(lines);
            }
        },
        SWAP_FIELDS {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> lines = lines(b);
                int i = r.nextInt(lines.size());
                String[] f = lines.get(i).split("((?<=[ ,:])|(?=[ ,:]))");
                if (f.length > 2) {
                    int x = r.nextInt(f.length);
                    int y = r.nextInt(f.length);
                    String t = f[x];
                    f[x] = f[y];
                    f[y] = t;
                    lines.set(i, String.join("", f));
                }
                return join(lines);
            }
        },
        HUGE_NUMBER {
            @Override
            byte[] apply(byte[] b, Random r) {
                String s = new String(b, StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\\d+").matcher(s);
                List<int[]> spans = new ArrayList<>();
                while (m.find() && spans.size() < 10_000) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (spans.isEmpty()) {
                    return b;
                }
                int[] sp = spans.get(r.nextInt(spans.size()));
                String[] huge = {"99999999999999999999999", "18446744073709551615", "-1", "0", "9223372036854775808"};
                return (s.substring(0, sp[0]) + huge[r.nextInt(huge.length)] + s.substring(sp[1]))
                        .getBytes(StandardCharsets.UTF_8);
            }
        },
        FOREIGN_BYTES {
            @Override
            byte[] apply(byte[] b, Random r) {
                byte[][] junk = {{0}, {(byte) 0xff, (byte) 0xfe}, {0x1b, '[', '2', 'J'}, "\u202e".getBytes(StandardCharsets.UTF_8),
                    {(byte) 0xc3}, "{\"".getBytes(StandardCharsets.UTF_8), "\n\n\n".getBytes(StandardCharsets.UTF_8)};
                byte[] j = junk[r.nextInt(junk.length)];
                int at = b.length == 0 ? 0 : r.nextInt(b.length);
                byte[] c = new byte[b.length + j.length];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(j, 0, c, at, j.length);
                System.arraycopy(b, at, c, at + j.length, b.length - at);
                return c;
            }
        };

        abstract byte[] apply(byte[] b, Random r);

        static List<String> lines(byte[] b) {
            return new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
        }

        static byte[] join(List<String> lines) {
            return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
