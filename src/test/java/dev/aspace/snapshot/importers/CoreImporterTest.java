package dev.aspace.snapshot.importers;

import dev.aspace.elf.CoreNotes;
import dev.aspace.elf.ElfFile;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.testutil.Tools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

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

    /**
     * gdb's gcore of a live two-thread process, against the maps the test reads just before:
     * every line but [vvar] and [vvar_vclock] (gdb dumps and names neither), with its range, path,
     * offset and permissions; gdb marks what it dumps readable, so only a line without r differs,
     * by that r. The file text gdb leaves out comes from NT_FILE with its file's permissions.
     */
    @Test
    void aGcoreHasTheRegionsOfTheMapsTakenJustBefore(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Tools.has("gcore"), "gdb's gcore is not installed");
        Files.writeString(dir.resolve("live.c"), """
                #include <stdio.h>
                #include <stdlib.h>
                #include <unistd.h>
                #include <pthread.h>
                static void *worker(void *a) { pause(); return a; }
                int main(void) {
                    /* the kernel's default filter: without it, gdb follows whatever this JVM passed on */
                    FILE *filter = fopen("/proc/self/coredump_filter", "w");
                    fputs("0x33", filter);
                    fclose(filter);
                    char *h = malloc(100);
                    pthread_t t;
                    pthread_create(&t, NULL, worker, NULL);
                    printf("ready\\n");
                    fflush(stdout);
                    pause();
                    return h[0];
                }
                """);
        Tools.run(dir, "gcc", "-O0", "-pthread", "-o", "live", "live.c");
        List<String> maps;
        Path core = dir.resolve("core." + 0);
        try (LiveProcess p = LiveProcess.start(dir.resolve("live").toString())) {
            p.awaitLine("ready", Duration.ofSeconds(30));
            maps = Files.readAllLines(Path.of("/proc/" + p.pid() + "/maps"));
            Tools.run(dir, "gcore", "-o", dir.resolve("core").toString(), Integer.toString(p.pid()));
            core = dir.resolve("core." + p.pid());
        }
        Snapshot snap = CoreImporter.read(core);
        List<String> expected = new ArrayList<>();
        for (String line : maps) {
            String[] f = line.trim().split("\\s+");
            if (line.endsWith("[vvar]") || line.endsWith("[vvar_vclock]")) {
                continue;
            }
            String perms = f[1].substring(0, 3);
            perms = perms.startsWith("-") ? "r" + perms.substring(1) : perms;
            String path = f.length > 5 && f[5].startsWith("/") ? f[5] : "";
            expected.add(f[0] + " " + perms + " " + path + (path.isEmpty() ? "" : " " + Long.parseLong(f[2], 16)));
        }
        List<String> actual = new ArrayList<>();
        for (Region r : snap.regions()) {
            String path = r.path().startsWith("/") ? r.path() : "";
            actual.add(r.rangeText() + " " + r.perms().toString().substring(0, 3) + " " + path
                    + (path.isEmpty() ? "" : " " + r.offset()));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        assertEquals(2, snap.threads().size());
        assertEquals(RegionKind.MAIN_STACK, regionOf(snap, snap.threads().get(0).stackPointer()).kind());
        assertEquals(RegionKind.THREAD_STACK, regionOf(snap, snap.threads().get(1).stackPointer()).kind());
        assertTrue(snap.source().description().contains("gdb's gcore"), snap.source().description());
        assertTrue(snap.source().description().contains("only named in NT_FILE"), snap.source().description());
    }

    private static Region regionOf(Snapshot s, long a) {
        return s.regions().stream().filter(r -> r.contains(a)).findFirst().orElseThrow();
    }

    /**
     * An aarch64 core qemu-user wrote (src/test/resources/cores/aarch64/README.md): its regions are
     * the guest's maps saved just before the crash, line for line; the thread's stack pointer is in
     * [stack] and its pc in main (nm), signal 11; AT_ENTRY is the program's entry (readelf -h).
     */
    @Test
    void anAarch64CoreFromQemuHasTheRegionsOfItsMaps(@TempDir Path dir) throws IOException {
        Path core = dir.resolve("crash.core");
        try (var in = new GZIPInputStream(CoreImporterTest.class.getResourceAsStream("/cores/aarch64/crash.core.gz"))) {
            Files.write(core, in.readAllBytes());
        }
        Snapshot snap = CoreImporter.read(core);
        List<String> expected = new ArrayList<>();
        for (String line : resourceLines("maps.txt")) {
            String[] f = line.trim().split("\\s+");
            expected.add(f[0] + " " + f[1] + (line.endsWith("[stack]") ? " [stack]" : ""));
        }
        List<String> actual = new ArrayList<>();
        for (Region r : snap.regions()) {
            actual.add(r.rangeText() + " " + r.perms() + (r.path().isEmpty() ? "" : " " + r.path()));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        assertTrue(snap.source().description().contains("AArch64"), snap.source().description());

        CoreNotes notes;
        try (ElfFile elf = ElfFile.open(core)) {
            notes = CoreNotes.of(elf);
        }
        assertEquals(1, notes.threads().size());
        CoreNotes.CoreThread t = notes.threads().get(0);
        assertEquals(11, t.signal());
        assertEquals(RegionKind.MAIN_STACK, regionOf(snap, t.stackPointer()).kind());
        assertEquals(t.stackPointer(), snap.threads().get(0).stackPointer());
        String[] main = resourceLines("nm-main-counter-big.txt").stream().filter(l -> l.endsWith(" main")).findFirst()
                .orElseThrow().split(" ");
        long mainAt = Long.parseUnsignedLong(main[0], 16);
        assertTrue(t.pc() >= mainAt && t.pc() < mainAt + Long.parseLong(main[1], 16), "pc 0x" + Long.toHexString(t.pc()));
        String entry = resourceLines("readelf-h.txt").stream().filter(l -> l.contains("Entry point")).findFirst()
                .orElseThrow().replaceAll(".*0x", "");
        assertEquals(Long.parseUnsignedLong(entry, 16), notes.auxv().get(CoreNotes.AT_ENTRY));
        // the local main printed lies in the stack region the core's stack pointer is in
        String local = resourceLines("out.txt").stream().filter(l -> l.startsWith("local ")).findFirst().orElseThrow();
        assertTrue(regionOf(snap, Long.parseUnsignedLong(local.substring(8), 16)).contains(t.stackPointer()), local);
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (var in = CoreImporterTest.class.getResourceAsStream("/cores/aarch64/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
