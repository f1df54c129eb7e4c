package dev.aspace.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aspace.frames.FrameReport;
import dev.aspace.frames.FrameSummary;
import dev.aspace.frames.PagemapEntry;
import dev.aspace.frames.RegionFrames;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The JSON of {@code aspace frames --json}, as docs/frames-json.md describes it. */
final class FramesJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private FramesJson() {
    }

    static String render(FrameReport report) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("pid", report.pid());
            g.writeBooleanField("privileged", report.privileged());
            g.writeNumberField("pageSize", report.regions().isEmpty() ? 0 : report.regions().get(0).pageSize());
            g.writeArrayFieldStart("pages");
            for (RegionFrames r : report.regions()) {
                for (int i = 0; i < r.size(); i++) {
                    page(g, r, i);
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("regions");
            for (RegionFrames r : report.regions()) {
                region(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.append('\n').toString();
    }

    private static void page(JsonGenerator g, RegionFrames r, int i) throws IOException {
        PagemapEntry e = r.pagemap(i);
        g.writeStartObject();
        g.writeStringField("address", "0x" + Long.toHexString(r.address(i)));
        g.writeBooleanField("present", e.present());
        if (e.present() && r.privileged()) {
            g.writeNumberField("pfn", r.pfn(i));
            g.writeNumberField("mapcount", r.mapcount(i));
        } else {
            g.writeNullField("pfn");
            g.writeNullField("mapcount");
        }
        g.writeArrayFieldStart("flags");
        for (String f : r.flagNames(i)) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeBooleanField("exclusive", e.exclusive());
        g.writeBooleanField("softDirty", e.softDirty());
        g.writeStringField("sharing", r.sharing(i).name().toLowerCase(Locale.ROOT));
        if (e.swapped()) {
            g.writeBooleanField("swapped", true);
            g.writeNumberField("swapType", e.swapType());
            g.writeNumberField("swapOffset", e.swapOffset());
        }
        g.writeEndObject();
    }

    private static void region(JsonGenerator g, RegionFrames r) throws IOException {
        FrameSummary s = r.summary();
        g.writeStartObject();
        g.writeStringField("start", "0x" + Long.toHexString(r.start()));
        g.writeStringField("end", "0x" + Long.toHexString(r.end()));
        g.writeStringField("perms", r.region().perms().toString());
        g.writeStringField("mapping", r.region().path());
        g.writeNumberField("pages", r.size());
        g.writeNumberField("present", s.present());
        g.writeNumberField("exclusive", s.exclusive());
        g.writeNumberField("shared", s.shared());
        g.writeNumberField("zeroPage", s.zeroPage());
        g.writeNumberField("thp", s.thp());
        g.writeNumberField("ksm", s.ksm());
        g.writeNumberField("swapped", s.swapped());
        g.writeEndObject();
    }
}
