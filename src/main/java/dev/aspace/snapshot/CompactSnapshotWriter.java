package dev.aspace.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aspace.model.Region;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes one snapshot in format version 2: the fields of version 1 up to {@code memory}, then
 * the smaps keys once ({@code smapsKeys}) and each region as one row of {@link #COLUMNS}, its
 * smaps values an array in the order of {@code smapsKeys}. A frame of a series may hold only
 * some rows (the regions added or changed) and the starts of the regions {@code removed}.
 */
final class CompactSnapshotWriter {

    /** The columns of a region row, written into every file so that it says what it holds. */
    static final List<String> COLUMNS = List.of("start", "end", "perms", "offset", "device", "inode", "path",
            "kind", "label", "smaps", "vmFlags");

    private final JsonGenerator g;
    private final OutputStream text;
    private final SnapshotWriter common;

    /**
     * @param g    writes the fields around the rows; it must not flush {@code text} (see
     *             {@link JsonGenerator.Feature#FLUSH_PASSED_TO_STREAM}) and writes nothing else to it
     * @param text the stream {@code g} writes to, which the rows are written to directly
     */
    CompactSnapshotWriter(JsonGenerator g, OutputStream text) {
        this.g = g;
        this.text = text;
        this.common = new SnapshotWriter(g);
    }

    void write(Snapshot s) throws IOException {
        write(s, s.regions(), null);
    }

    /**
     * @param rows    the regions to write (all of them, or those added or changed in a frame)
     * @param removed starts of the regions gone since the frame before, or null for a whole snapshot
     */
    void write(Snapshot s, List<Region> rows, long[] removed) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", SnapshotCodec.FORMAT);
        g.writeNumberField("version", 2);
        common.header(s);
        common.smapsUnits(s);
        SmapsLayout layout = SnapshotCodec.regionLayout(s);
        g.writeArrayFieldStart("smapsKeys");
        if (layout != null) {
            for (String k : layout.keys()) {
                g.writeString(k);
            }
        }
        g.writeEndArray();
        g.writeFieldName("rollup");
        common.smaps(s.rollup());
        g.writeArrayFieldStart("regionColumns");
        for (String c : COLUMNS) {
            g.writeString(c);
        }
        g.writeEndArray();
        if (removed != null) {
            g.writeArrayFieldStart("removed");
            for (long start : removed) {
                g.writeString(Hex.format(start));
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("regions");
        // the rows go straight to the stream, between the generator's brackets
        g.flush();
        RegionRows out = new RegionRows(text, layout);
        for (Region r : rows) {
            out.write(r);
        }
        out.flush();
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }
}
