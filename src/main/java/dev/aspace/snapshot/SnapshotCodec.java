package dev.aspace.snapshot;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.importers.ImportLimits;

import dev.aspace.model.Region;
import dev.aspace.model.SmapsLayout;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The snapshot file format ({@code docs/snapshot-format.md}): JSON with
 * {@code "format": "aspace-snapshot"}. Version 2 (written) holds each region as one row and is
 * gzip-compressed; version 1 (pretty JSON, a region an object) is still read. Writing then
 * reading gives an equal {@link Snapshot}. Reading checks everything and fails with a
 * {@link MalformedInputException} naming the file and the JSON path of the first problem;
 * hostile input is bounded by Jackson's stream limits. Thread-safe.
 */
public final class SnapshotCodec {

    public static final String FORMAT = "aspace-snapshot";
    /** The version written; 1 and 2 are read. */
    public static final int VERSION = 2;

    /** Our own nesting is 5 deep; anything past this is not a snapshot. */
    static final int MAX_DEPTH = 16;
    /** A long has at most 19 digits and a sign. */
    static final int MAX_NUMBER_LENGTH = 20;
    /** Paths are at most 4 KiB, a command-line argument 128 KiB (MAX_ARG_STRLEN). */
    static final int MAX_STRING_LENGTH = 1 << 20;
    static final int MAX_NAME_LENGTH = 1024;
    /** Regions in one snapshot: as many as text imports take (8 x the kernel's default vm.max_map_count). */
    public static final int MAX_REGIONS = ImportLimits.DEFAULT.maxRegions();
    /** 1 GiB of text: far above 60,000 regions with full smaps (about 60 MB). */
    static final long MAX_DOCUMENT_LENGTH = 1L << 30;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SnapshotCodec() {
    }

    /** Writes the snapshot in version 2, compressed. The stream is flushed, not closed. */
    public static void write(Snapshot snapshot, OutputStream out) throws IOException {
        writeFrame(snapshot, snapshot.regions(), null, out);
    }

    /**
     * Writes a frame of a series in version 2, compressed: the snapshot with only {@code rows}
     * and, for a frame that changes the one before, the starts of the regions {@code removed}
     * (null: a whole snapshot). The stream is flushed, not closed.
     */
    public static void writeFrame(Snapshot snapshot, List<Region> rows, long[] removed, OutputStream out)
            throws IOException {
        try (OutputStream z = Compression.compress(unclosed(out));
             JsonGenerator g = FACTORY.createGenerator(z, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            new CompactSnapshotWriter(g, z).write(snapshot, rows, removed);
        }
    }

    /**
     * Writes a frame of a series in version 3, compressed: the snapshot's fields as version 2 text
     * with no rows (its length first, 4 bytes), then {@code rows} and the starts {@code removed}
     * (null: a whole frame) as a block of numbers ({@link RowBlockWriter}). The stream is flushed,
     * not closed.
     *
     * @throws IllegalArgumentException the regions have different smaps keys, or the rows are not in
     *         address order
     */
    public static void writeRowsFrame(Snapshot snapshot, List<Region> rows, long[] removed, OutputStream out)
            throws IOException {
        SmapsLayout layout = regionLayout(snapshot);
        ByteArrayOutputStream text = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(text, JsonEncoding.UTF8)) {
            new CompactSnapshotWriter(g, text).write(snapshot, List.of(), null);
        }
        try (OutputStream z = Compression.compress(unclosed(out))) {
            int n = text.size();
            z.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            text.writeTo(z);
            RowBlockWriter.write(z, layout, rows, removed);
        }
    }

