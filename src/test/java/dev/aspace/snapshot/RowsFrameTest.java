package dev.aspace.snapshot;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Smaps;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Frames of a version 3 series: the snapshot's text, then its rows as a block of numbers. A live
 * process's frame reads back equal, whole or as changes; a damaged or hostile frame, whatever its
 * bytes, is refused with a message naming where, and with nothing but {@link MalformedInputException}.
 */
class RowsFrameTest {

    private static Snapshot live;

    @BeforeAll
    static void readALiveProcess() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps", "3")) {
            live = RealSnapshots.live(p.pid());
        }
    }

    private static byte[] frame(Snapshot s, List<Region> rows, long[] removed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.writeRowsFrame(s, rows, removed, out);
        return out.toByteArray();
    }

    private static SnapshotCodec.Frame read(byte[] frame) throws IOException {
        return SnapshotCodec.readRowsFrame(new ByteArrayInputStream(frame), "rec.aspace frame 3");
    }

    @Test
    void aLiveProcesssWholeFrameReadsBackEqual() throws IOException {
        assertTrue(live.regions().stream().anyMatch(r -> r.start() < 0), "[vsyscall] is above 2^63: a negative long");
        assertTrue(live.regions().stream().anyMatch(r -> r.smaps() == null || !r.smaps().vmFlags().isEmpty()));
        SnapshotCodec.Frame f = read(frame(live, live.regions(), null));
        assertEquals(live, f.snapshot());
        assertNull(f.removed());
    }

    @Test
    void rowsWithTheSameFiguresShareOneSmapsAndEveryRowKeepsItsOwn() throws IOException {
        List<Region> rows = live.regions();
        List<Region> back = read(frame(live, rows, null)).snapshot().regions();
        Set<Smaps> distinct = new HashSet<>();
        Set<Smaps> objects = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(rows.get(k).smaps(), back.get(k).smaps(), "row " + k);
            if (back.get(k).smaps() != null) {
                distinct.add(back.get(k).smaps());
                objects.add(back.get(k).smaps());
            }
        }
        assertTrue(distinct.size() < rows.size(), "a process has regions with the same figures (guard pages):"
                + " " + distinct.size() + " sets in " + rows.size() + " regions");
        assertEquals(distinct.size(), objects.size(), "each set of figures is held once");
    }

    @Test
    void aFrameOfChangesHoldsItsRowsAndRemovedStarts() throws IOException {
        List<Region> rows = List.of(live.regions().get(1), live.regions().get(4));
        long[] removed = {live.regions().get(2).start(), live.regions().get(live.regions().size() - 1).start()};
        SnapshotCodec.Frame f = read(frame(live, rows, removed));
        assertEquals(rows, f.snapshot().regions());
        assertArrayEquals(removed, f.removed());
        assertEquals(live.withRegions(rows), f.snapshot());
    }

    @Test
    void regionsWithoutSmapsAndOddTextsReadBack() throws IOException {
        List<Region> odd = new ArrayList<>();
        odd.add(new Region(0x1000, 0x2000, Perms.parse("---p"), 0, "00:00", 0, "", null, RegionKind.GUARD, ""));
        odd.add(new Region(0x2000, 0x3000, Perms.parse("rw-s"), 0xFFFF_FFFF_FFFF_F000L, "fe:01", Long.MAX_VALUE,
                "/tmp/a \"quoted\" \\ name\twith tab, ünïcödé and 🙂 (deleted)", null, RegionKind.DELETED_FILE,
                "label with\nline break"));
        Snapshot s = live.withRegions(odd);
        assertEquals(s, read(frame(s, odd, null)).snapshot());
    }

    @Test
    void rowsOutOfOrderAreNotWritten() {
        List<Region> backwards = List.of(live.regions().get(4), live.regions().get(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> frame(live, backwards, null));
        assertTrue(e.getMessage().contains("address order"), e.getMessage());
    }

    @Test
    void damagedBlocksAreNamed() throws IOException {
        byte[] text = textOf(live);
        assertRefused(text, block('W', new long[] {0, 0, 1, 0x1000, 0}), "$.regions[0]", "has size 0");
        assertRefused(text, block('X'), "$.regions", "neither 'W'");
        assertRefused(text, block('W', new long[] {1, 0}, new long[0]), "$.regions", "truncated");
        assertRefused(text, cat(block('W'), new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x02}), "$.regions", "more than 64 bits");
        assertRefused(text, cat(block('W', new long[] {0, 0, 0}, new long[] {}), new byte[] {7}), "$", "unexpected bytes");
        // a row that names text 9 of a table of 1
        assertRefused(text, rowsWith(new long[] {0x1000, 0x1000, 9}), "$.regions[0]", "names text 9 of 1");
        assertRefused(text, rowsWithTexts(List.of("rwxq"), new long[] {0x1000, 0x1000, 0, 0, 0, 0, 0, 0, 0, 0}),
                "$.regions[0]", "expected permissions like \"r-xp\", got \"rwxq\"");
        assertRefused(text, rowsWithTexts(List.of("r-xp", "NOT_A_KIND"),
                new long[] {0x1000, 0x1000, 0, 0, 0, 0, 0, 1, 0, 0}), "$.regions[0]", "unknown region kind");
        assertRefused(text, rowsWithTexts(List.of("a\0b"), new long[] {}), "$.regions", "NUL character");
        assertRefused(text, cat(block('W', new long[] {1, 2}, new long[0]), new byte[] {(byte) 0xC3, 0x28}),
                "$.regions", "is not UTF-8");
        assertRefused(text, block('W', new long[] {0, 0, 5_000_000}, new long[0]), "$.regions",
                "more than " + SnapshotCodec.MAX_REGIONS + " regions");
        assertRefused(text, rowsWithTexts(List.of("r-xp", "GUARD"),
                new long[] {0xFFFF_FFFF_FFFF_F000L, 0x2000, 0, 0, 0, 0, 0, 1, 0, 0}), "$.regions[0]",
                "ends past the end of the address space");
        assertRefused(text, rowsWithTexts(List.of("r-xp", "GUARD"),
                new long[] {0x1000, 0x1000, 0, 0, 0, -1, 0, 1, 0, 0}), "$.regions[0]", "inode");
    }

    @Test
    void aFrameWhoseTextHoldsRegionsIsRefused() throws IOException {
        String textWithRow;
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        SnapshotCodec.writeFrame(live.withRegions(List.of(live.regions().get(0))), List.of(live.regions().get(0)),
                null, json);
        textWithRow = new String(new GZIPInputStream(new ByteArrayInputStream(json.toByteArray())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertRefused(textWithRow.getBytes(StandardCharsets.UTF_8), block('W'), "$.regions", "holds its regions");
    }

    /** Every cut and thousands of flipped bytes of a real frame: refused with a message, or read; nothing else. */
    @Test
    void noDamageEndsInAnythingButAMessage() throws IOException {
        byte[] plain = gunzip(frame(live, live.regions().subList(0, 12), new long[] {live.regions().get(20).start()}));
        for (int cut = 0; cut < plain.length; cut += Math.max(1, plain.length / 400)) {
            readsOrIsRefused(Arrays.copyOf(plain, cut));
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 3000; i++) {
            byte[] hurt = plain.clone();
            for (int k = random.nextInt(1, 4); k > 0; k--) {
                hurt[random.nextInt(hurt.length)] = (byte) random.nextInt(256);
            }
            readsOrIsRefused(hurt);
        }
    }

    private static void readsOrIsRefused(byte[] plain) throws IOException {
        try {
            read(gzip(plain));
        } catch (MalformedInputException expected) {
            assertTrue(expected.getMessage().startsWith("rec.aspace frame 3"), expected.getMessage());
        } catch (RuntimeException e) {
            fail("a damaged frame ended in " + e, e);
        }
    }

    private static void assertRefused(byte[] text, byte[] block, String where, String problem) throws IOException {
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> read(gzip(cat(length(text.length), text, block))));
        assertTrue(e.getMessage().startsWith("rec.aspace frame 3:" + where + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /** The text of a frame: the snapshot's fields with no rows, as the writer puts it first. */
    private static byte[] textOf(Snapshot s) throws IOException {
        byte[] plain = gunzip(frame(s, List.of(), null));
        int n = (plain[0] & 0xFF) << 24 | (plain[1] & 0xFF) << 16 | (plain[2] & 0xFF) << 8 | (plain[3] & 0xFF);
        return Arrays.copyOfRange(plain, 4, 4 + n);
    }

    /** A block: its kind, then numbers, then the given raw numbers (texts, lists, rows as the test wants). */
    private static byte[] block(int kind, long[]... numbers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(kind);
        for (long[] part : numbers) {
            for (long v : part) {
                varint(out, v);
            }
        }
        return out.toByteArray();
    }

    /** A whole frame with one text ("r-xp"), no VmFlags lists and one row of the given numbers. */
    private static byte[] rowsWith(long[] row) {
        return rowsWithTexts(List.of("r-xp"), row);
    }

    private static byte[] rowsWithTexts(List<String> texts, long[] row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('W');
        varint(out, texts.size());
        for (String t : texts) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            varint(out, b.length);
            out.writeBytes(b);
        }
        varint(out, 0);
        varint(out, row.length == 0 ? 0 : 1);
        for (long v : row) {
            varint(out, v);
        }
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] length(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] z) throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(z)).readAllBytes();
    }
}
