package dev.aspace.procfs;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmapsParserTest {

    static byte[] captured(String name) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/captured", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3-smaps.txt", "sleep-smaps.txt", "python3-maps.txt", "sleep-maps.txt"})
    void capturedTextGivesEveryHeaderFieldAsTheKernelPrintedIt(String name) {
        byte[] text = captured(name);
        List<Region> regions = SmapsParser.parse(name, text, SmapsParser.Mode.TEXT);
        MapsText.assertSameHeaders(new String(text, StandardCharsets.UTF_8), regions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smaps-01-googleinterns-memfd-deleted-vsyscall.txt",
            "maps-02-remarkable2-armv7-xochitl-memfd-deleted.txt", "maps-03-debian10-x86_64-java-tomcat.txt"})
    void fixturesGiveEveryHeaderFieldAsPrinted(String name) {
        List<Region> regions = SmapsParser.parse(name, Fixtures.bytes(name), SmapsParser.Mode.TEXT);
        MapsText.assertSameHeaders(Fixtures.text(name), regions);
    }

    @Test
    void pathsKeepSpacesParenthesesAndTheDeletedSuffix() {
        List<Region> regions = SmapsParser.parse("python3-smaps", captured("python3-smaps.txt"), SmapsParser.Mode.SMAPS);
        assertTrue(regions.stream().anyMatch(r -> r.path().equals("/tmp/aspace capture (1).bin")));
        assertTrue(regions.stream().anyMatch(r -> r.path().equals("/tmp/aspace-deleted.bin (deleted)")));
    }

    @Test
    void smapsFieldsAreBytesInKernelOrderWithOneSharedLayout() {
        List<Region> regions = SmapsParser.parse("sleep-smaps", captured("sleep-smaps.txt"), SmapsParser.Mode.SMAPS);
        Smaps first = regions.get(0).smaps();
        assertEquals(List.of("Size", "KernelPageSize", "MMUPageSize", "Rss", "Pss", "Pss_Dirty", "Shared_Clean",
                "Shared_Dirty", "Private_Clean", "Private_Dirty", "Referenced", "Anonymous", "KSM", "LazyFree",
                "AnonHugePages", "ShmemPmdMapped", "FilePmdMapped", "Shared_Hugetlb", "Private_Hugetlb", "Swap",
                "SwapPss", "Locked", "THPeligible"), first.layout().keys());
        for (Region r : regions) {
            assertSame(first.layout(), r.smaps().layout());
            assertEquals(r.size(), r.smaps().size(), "Size in kB equals end - start in bytes: " + r);
            assertEquals(4096, r.smaps().kernelPageSize());
            assertTrue(r.smaps().thpEligible() == 0 || r.smaps().thpEligible() == 1, "THPeligible is unit-less");
            assertTrue(!r.smaps().vmFlags().isEmpty(), "VmFlags read: " + r);
        }
        assertTrue(first.layout().isKilobytes(first.layout().indexOf("Rss")));
        assertTrue(!first.layout().isKilobytes(first.layout().indexOf("THPeligible")));
    }

    @Test
    void firstSmapsEntryValuesMatchTheText() {
        String text = new String(captured("sleep-smaps.txt"), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        Smaps s = SmapsParser.parse("sleep", captured("sleep-smaps.txt"), SmapsParser.Mode.SMAPS).get(0).smaps();
        int flagsLine = indexOfFirst(lines, "VmFlags");
        for (int i = 1; i < flagsLine; i++) {
            String key = lines[i].substring(0, lines[i].indexOf(':'));
            String[] value = lines[i].substring(lines[i].indexOf(':') + 1).trim().split(" ");
            long expected = Long.parseLong(value[0]) * (value.length > 1 ? 1024 : 1);
            assertEquals(expected, s.get(key), key);
        }
        assertEquals(List.of(lines[flagsLine].substring(8).trim().split(" ")), s.vmFlags());
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3-smaps.txt", "sleep-smaps.txt"})
    void everyFieldOfEveryEntryMatchesTheText(String name) {
        List<Region> regions = SmapsParser.parse(name, captured(name), SmapsParser.Mode.SMAPS);
        int r = -1;
        for (String line : new String(captured(name), StandardCharsets.UTF_8).split("\n")) {
            int colon = line.indexOf(':');
            int space = line.indexOf(' ');
            if (space > 0 && (colon < 0 || colon > space)) {
                r++;
                continue;
            }
            String key = line.substring(0, colon);
            String[] value = line.substring(colon + 1).trim().split(" ");
            Smaps s = regions.get(r).smaps();
            if (key.equals("VmFlags")) {
                assertEquals(List.of(value), s.vmFlags(), "region " + r);
            } else {
                assertEquals(Long.parseLong(value[0]) * (value.length > 1 ? 1024 : 1), s.get(key), "region " + r + " " + key);
            }
        }
        assertEquals(regions.size() - 1, r);
    }

    private static int indexOfFirst(String[] lines, String prefix) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aReadTornByARemapIsNotInAddressOrder() {
        // the kernel lists regions in address order; an entry below the one before means the
        // process remapped while it was read (the backend then reads again)
        String ordered = "00400000-00401000 r-xp 00000000 fe:00 12 /bin/x\n7f0000000000-7f0000001000 rw-p 00000000 00:00 0\n";
        String torn = "00400000-00402000 r-xp 00000000 fe:00 12 /bin/x\n00401000-00403000 rw-p 00000000 00:00 0\n";
        SmapsParser a = new SmapsParser("maps", SmapsParser.Mode.MAPS);
        a.feed(ordered.getBytes(StandardCharsets.US_ASCII), 0, ordered.length());
        assertEquals(2, a.finish().size());
        assertTrue(a.inAddressOrder());
        SmapsParser b = new SmapsParser("maps", SmapsParser.Mode.MAPS);
        b.feed(torn.getBytes(StandardCharsets.US_ASCII), 0, torn.length());
        assertEquals(2, b.finish().size());
        assertFalse(b.inAddressOrder(), "00401000 starts below 00402000, the end of the region before");
    }

    @Test
    void vsyscallAboveTheSignedRangeIsUnsigned() {
        List<Region> regions = SmapsParser.parse("f", Fixtures.bytes("smaps-01-googleinterns-memfd-deleted-vsyscall.txt"), SmapsParser.Mode.TEXT);
        Region last = regions.get(regions.size() - 1);
        assertEquals("[vsyscall]", last.path());
        assertEquals(0xffffffffff600000L, last.start());
        assertTrue(last.start() < 0, "a negative Java long, compared unsigned");
        assertEquals(4096, last.size());
    }

    @Test
    void unknownKeysOfOtherKernelsAreKept() {
        List<Region> regions = SmapsParser.parse("f", Fixtures.bytes("smaps-01-googleinterns-memfd-deleted-vsyscall.txt"), SmapsParser.Mode.TEXT);
        assertEquals(1072, regions.size());
        Smaps s = regions.get(0).smaps();
        assertTrue(s.has("HugePFNMap"), "vendor key kept: " + s.layout());
        assertTrue(s.has("ShmemHugePages"));
        assertEquals(956416L * 1024, s.size());
    }

    @Test
    void plainMapsHasNoSmaps() {
        List<Region> regions = SmapsParser.parse("m", Fixtures.bytes("maps-03-debian10-x86_64-java-tomcat.txt"), SmapsParser.Mode.TEXT);
        assertEquals(340, regions.size());
        regions.forEach(r -> assertNull(r.smaps()));
    }

    @Test
    void chunkBoundariesAnywhereGiveTheSameRegions() {
        byte[] text = captured("python3-smaps.txt");
        List<Region> whole = SmapsParser.parse("p", text, SmapsParser.Mode.SMAPS);
        for (int chunk : new int[]{1, 2, 3, 7, 64, 4093, 65536}) {
            SmapsParser p = new SmapsParser("p", SmapsParser.Mode.SMAPS);
            for (int off = 0; off < text.length; off += chunk) {
                p.feed(text, off, Math.min(chunk, text.length - off));
            }
            assertEquals(whole, p.finish(), "chunk " + chunk);
        }
    }

    @Test
    void aLaterUnknownKeyExtendsTheLayoutAndEarlierEntriesGetZero() {
        String text = """
                00400000-00401000 r-xp 00000000 fe:00 12 /bin/x
                Size:                  4 kB
                Rss:                   4 kB
                VmFlags: rd ex
                00401000-00402000 rw-p 00000000 00:00 0
                Size:                  4 kB
                Rss:                   4 kB
                NewThing:              8 kB
                VmFlags: rd wr
                """;
        List<Region> r = SmapsParser.parse("t", text.getBytes(StandardCharsets.US_ASCII), SmapsParser.Mode.SMAPS);
        assertSame(r.get(0).smaps().layout(), r.get(1).smaps().layout());
        assertEquals(List.of("Size", "Rss", "NewThing"), r.get(0).smaps().layout().keys());
        assertEquals(0, r.get(0).smaps().get("NewThing"));
        assertEquals(8192, r.get(1).smaps().get("NewThing"));
    }

    @Test
    void aCutLastEntryIsAnErrorNotAShortRegion() {
        byte[] text = captured("sleep-smaps.txt");
        String s = new String(text, StandardCharsets.UTF_8);
        int cut = s.lastIndexOf("Rss:");
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> SmapsParser.parse("/proc/1/smaps", s.substring(0, cut).getBytes(StandardCharsets.UTF_8), SmapsParser.Mode.SMAPS));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
        assertTrue(e.getMessage().startsWith("/proc/1/smaps:line "), e.getMessage());
    }

    @Test
    void aCutVmFlagsLineIsAnError() {
        String s = new String(captured("sleep-smaps.txt"), StandardCharsets.UTF_8);
        byte[] cut = s.substring(0, s.length() - 4).getBytes(StandardCharsets.UTF_8);
        assertThrows(MalformedInputException.class, () -> SmapsParser.parse("x", cut, SmapsParser.Mode.SMAPS));
        assertThrows(MalformedInputException.class, () -> SmapsParser.parse("x", cut, SmapsParser.Mode.TEXT));
    }

    @Test
    void malformedLinesNameTheLineAndTheExpectedForm() {
        String text = "00400000-00401000 r-xp 00000000 fe:00 12 /bin/x\nzz400000-00401000 r-xp 00000000 fe:00 12\n";
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> SmapsParser.parse("in.txt", text.getBytes(StandardCharsets.US_ASCII), SmapsParser.Mode.TEXT));
        assertEquals("in.txt", e.source());
        assertEquals("line 2", e.location());
        assertTrue(e.getMessage().contains("expected a hex start address"), e.getMessage());
    }

    @Test
    void badPermissionsAndReversedRangesAreRejected() {
        assertThrows(MalformedInputException.class, () -> SmapsParser.parse("t",
                "00400000-00401000 rqxp 00000000 fe:00 12 /bin/x\n".getBytes(StandardCharsets.US_ASCII), SmapsParser.Mode.MAPS));
        assertThrows(MalformedInputException.class, () -> SmapsParser.parse("t",
                "00402000-00401000 r-xp 00000000 fe:00 12 /bin/x\n".getBytes(StandardCharsets.US_ASCII), SmapsParser.Mode.MAPS));
    }

    @Test
    void kernelTextMustEndInANewlineButAFileMayNot() {
        byte[] text = "00400000-00401000 r-xp 00000000 fe:00 12 /bin/x".getBytes(StandardCharsets.US_ASCII);
        assertThrows(MalformedInputException.class, () -> SmapsParser.parse("/proc/1/maps", text, SmapsParser.Mode.MAPS));
        assertEquals("/bin/x", SmapsParser.parse("f.txt", text, SmapsParser.Mode.TEXT).get(0).path());
    }

    @Test
    void smapsFromTheKernelMustHaveFieldsAfterEveryMapsLine() {
        byte[] text = "00400000-00401000 r-xp 00000000 fe:00 12 /bin/x\n".getBytes(StandardCharsets.US_ASCII);
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> SmapsParser.parse("/proc/1/smaps", text, SmapsParser.Mode.SMAPS));
        assertTrue(e.getMessage().contains("region 400000-401000"), e.getMessage());
        byte[] smaps = SmapsParserTest.captured("sleep-smaps.txt");
        assertThrows(MalformedInputException.class, () -> SmapsParser.parse("/proc/1/maps", smaps, SmapsParser.Mode.MAPS));
    }

    @Test
    void emptyInputIsAnEmptyAddressSpace() {
        assertEquals(List.of(), SmapsParser.parse("zombie", new byte[0], SmapsParser.Mode.SMAPS));
    }
}