    /** {@code out}, which closing flushes rather than closes (a compressor is closed to finish it). */
    private static OutputStream unclosed(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Writes the snapshot in version 1: pretty UTF-8 JSON, as aspace wrote before version 2. */
    public static void writeVersion1(Snapshot snapshot, OutputStream out) throws IOException {
        write(snapshot, out, true);
    }

    /**
     * The smaps layout all regions share, or null when none has smaps.
     *
     * @throws IllegalArgumentException the regions do not all have the same smaps keys
     */
    static SmapsLayout regionLayout(Snapshot s) {
        SmapsLayout layout = null;
        for (Region r : s.regions()) {
            if (r.smaps() != null) {
                if (layout == null) {
                    layout = r.smaps().layout();
                } else if (r.smaps().layout() != layout && !r.smaps().layout().equals(layout)) {
                    throw new IllegalArgumentException("region " + r.rangeText() + " has other smaps keys than the"
                            + " regions before it");
                }
            }
        }
        return layout;
    }

    /**
     * Writes the snapshot in version 1 as compact UTF-8 JSON on one line (no line break anywhere:
     * JSON escapes them inside strings), as version 1 series held one snapshot per line. Read
     * it back with {@link #read}. The stream is flushed, not closed.
     */
    public static void writeLine(Snapshot snapshot, OutputStream out) throws IOException {
        write(snapshot, out, false);
    }

    private static void write(Snapshot snapshot, OutputStream out, boolean pretty) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            new SnapshotWriter(g).write(snapshot);
        }
    }

    /**
     * Reads one snapshot. The stream is read to its end (trailing content is an error) and not
     * closed.
     *
     * @param sourceName the file name used in error messages
     * @throws MalformedInputException the text is not a valid snapshot: not JSON, truncated,
     *         another format or version, a missing or wrong field, regions out of order
     * @throws IOException             reading the stream failed
     */
    public static Snapshot read(InputStream in, String sourceName) throws IOException {
        Frame f = readFrame(in, sourceName);
        if (f.removed() != null) {
            throw new MalformedInputException(sourceName, "$.removed", "is a frame of a recorded series that holds"
                    + " only what changed, not a whole snapshot");
        }
        return f.snapshot();
    }

    /**
     * A frame of a series as read: a whole snapshot ({@code removed} null), or only the regions
     * added or changed since the frame before, and the starts of those removed.
     */
    public record Frame(Snapshot snapshot, long[] removed) {
    }

    /** Reads a whole snapshot or a frame that holds only changes; see {@link #read}. */
    public static Frame readFrame(InputStream in, String sourceName) throws IOException {
        SnapshotReader.Decoded d = parse(Compression.decompress(in, sourceName), sourceName);
        return new Frame(d.snapshot(), d.removed());
    }

    /**
     * Reads a frame of a series in version 3 ({@link #writeRowsFrame}), with the checks of
     * {@link #read} on its text and those of {@link RowBlockReader} on its rows.
     */
    public static Frame readRowsFrame(InputStream in, String sourceName) throws IOException {
        InputStream all = Compression.decompress(in, sourceName);
        byte[] head = all.readNBytes(4);
        long n = head.length < 4 ? -1 : (head[0] & 0xFFL) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8
                | (head[3] & 0xFF);
        if (n <= 0 || n > MAX_DOCUMENT_LENGTH) {
            throw new MalformedInputException(sourceName, "$", head.length < 4 ? "truncated: the frame ends before its"
                    + " text" : "its text is said to take " + n + " bytes (expected 1 to " + MAX_DOCUMENT_LENGTH + ")");
        }
        SnapshotReader.Decoded d = parse(new LimitedInputStream(all, n), sourceName);
        if (!d.snapshot().regions().isEmpty() || d.removed() != null) {
            throw new MalformedInputException(sourceName, d.removed() != null ? "$.removed" : "$.regions",
                    "a frame of a version 3 series holds its regions and removed starts in the rows after its text");
        }
        RowBlockReader.Rows rows = RowBlockReader.read(all, sourceName, d.layout());
        return new Frame(d.snapshot().withRegions(rows.regions()), rows.removed());
    }

    private static SnapshotReader.Decoded parse(InputStream text, String sourceName) throws IOException {
        JsonParser p = FACTORY.createParser(text);
        p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        try (p) {
            return new SnapshotReader(p, sourceName).read();
        } catch (JsonEOFException e) {
            throw malformed(sourceName, p, "truncated: the file ends inside the snapshot", e);
        } catch (StreamConstraintsException e) {
            throw malformed(sourceName, p, "exceeds a safety limit: " + firstSentence(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw malformed(sourceName, p, "truncated: the file ends inside the snapshot", e);
            }
            String hint = p.getParsingContext() == null || p.getParsingContext().inRoot()
                    ? "; expected an aspace snapshot, JSON that starts {\"format\": \"" + FORMAT + "\"" : "";
            throw malformed(sourceName, p, "not valid JSON: " + firstSentence(e.getOriginalMessage()) + hint, e);
        }
    }

    private static MalformedInputException malformed(String source, JsonParser p, String problem,
                                                     JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return new MalformedInputException(source, JsonPath.of(p.getParsingContext()).toString(), problem + where, e);
    }

    private static String firstSentence(String message) {
        String m = message == null ? "" : message;
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        int from = m.indexOf(", from `");
        if (from >= 0) {
            m = m.substring(0, from) + ")";
        }
        m = m.strip();
        return m.length() <= 200 ? m : m.substring(0, 197) + "...";
    }
}
