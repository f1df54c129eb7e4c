package dev.aspace.snapshot.importers;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.Tools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A core the test makes (a program that saves its own /proc/self/maps, then raises SIGSEGV with
 * ulimit -c unlimited in a directory of its own) read back: the same regions as those maps.
 */
class CoreImporterTest {

    @Test
    void aKernelCoreHasTheRegionsOfTheMapsTakenJustBefore(@TempDir Path dir) throws IOException {
        String pattern = Tools.run("cat", "/proc/sys/kernel/core_pattern").trim();
        if (pattern.startsWith("|") || pattern.contains("/")) {
            System.out.println("CoreImporterTest skipped: core_pattern '" + pattern + "' sends cores elsewhere");
            Assumptions.abort("core_pattern '" + pattern + "' sends cores elsewhere, not to the crashing directory");
        }
        Files.writeString(dir.resolve("crash.c"), """
                #include <stdio.h>
                #include <stdlib.h>
                #include <signal.h>
                int main(void) {
                    char *h = malloc(100);
                    FILE *in = fopen("/proc/self/maps", "r"), *out = fopen("maps.txt", "w");
                    char b[4096];
                    size_t n;
                    while ((n = fread(b, 1, sizeof b, in)) > 0) fwrite(b, 1, n, out);
                    fclose(out);
                    fclose(in);
                    h[0] = 1;
                    raise(SIGSEGV);
                    return h[0];
                }
                """);
        Tools.run(dir, "gcc", "-O0", "-o", "crash", "crash.c");
        new ProcessBuilder("bash", "-c", "ulimit -c unlimited; ./crash").directory(dir.toFile()).start().onExit().join();
        Path core;
        try (Stream<Path> s = Files.list(dir)) {
            core = s.filter(p -> p.getFileName().toString().startsWith("core")).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(core != null, "no core was written (core_pattern '" + pattern + "', a size limit?)");

        Snapshot snap = CoreImporter.read(core);
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("maps.txt"))) {
            String[] f = line.trim().split("\\s+");
            String path = f.length > 5 && f[5].startsWith("/") ? f[5] : "";
            expected.add(f[0] + " " + f[1].substring(0, 3) + " " + path);
        }
        List<String> actual = new ArrayList<>();
        for (Region r : snap.regions()) {
            actual.add(r.rangeText() + " " + r.perms().toString().substring(0, 3) + " " + (r.path().startsWith("/") ? r.path() : ""));
        }
        assertEquals(expected, actual);
        assertEquals(1, snap.threads().size());
        Region stack = snap.regions().stream().filter(r -> r.contains(snap.threads().get(0).stackPointer())).findFirst().orElseThrow();
        assertEquals(RegionKind.MAIN_STACK, stack.kind());
        String vdsoLine = Files.readAllLines(dir.resolve("maps.txt")).stream().filter(l -> l.endsWith("[vdso]")).findFirst().orElseThrow();
        assertEquals(RegionKind.VDSO, snap.regions().stream().filter(r -> vdsoLine.startsWith(r.rangeText())).findFirst()
                .orElseThrow().kind());
        assertTrue(snap.regions().stream().anyMatch(r -> r.kind() == RegionKind.PROGRAM_TEXT && r.path().endsWith("/crash")));
        assertTrue(!snap.source().description().contains("TRUNCATED"), snap.source().description());

        // cut short: every region still there, and the mark says what is missing
        Path cut = dir.resolve("cut.core");
        byte[] all = Files.readAllBytes(core);
        Files.write(cut, Arrays.copyOf(all, all.length / 3));
        Snapshot part = CoreImporter.read(cut);
        assertEquals(actual.size(), part.regions().size());
        assertTrue(part.source().description().contains("TRUNCATED at " + all.length / 3 + " bytes"), part.source().description());
    }
}
