package dev.aspace.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aspace.model.CgroupLevel;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.MachineSetup;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;
import dev.aspace.model.ThreadInfo;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Writes one snapshot as JSON, in the order docs/snapshot-format.md lists the fields. */
final class SnapshotWriter {

    private final JsonGenerator g;

    SnapshotWriter(JsonGenerator g) {
        this.g = g;
    }

    void write(Snapshot s) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", SnapshotCodec.FORMAT);
        g.writeNumberField("version", 1);
        header(s);
        smapsUnits(s);
        g.writeFieldName("rollup");
        smaps(s.rollup());
        g.writeArrayFieldStart("regions");
        for (Region r : s.regions()) {
            region(r);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    /** The fields both versions share, from takenAt to memory. */
    void header(Snapshot s) throws IOException {
        g.writeStringField("takenAt", s.takenAt().toString());
        g.writeStringField("readTime", s.readTime().toString());
        g.writeObjectFieldStart("source");
        g.writeStringField("type", s.source().type().name());
        g.writeStringField("description", s.source().description());
        g.writeEndObject();
        if (s.torn()) {
            g.writeBooleanField("torn", true);  // absent means whole, so older files read as before
        }
        process(s.process());
        g.writeArrayFieldStart("threads");
        for (ThreadInfo t : s.threads()) {
            g.writeStartObject();
            g.writeNumberField("tid", t.tid());
            g.writeStringField("name", t.name());
            g.writeStringField("stackPointer", Hex.format(t.stackPointer()));
            g.writeStringField("state", String.valueOf(t.state()));
            g.writeEndObject();
        }
        g.writeEndArray();
        machine(s.machine());
        memory(s.memory());
        if (s.cgroup() != null) {
            cgroup(s.cgroup());   // absent means not read, so older files read as before
        }
    }

    private void cgroup(CgroupMemory c) throws IOException {
        g.writeObjectFieldStart("cgroup");
        g.writeNumberField("version", c.version());
        g.writeStringField("path", c.path());
        g.writeNumberField("limit", c.limit());
        g.writeNumberField("high", c.high());
        g.writeNumberField("usage", c.usage());
        g.writeNumberField("peak", c.peak());
        g.writeNumberField("swapLimit", c.swapLimit());
        g.writeNumberField("swapUsage", c.swapUsage());
        counters("stat", c.stat());
        counters("events", c.events());
        g.writeStringField("pressure", c.pressure());
        g.writeArrayFieldStart("levels");
        for (CgroupLevel l : c.levels()) {
            g.writeStartObject();
            g.writeStringField("path", l.path());
            g.writeNumberField("limit", l.limit());
            g.writeNumberField("high", l.high());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void counters(String name, Map<String, Long> values) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : new TreeMap<>(values).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private void process(ProcessInfo p) throws IOException {
        g.writeObjectFieldStart("process");
        g.writeNumberField("pid", p.pid());
        g.writeNumberField("ppid", p.ppid());
        g.writeStringField("comm", p.comm());
        g.writeArrayFieldStart("cmdline");
        for (String arg : p.cmdline()) {
            g.writeString(arg);
        }
        g.writeEndArray();
        g.writeNumberField("uid", p.uid());
        g.writeStringField("user", p.user());
        g.writeStringField("state", p.state());
        g.writeNumberField("vmSize", p.vmSize());
        g.writeNumberField("vmRss", p.vmRss());
        g.writeEndObject();
    }

    private void machine(MachineSetup m) throws IOException {
        if (m == null) {
            g.writeNullField("machine");
            return;
        }
        g.writeObjectFieldStart("machine");
        g.writeNumberField("pageSize", m.pageSize());
        g.writeStringField("kernelRelease", m.kernelRelease());
        g.writeStringField("architecture", m.architecture());
        g.writeNumberField("randomizeVaSpace", m.randomizeVaSpace());
        g.writeNumberField("overcommitMemory", m.overcommitMemory());
        g.writeStringField("transparentHugepages", m.transparentHugepages());
        g.writeNumberField("mmapMinAddr", m.mmapMinAddr());
        g.writeStringField("hostname", m.hostname());
        g.writeEndObject();
    }

    private void memory(SystemMemory m) throws IOException {
        if (m == null) {
            g.writeNullField("memory");
            return;
        }
        g.writeObjectFieldStart("memory");
        g.writeNumberField("memTotal", m.memTotal());
        g.writeNumberField("memFree", m.memFree());
        g.writeNumberField("memAvailable", m.memAvailable());
        g.writeNumberField("buffers", m.buffers());
        g.writeNumberField("cached", m.cached());
        g.writeNumberField("sReclaimable", m.sReclaimable());
        g.writeNumberField("shmem", m.shmem());
        g.writeNumberField("swapTotal", m.swapTotal());
        g.writeNumberField("swapFree", m.swapFree());
        g.writeNumberField("commitLimit", m.commitLimit());
        g.writeNumberField("committedAs", m.committedAs());
        if (m.usedIsPrinted()) {
            g.writeNumberField("usedAsPrinted", m.usedAsPrinted());
            g.writeStringField("usedDefinition", m.usedDefinition());
        }
        g.writeEndObject();
    }

    /** The unit of every smaps key used in the file: "kB" (held in bytes) or "" (a plain number). */
    void smapsUnits(Snapshot s) throws IOException {
        Map<String, Boolean> units = new LinkedHashMap<>();
        SmapsLayout last = null;
        for (Region r : s.regions()) {
            if (r.smaps() != null && r.smaps().layout() != last) {
                last = r.smaps().layout();
                addUnits(units, last);
            }
        }
        if (s.rollup() != null) {
            addUnits(units, s.rollup().layout());
        }
        g.writeObjectFieldStart("smapsUnits");
        for (Map.Entry<String, Boolean> e : units.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue() ? "kB" : "");
        }
        g.writeEndObject();
    }

    private static void addUnits(Map<String, Boolean> units, SmapsLayout layout) {
        for (int i = 0; i < layout.size(); i++) {
            Boolean before = units.putIfAbsent(layout.key(i), layout.isKilobytes(i));
            if (before != null && before != layout.isKilobytes(i)) {
                throw new IllegalArgumentException("smaps key " + layout.key(i) + " is in kB in one region and not in another");
            }
        }
    }

    void smaps(Smaps s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeObjectFieldStart("values");
        for (int i = 0; i < s.layout().size(); i++) {
            g.writeNumberField(s.layout().key(i), s.value(i));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("vmFlags");
        for (String f : s.vmFlags()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void region(Region r) throws IOException {
        g.writeStartObject();
        g.writeStringField("start", Hex.format(r.start()));
        g.writeStringField("end", Hex.format(r.end()));
        g.writeStringField("perms", r.perms().toString());
        g.writeStringField("offset", Hex.format(r.offset()));
        g.writeStringField("device", r.device());
        g.writeNumberField("inode", r.inode());
        g.writeStringField("path", r.path());
        g.writeStringField("kind", r.kind().name());
        g.writeStringField("label", r.label());
        g.writeFieldName("smaps");
        smaps(r.smaps());
        g.writeEndObject();
    }
}
