package dev.aspace.elf;

import dev.aspace.model.MalformedInputException;
import dev.aspace.testutil.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader against readelf and nm, run here on this machine's libc, ld.so, sleep and a program built here. */
class ElfFileTest {

    private static final Pattern SECTION = Pattern.compile(
            "^\\s*\\[\\s*(\\d+)]\\s+(?:(\\S+)\\s+)?([A-Z][A-Z_0-9+]*)\\s+([0-9a-f]{8,16})\\s+([0-9a-f]{6,})\\s+([0-9a-f]{6,})");
    private static final Pattern LOAD = Pattern.compile(
            "^\\s*(\\S+)\\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) (.{3}) 0x([0-9a-f]+)");

    @TempDir
    static Path dir;
    static Path program;

    @BeforeAll
    static void build() throws IOException {
        Files.writeString(dir.resolve("prog.c"), """
                #include <stdio.h>
                int counter = 42;
                static char buffer[4096];
                static int helper(int x) { return x * 3 + buffer[x]; }
                int main(int argc, char **argv) { printf("%d\\n", helper(argc) + counter); return 0; }
                """);
        Tools.run(dir, "gcc", "-O0", "-o", "prog", "prog.c");
        program = dir.resolve("prog");
    }

    static List<Path> files() throws IOException {
        Path sleep = dir.resolve("sleep");
        if (!Files.exists(sleep)) {
            Files.copy(Path.of("/bin/sleep"), sleep);
        }
        return List.of(Tools.mappedLibrary("libc.so"), Tools.mappedLibrary("ld-linux"), sleep, program);
    }

    @Test
    void headerAndProgramHeadersMatchReadelf() throws IOException {
        for (Path f : files()) {
            String out = Tools.run("readelf", "-hlW", f.toString());
            try (ElfFile e = ElfFile.open(f)) {
                assertTrue(out.contains("Type:                              " + e.header().typeName()), f + " type");
                assertTrue(out.contains("Entry point address:               0x" + Long.toHexString(e.header().entry())), f + " entry");
                List<String> expected = new ArrayList<>();
                for (String line : out.split("\n")) {
                    Matcher m = LOAD.matcher(line);
                    if (m.find()) {
                        expected.add(m.group(1) + " " + Long.parseUnsignedLong(m.group(2), 16) + " "
                                + Long.parseUnsignedLong(m.group(3), 16) + " " + Long.parseUnsignedLong(m.group(5), 16)
                                + " " + Long.parseUnsignedLong(m.group(6), 16) + " " + m.group(7));
                    }
                }
                List<String> actual = e.programHeaders().stream()
                        .map(p -> p.typeName() + " " + p.offset() + " " + p.vaddr() + " " + p.filesz() + " " + p.memsz()
                                + " " + p.flagText())
                        .toList();
                assertEquals(expected, actual, f + " program headers");
                assertTrue(e.problems().isEmpty(), f + " " + e.problems());
            }
        }
    }

    @Test
    void sectionsMatchReadelf() throws IOException {
        for (Path f : files()) {
            List<String> expected = new ArrayList<>();
            for (String line : Tools.run("readelf", "-SW", f.toString()).split("\n")) {
                Matcher m = SECTION.matcher(line);
                if (m.find()) {
                    expected.add(m.group(1) + " " + (m.group(2) == null ? "" : m.group(2)) + " " + m.group(4) + " "
                            + m.group(5) + " " + m.group(6));
                }
            }
            try (ElfFile e = ElfFile.open(f)) {
                List<String> actual = e.sections().stream()
                        .map(s -> s.index() + " " + s.name() + " " + String.format("%016x %06x %06x", s.addr(), s.offset(), s.size()))
                        .toList();
                assertTrue(expected.size() > 10, f + " readelf listed " + expected.size());
                assertEquals(expected, actual, f + " sections");
            }
        }
    }

    @Test
    void buildIdMatchesReadelf() throws IOException {
        for (Path f : files()) {
            Matcher m = Pattern.compile("Build ID: ([0-9a-f]+)").matcher(Tools.run("readelf", "-nW", f.toString()));
            try (ElfFile e = ElfFile.open(f)) {
                assertEquals(m.find() ? m.group(1) : "", e.buildId(), f.toString());
            }
        }
    }

