package dev.aspace.snapshot;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rows written as bytes are the rows Jackson's generator writes for the same regions, byte
 * for byte: on a live process that maps files with quotes, backslashes, tabs, control characters
 * and non-ASCII letters in their names, and on its regions relabelled with every ASCII character.
 */
class RegionRowsTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    @Test
    void rowsAreWhatJacksonWritesForOddNamesAndEveryAsciiCharacter(@TempDir Path tmp) throws IOException {
        List<String> names = List.of("quote\"d", "back\\slash", "tab\there", "ctl\u0001\u001f", "caf\u00e9 \u00fcber",
                "emoji \ud83d\ude00", "del\u007f");
        StringBuilder script = new StringBuilder("import mmap, sys, time\nmaps = []\n");
        for (String name : names) {
            Path f = tmp.resolve(name);
            Files.write(f, new byte[4096]);
            script.append("f = open(").append(pythonString(f.toString())).append(", 'rb')\n")
                    .append("maps.append(mmap.mmap(f.fileno(), 4096, access=mmap.ACCESS_READ))\n");
        }
        script.append("print('ready', flush=True)\ntime.sleep(600)\n");
        try (LiveProcess p = LiveProcess.start("python3", "-c", script.toString())) {
            p.awaitLine("ready", Duration.ofSeconds(30));
            Snapshot s = new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
            for (String name : names) {
                assertTrue(s.regions().stream().anyMatch(r -> r.path().endsWith("/" + name)), name + " is mapped");
            }
            List<Region> rows = new ArrayList<>(s.regions());
            StringBuilder ascii = new StringBuilder();
            for (char c = 0; c < 128; c++) {
                ascii.append(c);
            }
            for (int i = 0; i < 8 && i < s.regions().size(); i++) {
                Region r = s.regions().get(i);
                rows.add(r.classified(r.kind(), ascii + " " + i));
            }
            SmapsLayout layout = SnapshotCodec.regionLayout(s);
            assertSameText(jackson(rows, layout), rowBytes(rows, layout));
        }
    }

    @Test
    void aRowWithOtherSmapsKeysIsRefused() throws IOException {
        try (LiveProcess p = LiveProcess.sleep()) {
            Snapshot s = new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
            Region r = s.regions().get(0);
            SmapsLayout other = r.smaps().layout().with("NotAKernelKey", true);
            long[] values = new long[other.size()];
            Region odd = r.withSmaps(new Smaps(other, values, r.smaps().vmFlags()));
            SmapsLayout layout = SnapshotCodec.regionLayout(s);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> rowBytes(List.of(s.regions().get(1), odd), layout));
            assertTrue(e.getMessage().contains("other smaps keys"), e.getMessage());
        }
    }

    /** Equal texts, else a message around the first difference (the texts are long). */
    private static void assertSameText(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        if (i < expected.length() || i < actual.length()) {
            int from = Math.max(0, i - 80);
            assertEquals(expected.substring(from, Math.min(expected.length(), i + 40)),
                    actual.substring(from, Math.min(actual.length(), i + 40)), "first difference at " + i);
        }
    }

    private static String rowBytes(List<Region> rows, SmapsLayout layout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegionRows w = new RegionRows(out, layout);
        for (Region r : rows) {
            w.write(r);
        }
        w.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The rows as the generator writes them, the way version 2 files were written before. */
    private static String jackson(List<Region> rows, SmapsLayout layout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (Region r : rows) {
                g.writeStartArray();
                g.writeString(Hex.format(r.start()));
                g.writeString(Hex.format(r.end()));
                g.writeString(r.perms().toString());
                g.writeString(Hex.format(r.offset()));
                g.writeString(r.device());
                g.writeNumber(r.inode());
                g.writeString(r.path());
                g.writeString(r.kind().name());
                g.writeString(r.label());
                Smaps m = r.smaps();
                if (m == null) {
                    g.writeNull();
                    g.writeNull();
                } else {
                    g.writeStartArray();
                    for (int i = 0; i < layout.size(); i++) {
                        g.writeNumber(m.value(i));
                    }
                    g.writeEndArray();
                    g.writeStartArray();
                    for (String f : m.vmFlags()) {
                        g.writeString(f);
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.substring(1, text.length() - 1);
    }

    /** A Python string literal of s: code points outside printable ASCII as escapes. */
    private static String pythonString(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == '\'' || c == '\\' || c > 0x7e) {
                b.append(String.format("\\U%08x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('\'').toString();
    }
}
