package dev.aspace.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aspace.model.CgroupLevel;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.SystemMemory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of {@code aspace cgroup --json}, as docs/cgroup-json.md describes it. */
final class CgroupJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private CgroupJson() {
    }

    static String render(int pid, CgroupMemory c, SystemMemory machine) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("pid", pid);
            g.writeNumberField("version", c.version());
            g.writeStringField("path", c.path());
            bytes(g, "limit", c.effectiveLimit());
            g.writeNumberField("usage", c.usage());
            g.writeStringField("limitSetOn", c.tightest().map(CgroupLevel::path).orElse(null));
            bytes(g, "ownLimit", c.limit());
            bytes(g, "high", c.high());
            bytes(g, "peak", c.peak());
            g.writeNumberField("anon", c.anon());
            g.writeNumberField("file", c.file());
            g.writeNumberField("kernel", c.kernel());
            bytes(g, "swapLimit", c.swapLimit());
            bytes(g, "swapUsage", c.swapUsage());
            g.writeNumberField("oomKills", c.oomKills());
            map(g, "events", c.events());
            map(g, "stat", c.stat());
            g.writeStringField("pressure", c.pressure());
            g.writeArrayFieldStart("levels");
            for (CgroupLevel l : c.levels()) {
                g.writeStartObject();
                g.writeStringField("path", l.path());
                bytes(g, "limit", l.limit());
                bytes(g, "high", l.high());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (machine != null) {
                g.writeObjectFieldStart("machine");
                g.writeNumberField("memTotal", machine.memTotal());
                g.writeNumberField("memAvailable", machine.memAvailable());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }

    /** A size in bytes, or null where there is none (no limit, or not reported). */
    private static void bytes(JsonGenerator g, String name, long value) throws IOException {
        if (value < 0) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void map(JsonGenerator g, String name, Map<String, Long> values) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : new TreeMap<>(values).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