    @Test
    void dynamicSymbolsMatchNm() throws IOException {
        for (Path f : files()) {
            Set<String> expected = nmSet(Tools.run("nm", "-D", "--defined-only", f.toString()));
            try (ElfFile e = ElfFile.open(f)) {
                Set<String> actual = new HashSet<>();
                for (ElfSymbol s : e.symbols()) {
                    if (s.dynamic() && s.shndx() != 0) {
                        actual.add(String.format("%016x %s", s.value(), s.name()));
                    }
                }
                assertEquals(expected, actual, f + " dynamic symbols");
            }
        }
    }

    @Test
    void staticSymbolsMatchNmAndSitInTheirSections() throws IOException {
        Set<String> expected = nmSet(Tools.run("nm", "--defined-only", program.toString()));
        try (ElfFile e = ElfFile.open(program)) {
            Set<String> actual = new HashSet<>();
            for (ElfSymbol s : e.symbols()) {
                if (!s.dynamic() && s.shndx() != 0 && s.type() != ElfSymbol.STT_FILE && s.type() != ElfSymbol.STT_SECTION
                        && !s.name().isEmpty()) {
                    actual.add(String.format("%016x %s", s.value(), s.name()));
                }
            }
            assertEquals(expected, actual);
            SymbolIndex index = new SymbolIndex(e.symbols());
            ElfSymbol main = index.named("main");
            assertEquals(".text", e.sectionAt(main.value()).orElseThrow().name());
            assertEquals("main", index.at(main.value() + 5).name());
            assertEquals(".data", e.sectionAt(index.named("counter").value()).orElseThrow().name());
            assertEquals(".bss", e.sectionAt(index.named("buffer").value() + 4000).orElseThrow().name());
            assertEquals("helper", index.at(index.named("helper").value()).name());
        }
    }

    @Test
    void elf32ObjectMatchesReadelf() throws IOException {
        Files.writeString(dir.resolve("t32.s"), ".data\n.globl value\nvalue: .long 7\n.text\n.globl start\nstart: nop\nret\n");
        Tools.run(dir, "as", "--32", "-o", "t32.o", "t32.s");
        Path obj = dir.resolve("t32.o");
        try (ElfFile e = ElfFile.open(obj)) {
            assertFalse(e.header().is64());
            assertEquals("REL", e.header().typeName());
            assertEquals("i386", e.header().machineName());
            Set<String> expected = nmSet(Tools.run("nm", "--defined-only", obj.toString()));
            Set<String> actual = new HashSet<>();
            for (ElfSymbol s : e.symbols()) {
                if (s.isAddressable()) {
                    actual.add(String.format("%016x %s", s.value(), s.name()));
                }
            }
            assertEquals(expected, actual);
            assertTrue(e.section(".data").isPresent());
        }
    }

    @Test
    void aTruncatedFileKeepsItsHeadersAndSaysWhatIsMissing() throws IOException {
        Path libc = Tools.mappedLibrary("libc.so");
        Path cut = dir.resolve("cut.so");
        byte[] all = Files.readAllBytes(libc);
        Files.write(cut, Arrays.copyOf(all, 100_000));
        try (ElfFile whole = ElfFile.open(libc); ElfFile e = ElfFile.open(cut)) {
            assertEquals(whole.programHeaders(), e.programHeaders());
            assertTrue(e.sections().isEmpty());
            assertFalse(e.problems().isEmpty());
            assertTrue(e.problems().get(0).contains("section headers"), e.problems().toString());
        }
    }

    @Test
    void notElfIsOneClearError() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello\n");
        MalformedInputException ex = assertThrows(MalformedInputException.class, () -> ElfFile.open(text));
        assertTrue(ex.getMessage().contains("not an ELF file"), ex.getMessage());
    }

    /** "address name" for each defined symbol nm lists (no versions; nm -D prints them on newer binutils). */
    static Set<String> nmSet(String out) {
        Set<String> s = new HashSet<>();
        for (String line : out.split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 3 && !t[1].equalsIgnoreCase("U") && !t[1].equals("w") && !t[1].equals("v")) {
                String name = t[2];
                int at = name.indexOf('@');
                s.add(String.format("%016x %s", Long.parseUnsignedLong(t[0], 16), at > 0 ? name.substring(0, at) : name));
            }
        }
        return s;
    }
}
