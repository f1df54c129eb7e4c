package dev.aspace.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aspace.backend.linux.CgroupReader;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] bytes(Snapshot s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.write(s, out);
        return out.toByteArray();
    }

    /** Version 1, as aspace wrote before version 2: the malformed-input cases below mutate its JSON. */
    static byte[] bytesV1(Snapshot s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.writeVersion1(s, out);
        return out.toByteArray();
    }

    static Snapshot read(byte[] json) throws IOException {
        return SnapshotCodec.read(new ByteArrayInputStream(json), "test.json");
    }

    @Test
    void liveProcessRoundTripsExactly() throws IOException {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "3")) {
            Snapshot s = RealSnapshots.live(p.pid());
            assertEquals(4, s.threads().size());
            assertNotNull(s.rollup());
            assertNotNull(s.memory());
            assertNotNull(s.machine());
            assertTrue(s.regions().stream().allMatch(r -> r.smaps() != null && !r.smaps().vmFlags().isEmpty()));
            assertTrue(s.regions().stream().anyMatch(r -> r.kind() == RegionKind.VSYSCALL && r.start() < 0),
                    "[vsyscall] at ffffffffff600000 is a negative long");
            byte[] json = bytes(s);
            Snapshot back = read(json);
            assertEquals(s, back);
            assertArrayEquals(json, bytes(back), "writing what was read gives the same bytes");
        }
    }

    @Test
    void theCgroupViewRoundTripsInBothVersionsAndBadValuesAreNamed() throws IOException {
        ProcPath tree = ProcPath.under(Path.of("src/test/resources/cgroup/v2-service"));
        CgroupMemory cgroup = new CgroupReader(tree).memory(4242).orElseThrow();
        try (LiveProcess p = LiveProcess.sleep()) {
            Snapshot s = RealSnapshots.live(p.pid()).withCgroup(cgroup);
            assertEquals(s, read(bytes(s)));
            assertEquals(cgroup, read(bytesV1(s)).cgroup());
            assertEquals(null, read(bytes(s.withCgroup(null))).cgroup(), "absent: not read");
            String bad = new String(bytesV1(s), StandardCharsets.UTF_8)
                    .replaceFirst("\"cgroup\"\\s*:\\s*\\{\\s*\"version\"\\s*:\\s*2", "\"cgroup\":{\"version\":7");
            MalformedInputException e = assertThrows(MalformedInputException.class,
                    () -> read(bad.getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().contains("$.cgroup.version"), e.getMessage());
        }
    }

    @Test
    void importedSmapsWithVmFlagsAndRollupRoundTripExactly() throws IOException {
        Snapshot s = RealSnapshots.importedWithSmaps();
        assertNotNull(s.rollup());
        assertTrue(s.regions().stream().allMatch(r -> r.smaps() != null));
        assertTrue(s.regions().stream().anyMatch(r -> !r.smaps().vmFlags().isEmpty()));
        Snapshot back = read(bytes(s));
        assertEquals(s, back);
        // one layout object shared by all regions, as the parser made it
        assertTrue(back.regions().stream().allMatch(r -> r.smaps().layout() == back.regions().get(0).smaps().layout()));
    }

    @Test
    void version1FieldsUnitsAndAddressesAreAsDocumented() throws IOException {
        Snapshot s = RealSnapshots.importedWithSmaps();
        JsonNode root = JSON.readTree(bytesV1(s));
        assertEquals("aspace-snapshot", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
        Region r0 = s.regions().get(0);
        JsonNode j0 = root.get("regions").get(0);
        assertEquals("0x" + Long.toHexString(r0.start()), j0.get("start").asText());
        assertEquals(r0.perms().toString(), j0.get("perms").asText());
        assertEquals(r0.smaps().rss(), j0.get("smaps").get("values").get("Rss").asLong(), "bytes, not kB");
        assertEquals("kB", root.get("smapsUnits").get("Rss").asText());
        // kernel order: the keys as the layout lists them
        var names = j0.get("smaps").get("values").fieldNames();
        for (String key : r0.smaps().layout().keys()) {
            assertEquals(key, names.next());
        }
        assertEquals(s.takenAt().toString(), root.get("takenAt").asText());
    }

    // ---- malformed input: each names the file and the JSON path ----

    private static byte[] liveJson;

    private static synchronized byte[] realJson() throws IOException {
        if (liveJson == null) {
            try (LiveProcess p = LiveProcess.startHelper("threads_maps", "2")) {
                liveJson = bytesV1(RealSnapshots.live(p.pid()));
            }
        }
        return liveJson;
    }

    /** The real snapshot's JSON with one change made to its tree. */
    private static byte[] mutated(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(realJson());
        change.accept(root);
        return JSON.writeValueAsBytes(root);
    }

    private static ObjectNode region(ObjectNode root, int i) {
        return (ObjectNode) root.get("regions").get(i);
    }

    static MalformedInputException rejects(byte[] json, String path, String problemPart) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(json));
        assertEquals("test.json", e.source());
        assertEquals(path, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains(problemPart), e.getMessage());
        assertEquals(2, e.exitCode());
        return e;
    }

    @Test
    void realJsonIsAccepted() throws IOException {
        assertEquals(read(realJson()), read(mutated(root -> { })));
    }

    @Test
    void notJson() {
        rejects(Fixtures.bytes("pmapX-01-centos7-kernel3.10-few-columns.txt"), "$", "not valid JSON");
        rejects(new byte[0], "$", "the file is empty");
        rejects("[1,2]".getBytes(StandardCharsets.UTF_8), "$", "expected a JSON object");
    }

    @Test
    void truncated() throws IOException {
        byte[] json = realJson();
        byte[] half = Arrays.copyOf(json, json.length / 2);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(half));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.location().startsWith("$.regions["), e.location());
    }

    @Test
    void unknownFormatAndUnsupportedVersion() throws IOException {
        rejects(mutated(root -> root.put("format", "pmap")), "$.format", "expected \"aspace-snapshot\"");
        rejects(mutated(root -> root.put("version", 3)), "$.version", "version 3 is not supported");
        rejects("{\"regions\":[]}".getBytes(StandardCharsets.UTF_8), "$.format", "not an aspace snapshot");
    }

    @Test
    void missingFields() throws IOException {
        rejects(mutated(root -> region(root, 3).remove("end")), "$.regions[3].end", "missing field 'end'");
        rejects(mutated(root -> root.remove("process")), "$.process", "missing field 'process'");
        rejects(mutated(root -> ((ObjectNode) root.get("threads").get(1)).remove("stackPointer")),
                "$.threads[1].stackPointer", "missing field");
        rejects(mutated(root -> root.remove("machine")), "$.machine", "write null when there is none");
    }

    @Test
    void startNotBelowEnd() throws IOException {
        rejects(mutated(root -> region(root, 3).put("end", region(root, 3).get("start").asText())),
                "$.regions[3].end", "is not above start");
    }

    @Test
    void overlappingAndUnsortedRegions() throws IOException {
        rejects(mutated(root -> region(root, 3).put("start", region(root, 2).get("start").asText())),
                "$.regions[3].start", "must be sorted by address and must not overlap");
        rejects(mutated(root -> {
            ArrayNode regions = (ArrayNode) root.get("regions");
            JsonNode first = regions.remove(0);
            regions.add(first);
        }), "$.regions[" + (regionCount() - 1) + "].start", "below the end");
    }

    private static int regionCount() throws IOException {
        return JSON.readTree(realJson()).get("regions").size();
    }

    @Test
    void badHex() throws IOException {
        rejects(mutated(root -> region(root, 3).put("start", "0x7ffzz")), "$.regions[3].start", "expected a hex number");
        rejects(mutated(root -> region(root, 3).put("start", "7f00")), "$.regions[3].start", "\"0x\" and 1 to 16");
        rejects(mutated(root -> region(root, 3).put("offset", "0x12345678901234567")), "$.regions[3].offset",
                "expected a hex number");
    }

    @Test
    void absurdNumbers() throws IOException {
        rejects(mutated(root -> region(root, 1).put("inode", -5)), "$.regions[1].inode", "out of range");
        rejects(mutated(root -> ((ObjectNode) root.get("process")).put("pid", 1L << 40)), "$.process.pid", "out of range");
        rejects(mutated(root -> ((ObjectNode) root.get("process")).put("vmSize",
                new BigInteger("99999999999999999999"))), "$.process.vmSize", "out of range");
        rejects(mutated(root -> ((ObjectNode) root.get("rollup").get("values")).put("Rss", -4096)),
                "$.rollup.values.Rss", "out of range");
        rejects(mutated(root -> ((ObjectNode) root.get("machine")).put("pageSize", 4095)), "$.machine.pageSize",
                "power of two");
        String longNumber = "1".repeat(500);
        byte[] json = new String(realJson(), StandardCharsets.UTF_8)
                .replaceFirst("\"inode\" : \\d+", "\"inode\" : " + longNumber).getBytes(StandardCharsets.UTF_8);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(json));
        assertTrue(e.getMessage().contains("safety limit"), e.getMessage());
        assertTrue(e.location().startsWith("$.regions[0]"), e.location());
    }

    @Test
    void wrongTypes() throws IOException {
        rejects(mutated(root -> region(root, 2).put("inode", "12")), "$.regions[2].inode", "expected a whole number, got a string");
        rejects(mutated(root -> region(root, 2).put("path", 7)), "$.regions[2].path", "expected a string");
        rejects(mutated(root -> root.put("regions", "none")), "$.regions", "expected an array");
        rejects(mutated(root -> region(root, 2).put("perms", "rwzp")), "$.regions[2].perms", "like \"r-xp\"");
        rejects(mutated(root -> region(root, 2).put("kind", "STACKISH")), "$.regions[2].kind", "unknown region kind");
        rejects(mutated(root -> root.put("takenAt", "yesterday")), "$.takenAt", "ISO-8601");
        rejects(mutated(root -> ((ObjectNode) root.get("threads").get(0)).put("state", "SS")), "$.threads[0].state",
                "one character");
        rejects(mutated(root -> ((ObjectNode) root.get("smapsUnits")).remove("Rss")), "$.rollup.values.Rss",
                "no unit in $.smapsUnits");
    }

    @Test
    void hostileStructureIsBounded() throws IOException {
        String deep = "{\"format\":\"aspace-snapshot\",\"version\":1,\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> read(deep.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("safety limit") && e.getMessage().contains("nesting"), e.getMessage());
        byte[] huge = mutated(root -> region(root, 0).put("path", "/" + "a".repeat(2 << 20)));
        e = assertThrows(MalformedInputException.class, () -> read(huge));
        assertTrue(e.getMessage().contains("safety limit"), e.getMessage());
        assertEquals("$.regions[0].path", e.location());
    }

    @Test
    void duplicateFieldsAndTrailingContent() throws IOException {
        String json = new String(realJson(), StandardCharsets.UTF_8);
        rejects(json.replaceFirst("\"format\" : \"aspace-snapshot\",", "\"format\" : \"aspace-snapshot\", \"format\" : \"x\",")
                .getBytes(StandardCharsets.UTF_8), "$.format", "");
        rejects((json + " {}").getBytes(StandardCharsets.UTF_8), "$", "after the snapshot");
    }

    @Test
    void unknownFieldsAreIgnoredAndNullSectionsKept() throws IOException {
        Snapshot s = read(mutated(root -> {
            root.put("comment", "added by a later writer");
            root.putNull("memory");
            region(root, 0).putNull("smaps");
        }));
        assertNull(s.memory());
        assertNull(s.regions().get(0).smaps());
    }

    @Test
    void aTornSnapshotSaysSoAndAFileWithoutTheFieldIsWhole() throws IOException {
        Snapshot whole = RealSnapshots.importedWithSmaps();
        byte[] wholeJson = bytes(whole);
        assertFalse(text(wholeJson).contains("\"torn\""),
                "a whole snapshot is written as before, without the field");
        assertFalse(read(wholeJson).torn());

        Snapshot torn = whole.withTorn(true);
        Snapshot back = read(bytes(torn));
        assertTrue(back.torn());
        assertEquals(torn, back);
        assertTrue(back.withSource(whole.source()).withRegions(whole.regions()).torn(), "copies keep the mark");

        rejects(mutated(root -> root.put("torn", "yes")), "$.torn", "expected true or false");
    }

    private static ObjectNode values(ObjectNode root, int region) {
        return (ObjectNode) region(root, region).get("smaps").get("values");
    }

    @Test
    void aRegionWhoseSmapsKeysDifferFromTheOthersIsNamedWithItsPath() throws IOException {
        rejects(mutated(root -> values(root, 3).remove("Pss")), "$.regions[3].smaps.values",
                "lacks smaps key 'Pss' that $.regions[0] has");
        rejects(mutated(root -> values(root, 3).put("Extra", 1)), "$.regions[3].smaps.values.Extra",
                "smaps key 'Extra' is not in $.regions[0]");
        rejects(mutated(root -> values(root, 3).set("Rss", values(root, 3).remove("Rss"))),
                "$.regions[3].smaps.values", "another order than $.regions[0]");
    }

    @Test
    void aNulInAPathOrNameIsRefused() throws IOException {
        rejects(mutated(root -> region(root, 2).put("path", "/tmp/lib\u0000.so")), "$.regions[2].path", "NUL");
        rejects(mutated(root -> ((ObjectNode) root.get("process")).put("comm", "a\u0000b")), "$.process.comm", "NUL");
    }

    @Test
    void aSnapshotWithMoreRegionsThanTheCapStopsAtTheFirstOneTooMany(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("many.json");
        ObjectNode root = (ObjectNode) JSON.readTree(realJson());
        root.remove("regions");
        root.putNull("rollup");
        String head = JSON.writeValueAsString(root);
        try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head.substring(0, head.length() - 1).getBytes(StandardCharsets.UTF_8));
            out.write(",\"regions\":[".getBytes(StandardCharsets.UTF_8));
            for (long i = 0; i <= SnapshotCodec.MAX_REGIONS + 10L; i++) {
                long start = 0x10000L + i * 0x2000L;
                out.write(((i == 0 ? "" : ",") + "{\"start\":\"0x" + Long.toHexString(start) + "\",\"end\":\"0x"
                        + Long.toHexString(start + 0x1000) + "\",\"perms\":\"r--p\",\"offset\":\"0x0\","
                        + "\"device\":\"00:00\",\"inode\":0,\"path\":\"\",\"kind\":\"ANONYMOUS\",\"label\":\"\","
                        + "\"smaps\":null}").getBytes(StandardCharsets.UTF_8));
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        }
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> {
            try (var in = Files.newInputStream(file)) {
                SnapshotCodec.read(in, "many.json");
            }
        });
        assertEquals("$.regions[" + SnapshotCodec.MAX_REGIONS + "]", e.location(), e.getMessage());
        assertTrue(e.getMessage().contains("more than 524288 regions"), e.getMessage());
    }

    // ---- version 2 ----

    /** The JSON text inside a version 2 file. */
    static String text(byte[] file) throws IOException {
        return new String(new GZIPInputStream(new ByteArrayInputStream(file)).readAllBytes(),
                StandardCharsets.UTF_8);
    }

    /** The real snapshot as version 2 text (uncompressed, which reads as well) with one change made to its tree. */
    private static byte[] mutatedV2(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(text(bytes(read(realJson()))));
        change.accept(root);
        return JSON.writeValueAsBytes(root);
    }

    private static ArrayNode row(ObjectNode root, int i) {
        return (ArrayNode) root.get("regions").get(i);
    }

    @Test
    void version2IsGzipWithEachRegionOneRowUnderOneColumnHeader() throws IOException {
        Snapshot s = read(realJson());
        byte[] file = bytes(s);
        assertEquals(0x1f, file[0] & 0xff);
        assertEquals(0x8b, file[1] & 0xff);
        JsonNode root = JSON.readTree(text(file));
        assertEquals(2, root.get("version").asInt());
        assertEquals(s.regions().get(0).smaps().layout().keys(),
                JSON.convertValue(root.get("smapsKeys"), List.class));
        assertEquals(CompactSnapshotWriter.COLUMNS, JSON.convertValue(root.get("regionColumns"), List.class));
        Region r3 = s.regions().get(3);
        JsonNode row = root.get("regions").get(3);
        assertEquals(11, row.size());
        assertEquals("0x" + Long.toHexString(r3.start()), row.get(0).asText());
        assertEquals(r3.smaps().rss(), row.get(9).get(r3.smaps().layout().indexOf("Rss")).asLong(), "bytes, not kB");
        assertEquals(r3.smaps().vmFlags().size(), row.get(10).size());
        assertEquals(s, read(file));
    }

    @Test
    void malformedVersion2RowsAreNamedWithTheirPath() throws IOException {
        rejects(mutatedV2(root -> row(root, 3).remove(10)), "$.regions[3][10]", "this one ends after 10");
        rejects(mutatedV2(root -> row(root, 3).add(1)), "$.regions[3][11]", "this one has more");
        rejects(mutatedV2(root -> ((ArrayNode) row(root, 3).get(9)).remove(0)), "$.regions[3][9]",
                "smaps values for the");
        rejects(mutatedV2(root -> ((ArrayNode) row(root, 3).get(9)).add(0)), "$.regions[3][9][" + keyCount() + "]",
                "more than " + keyCount() + " smaps values");
        rejects(mutatedV2(root -> row(root, 3).set(6, JSON.getNodeFactory().textNode("a\u0000b"))), "$.regions[3][6]",
                "NUL");
        rejects(mutatedV2(root -> row(root, 3).set(1, row(root, 3).get(0))), "$.regions[3][1]", "is not above start");
        rejects(mutatedV2(root -> row(root, 4).set(0, row(root, 2).get(0))), "$.regions[4][0]", "must be sorted");
        rejects(mutatedV2(root -> root.set("smapsKeys", root.remove("smapsKeys"))), "$.smapsKeys",
                "must come before $.regions");
        rejects(mutatedV2(root -> ((ArrayNode) root.get("regionColumns")).remove(0)), "$.regionColumns",
                "expected the columns");
        rejects(mutatedV2(root -> root.putArray("removed").add("0x1000")), "$.removed", "only what changed");
    }

    private static int keyCount() throws IOException {
        return read(realJson()).regions().get(0).smaps().layout().size();
    }

    @Test
    void aDamagedOrCutCompressedFileIsBadInput() throws IOException {
        byte[] file = bytes(read(realJson()));
        byte[] cut = Arrays.copyOf(file, file.length / 2);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> read(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        byte[] damaged = file.clone();
        for (int i = 40; i < 80; i++) {
            damaged[i] ^= 0x5a;
        }
        e = assertThrows(MalformedInputException.class, () -> read(damaged));
        assertEquals("test.json", e.source());
    }
}
