package dev.aspace.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.aspace.model.CgroupLevel;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.MachineSetup;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Perms;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.model.SystemMemory;
import dev.aspace.model.ThreadInfo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one snapshot from a streaming parser, checking every value as it goes, so memory grows
 * with the snapshot and not with the text. The first problem stops the read and is reported with
 * the JSON path where it is. The rules are listed in docs/snapshot-format.md.
 */
final class SnapshotReader {

    /** PID_MAX_LIMIT on 64-bit Linux. */
    private static final long MAX_PID = 4_194_304;
    /** A process has at most one thread per pid. */
    private static final int MAX_THREADS = (int) MAX_PID;
    /** The kernel prints about 25 smaps keys and 40 VmFlags; far more is not a snapshot. */
    private static final int MAX_SMAPS_KEYS = 256;
    private static final int MAX_VM_FLAGS = 256;
    /** ARG_MAX is 2 MiB of arguments with their NULs, so at most about a million of them. */
    private static final int MAX_ARGS = 1 << 20;
    /** A cgroup path has at most a few dozen levels (cgroup.max.depth is rarely set; deeper ones are hostile). */
    private static final int MAX_CGROUP_LEVELS = 4096;

    private final JsonParser p;
    private final String source;

    SnapshotReader(JsonParser p, String source) {
        this.p = p;
        this.source = source;
    }

    /** An object's fields, each handled by a callback that reads (or skips) its value. */
    @FunctionalInterface
    private interface FieldReader {
        void read(String name, JsonPath at) throws IOException;
    }

    MalformedInputException bad(JsonPath at, String problem) {
        return new MalformedInputException(source, at.toString(), problem);
    }

    /**
     * A snapshot as read: whole, or a frame of a series holding only its changed rows; {@code layout}
     * is what {@code smapsKeys} named (null in version 1 or when empty).
     */
    record Decoded(Snapshot snapshot, long[] removed, SmapsLayout layout) {
    }

    private int version;

    Decoded read() throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw bad(JsonPath.ROOT, "the file is empty; expected an aspace snapshot (a JSON object with \"format\": \""
                    + SnapshotCodec.FORMAT + "\")");
        }
        if (first != JsonToken.START_OBJECT) {
            throw bad(JsonPath.ROOT, "expected a JSON object with \"format\": \"" + SnapshotCodec.FORMAT + "\", got "
                    + describe(first));
        }
        version = formatAndVersion();
        Top top = new Top();
        restOfObject(JsonPath.ROOT, top::field);
        if (p.nextToken() != null) {
            throw bad(JsonPath.ROOT, "unexpected content after the snapshot object ends");
        }
        return top.build();
    }

    /** The first two fields say what the file is, so a reader knows before it reads the rest. */
    private int formatAndVersion() throws IOException {
        JsonPath format = JsonPath.ROOT.field("format");
        if (p.nextToken() != JsonToken.FIELD_NAME || !"format".equals(p.currentName())) {
            throw bad(format, "not an aspace snapshot: the first field must be \"format\": \"" + SnapshotCodec.FORMAT + "\"");
        }
        p.nextToken();
        String f = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : describe(p.currentToken());
        if (!SnapshotCodec.FORMAT.equals(f)) {
            throw bad(format, "not an aspace snapshot: expected \"" + SnapshotCodec.FORMAT + "\", got \"" + shorten(f) + "\"");
        }
        JsonPath version = JsonPath.ROOT.field("version");
        if (p.nextToken() != JsonToken.FIELD_NAME || !"version".equals(p.currentName())) {
            throw bad(version, "missing field 'version' right after 'format' (expected \"version\": " + SnapshotCodec.VERSION + ")");
        }
        p.nextToken();
        long v = integer(version, 0, Integer.MAX_VALUE);
        if (v != 1 && v != 2) {
            throw bad(version, "version " + v + " is not supported: this aspace reads versions 1 and 2");
        }
        return (int) v;
    }

    // ---- top level ----

    private final class Top {
        Instant takenAt;
        Duration readTime;
        Source source;
        boolean torn;
        CgroupMemory cgroup;
        ProcessInfo process;
        List<ThreadInfo> threads;
        boolean hasMachine;
        MachineSetup machine;
        boolean hasMemory;
        SystemMemory memory;
        Map<String, Boolean> units;
        RawSmaps rollup;
        boolean hasRollup;
        List<RawRegion> regions;
        List<String> smapsKeys;
        boolean hasColumns;
        SmapsLayout rowLayout;
        List<Region> rows;
        long[] removed;

        void field(String name, JsonPath at) throws IOException {
            switch (name) {
                case "takenAt" -> takenAt = instant(at);
                case "readTime" -> readTime = duration(at);
                case "source" -> source = source(at);
                case "torn" -> torn = bool(at);
                case "cgroup" -> cgroup = cgroup(at);
                case "process" -> process = process(at);
                case "threads" -> threads = threads(at);
                case "machine" -> {
                    hasMachine = true;
                    machine = p.currentToken() == JsonToken.VALUE_NULL ? null : machine(at);
                }
                case "memory" -> {
                    hasMemory = true;
                    memory = p.currentToken() == JsonToken.VALUE_NULL ? null : memory(at);
                }
                case "smapsUnits" -> units = units(at);
                case "rollup" -> {
                    hasRollup = true;
                    rollup = rawSmaps(at);
                }
                case "regions" -> {
                    if (version == 1) {
                        regions = regions(at);
                    } else {
                        rows = rows(at);
                    }
                }
                case "smapsKeys" -> smapsKeys = version == 1 ? skip() : strings(at, MAX_SMAPS_KEYS, "smaps keys");
                case "regionColumns" -> hasColumns = version == 1 ? skip() == null : columns(at);
                case "removed" -> removed = version == 1 ? skip() : starts(at);
                case "format", "version" -> throw bad(at, "field '" + name + "' appears twice");
                default -> p.skipChildren();   // fields a later minor writer may add
            }
        }

        Decoded build() {
            JsonPath root = JsonPath.ROOT;
            require(root, "takenAt", takenAt);
            require(root, "readTime", readTime);
            require(root, "source", source);
            require(root, "process", process);
            require(root, "threads", threads);
            require(root, "regions", version == 1 ? regions : rows);
            requirePresent(root, "machine", hasMachine);
            requirePresent(root, "memory", hasMemory);
            requirePresent(root, "rollup", hasRollup);
            require(root, "smapsUnits", units);
            Layouts layouts = new Layouts(units);
            Smaps roll = rollup == null ? null : rollup.build(layouts, root.field("rollup"));
            if (version == 2) {
                return new Decoded(new Snapshot(process, threads, rows, roll, memory, machine, takenAt, readTime,
                        source, torn, cgroup), removed, rowLayout);
            }
            List<Region> out = new ArrayList<>(regions.size());
            for (RawRegion r : regions) {
                out.add(r.build(layouts));
            }
            return new Decoded(new Snapshot(process, threads, out, roll, memory, machine, takenAt, readTime, source,
                    torn, cgroup), null, null);
        }

        // ---- version 2: regions as rows under one column header ----

        private <T> T skip() throws IOException {
            p.skipChildren();
            return null;
        }

        private boolean columns(JsonPath at) throws IOException {
            List<String> c = strings(at, CompactSnapshotWriter.COLUMNS.size() + 1, "columns");
            if (!c.equals(CompactSnapshotWriter.COLUMNS)) {
                throw bad(at, "expected the columns " + CompactSnapshotWriter.COLUMNS + " of version 2");
            }
            return true;
        }

        private long[] starts(JsonPath at) throws IOException {
            long[][] out = {new long[16]};
            int[] n = {0};
            elements(at, SnapshotCodec.MAX_REGIONS, "removed regions", e -> {
                if (n[0] == out[0].length) {
                    out[0] = Arrays.copyOf(out[0], n[0] * 2);
                }
                out[0][n[0]++] = hex(e);
            });
            return Arrays.copyOf(out[0], n[0]);
        }

        private List<Region> rows(JsonPath at) throws IOException {
            JsonPath root = JsonPath.ROOT;
            String before = " must come before $.regions (their order is part of version 2)";
            if (units == null) {
                throw bad(root.field("smapsUnits"), "missing field 'smapsUnits': it" + before);
            }
            if (smapsKeys == null) {
                throw bad(root.field("smapsKeys"), "missing field 'smapsKeys': it" + before);
            }
            if (!hasColumns) {
                throw bad(root.field("regionColumns"), "missing field 'regionColumns': it" + before);
            }
            rowLayout = smapsKeys.isEmpty() ? null : new Layouts(units).of(smapsKeys, root.field("smapsKeys"));
            List<Region> out = new ArrayList<>();
            elements(at, SnapshotCodec.MAX_REGIONS, "regions", e -> {
                Region r = row(e);
                if (!out.isEmpty()) {
                    Region prev = out.get(out.size() - 1);
                    if (Long.compareUnsigned(r.start(), prev.end()) < 0) {
                        throw bad(e.index(0), "region starts at " + Hex.format(r.start()) + ", below the end "
                                + Hex.format(prev.end()) + " of the region before it: regions must be sorted by"
                                + " address and must not overlap");
                    }
                }
                out.add(r);
            });
            return out;
        }

        private Region row(JsonPath at) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw bad(at, "expected a region row (an array of " + CompactSnapshotWriter.COLUMNS + "), got "
                        + describe(p.currentToken()));
            }
            long start = hex(next(at, 0));
            long end = hex(next(at, 1));
            if (Long.compareUnsigned(start, end) >= 0) {
                throw bad(at.index(1), "end " + Hex.format(end) + " is not above start " + Hex.format(start));
            }
            Perms perms = perms(next(at, 2));
            long offset = hex(next(at, 3));
            String device = string(next(at, 4));
            long inode = integer(next(at, 5), 0, Long.MAX_VALUE);
            String path = string(next(at, 6));
            RegionKind kind = kind(next(at, 7));
            String label = string(next(at, 8));
            Smaps smaps = rowSmaps(at, next(at, 9));
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw bad(at.index(CompactSnapshotWriter.COLUMNS.size()), "a region row has "
                        + CompactSnapshotWriter.COLUMNS.size() + " columns; this one has more");
            }
            return new Region(start, end, perms, offset, device, inode, path, smaps, kind, label);
        }

        /** The values (column 9) and VmFlags (column 10) of a row: both null, or both there. */
        private Smaps rowSmaps(JsonPath row, JsonPath at) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                JsonPath flags = next(row, 10);
                if (p.currentToken() != JsonToken.VALUE_NULL) {
                    throw bad(flags, "expected null: the region has no smaps values, so no VmFlags either");
                }
                return null;
            }
            if (rowLayout == null) {
                throw bad(at, "expected null: $.smapsKeys is empty, so no region has smaps values");
            }
            long[] values = new long[rowLayout.size()];
            int[] n = {0};
            elements(at, values.length, "smaps values (as many as $.smapsKeys)", e -> {
                values[n[0]++] = integer(e, 0, Long.MAX_VALUE);
            });
            if (n[0] != values.length) {
                throw bad(at, "has " + n[0] + " smaps values for the " + values.length + " keys of $.smapsKeys");
            }
            List<String> flags = strings(next(row, 10), MAX_VM_FLAGS, "VmFlags");
            return new Smaps(rowLayout, values, flags);
        }

        /** Moves to column {@code i} of a row and returns its path. */
        private JsonPath next(JsonPath row, int i) throws IOException {
            JsonPath at = row.index(i);
            if (p.nextToken() == JsonToken.END_ARRAY) {
                throw bad(at, "a region row has " + CompactSnapshotWriter.COLUMNS.size() + " columns "
                        + CompactSnapshotWriter.COLUMNS + "; this one ends after " + i);
            }
            return at;
        }
    }

    // ---- sections ----

    private Source source(JsonPath at) throws IOException {
        String[] type = {null};
        String[] description = {null};
        fields(at, (name, f) -> {
            switch (name) {
                case "type" -> type[0] = string(f);
                case "description" -> description[0] = string(f);
                default -> p.skipChildren();
            }
        });
        require(at, "type", type[0]);
        require(at, "description", description[0]);
        try {
            return new Source(Source.Type.valueOf(type[0]), description[0]);
        } catch (IllegalArgumentException e) {
            throw bad(at.field("type"), "expected LIVE, FILE or IMPORTED, got \"" + shorten(type[0]) + "\"");
        }
    }

    private ProcessInfo process(JsonPath at) throws IOException {
        Map<String, Object> v = new HashMap<>();
        fields(at, (name, f) -> {
            switch (name) {
                case "pid", "ppid" -> v.put(name, integer(f, 0, MAX_PID));
                case "uid" -> v.put(name, integer(f, -1, Integer.MAX_VALUE));
                case "vmSize", "vmRss" -> v.put(name, integer(f, 0, Long.MAX_VALUE));
                case "comm", "user", "state" -> v.put(name, string(f));
                case "cmdline" -> v.put(name, strings(f, MAX_ARGS, "arguments"));
                default -> p.skipChildren();
            }
        });
        for (String k : List.of("pid", "ppid", "comm", "cmdline", "uid", "user", "state", "vmSize", "vmRss")) {
            require(at, k, v.get(k));
        }
        @SuppressWarnings("unchecked")
        List<String> cmdline = (List<String>) v.get("cmdline");
        return new ProcessInfo(asInt(v.get("pid")), asInt(v.get("ppid")), (String) v.get("comm"), cmdline,
                asInt(v.get("uid")), (String) v.get("user"), (String) v.get("state"),
                (Long) v.get("vmSize"), (Long) v.get("vmRss"));
    }

    private List<ThreadInfo> threads(JsonPath at) throws IOException {
        List<ThreadInfo> out = new ArrayList<>();
        elements(at, MAX_THREADS, "threads", e -> {
            Map<String, Object> v = new HashMap<>();
            fields(e, (name, f) -> {
                switch (name) {
                    case "tid" -> v.put(name, integer(f, 0, MAX_PID));
                    case "name" -> v.put(name, string(f));
                    case "stackPointer" -> v.put(name, hex(f));
                    case "state" -> v.put(name, oneChar(f));
                    default -> p.skipChildren();
                }
            });
            for (String k : List.of("tid", "name", "stackPointer", "state")) {
                require(e, k, v.get(k));
            }
            out.add(new ThreadInfo(asInt(v.get("tid")), (String) v.get("name"), (Long) v.get("stackPointer"),
                    (Character) v.get("state")));
        });
        return out;
    }

    private MachineSetup machine(JsonPath at) throws IOException {
        Map<String, Object> v = new HashMap<>();
        fields(at, (name, f) -> {
            switch (name) {
                case "pageSize" -> {
                    long size = integer(f, 1, 1L << 30);
                    if (Long.bitCount(size) != 1) {
                        throw bad(f, "expected a power of two (4096, 16384, 65536), got " + size);
                    }
                    v.put(name, size);
                }
                case "randomizeVaSpace", "overcommitMemory" -> v.put(name, integer(f, -1, 2));
                case "mmapMinAddr" -> v.put(name, integer(f, -1, Long.MAX_VALUE));
                case "kernelRelease", "architecture", "transparentHugepages", "hostname" -> v.put(name, string(f));
                default -> p.skipChildren();
            }
        });
        for (String k : List.of("pageSize", "kernelRelease", "architecture", "randomizeVaSpace", "overcommitMemory",
                "transparentHugepages", "mmapMinAddr", "hostname")) {
            require(at, k, v.get(k));
        }
        return new MachineSetup((Long) v.get("pageSize"), (String) v.get("kernelRelease"), (String) v.get("architecture"),
                asInt(v.get("randomizeVaSpace")), asInt(v.get("overcommitMemory")),
                (String) v.get("transparentHugepages"), (Long) v.get("mmapMinAddr"), (String) v.get("hostname"));
    }

    private static final List<String> MEMORY_FIELDS = List.of("memTotal", "memFree", "memAvailable", "buffers",
            "cached", "sReclaimable", "shmem", "swapTotal", "swapFree", "commitLimit", "committedAs");

    private SystemMemory memory(JsonPath at) throws IOException {
        Map<String, Long> v = new HashMap<>();
        String[] definition = new String[1];
        fields(at, (name, f) -> {
            if (MEMORY_FIELDS.contains(name) || name.equals("usedAsPrinted")) {
                v.put(name, integer(f, -1, Long.MAX_VALUE));   // -1: the kernel does not print it
            } else if (name.equals("usedDefinition")) {
                definition[0] = string(f);
            } else {
                p.skipChildren();
            }
        });
        long[] x = new long[MEMORY_FIELDS.size()];
        for (int i = 0; i < x.length; i++) {
            require(at, MEMORY_FIELDS.get(i), v.get(MEMORY_FIELDS.get(i)));
            x[i] = v.get(MEMORY_FIELDS.get(i));
        }
        SystemMemory m = new SystemMemory(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10]);
        Long printed = v.get("usedAsPrinted");
        if (printed == null || printed < 0) {
            return m;
        }
        require(at, "usedDefinition", definition[0]);
        return m.withUsedAsPrinted(printed, definition[0]);
    }

    /** The process's memory cgroup as docs/snapshot-format.md describes it; sizes of -1 mean none. */
    private CgroupMemory cgroup(JsonPath at) throws IOException {
        Map<String, Object> v = new HashMap<>();
        fields(at, (name, f) -> {
            switch (name) {
                case "version" -> v.put(name, integer(f, 1, 2));
                case "limit", "high", "usage", "peak", "swapLimit", "swapUsage" -> v.put(name, integer(f, -1, Long.MAX_VALUE));
                case "path", "pressure" -> v.put(name, string(f));
                case "stat", "events" -> v.put(name, counters(f));
                case "levels" -> {
                    List<CgroupLevel> levels = new ArrayList<>();
                    elements(f, MAX_CGROUP_LEVELS, "cgroup levels", e -> levels.add(cgroupLevel(e)));
                    v.put(name, levels);
                }
                default -> p.skipChildren();
            }
        });
        for (String k : List.of("version", "path", "limit", "high", "usage", "peak", "swapLimit", "swapUsage", "stat",
                "events", "pressure", "levels")) {
            require(at, k, v.get(k));
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> stat = (Map<String, Long>) v.get("stat");
        @SuppressWarnings("unchecked")
        Map<String, Long> events = (Map<String, Long>) v.get("events");
        @SuppressWarnings("unchecked")
        List<CgroupLevel> levels = (List<CgroupLevel>) v.get("levels");
        return new CgroupMemory((int) (long) v.get("version"), (String) v.get("path"), (long) v.get("limit"),
                (long) v.get("high"), (long) v.get("usage"), (long) v.get("peak"), (long) v.get("swapLimit"),
                (long) v.get("swapUsage"), stat, events, (String) v.get("pressure"), levels);
    }

    private CgroupLevel cgroupLevel(JsonPath at) throws IOException {
        Map<String, Object> v = new HashMap<>();
        fields(at, (name, f) -> {
            switch (name) {
                case "path" -> v.put(name, string(f));
                case "limit", "high" -> v.put(name, integer(f, -1, Long.MAX_VALUE));
                default -> p.skipChildren();
            }
        });
        for (String k : List.of("path", "limit", "high")) {
            require(at, k, v.get(k));
        }
        return new CgroupLevel((String) v.get("path"), (long) v.get("limit"), (long) v.get("high"));
    }

    /** Named counters (memory.stat, memory.events), at most a few hundred. */
    private Map<String, Long> counters(JsonPath at) throws IOException {
        Map<String, Long> out = new HashMap<>();
        fields(at, (name, f) -> {
            if (out.size() == MAX_SMAPS_KEYS) {
                throw bad(f, "more than " + MAX_SMAPS_KEYS + " counters: aspace reads at most " + MAX_SMAPS_KEYS);
            }
            out.put(name, integer(f, Long.MIN_VALUE, Long.MAX_VALUE));
        });
        return out;
    }

    private Map<String, Boolean> units(JsonPath at) throws IOException {
        Map<String, Boolean> units = new HashMap<>();
        fields(at, (name, f) -> {
            String u = string(f);
            if (!u.equals("kB") && !u.isEmpty()) {
                throw bad(f, "expected \"kB\" or \"\" (a plain number), got \"" + shorten(u) + "\"");
            }
            units.put(name, u.equals("kB"));
        });
        return units;
    }

    // ---- regions and smaps ----

    /** A region as read, before its smaps keys are matched with their units. */
    private record RawRegion(JsonPath at, long start, long end, Perms perms, long offset, String device, long inode,
                             String path, RegionKind kind, String label, RawSmaps smaps) {

        Region build(Layouts layouts) {
            Smaps s = smaps == null ? null : smaps.build(layouts, at.field("smaps"));
            return new Region(start, end, perms, offset, device, inode, path, s, kind, label);
        }
    }

    private final class RawSmaps {
        List<String> keys = new ArrayList<>();
        long[] values = new long[32];
        List<String> vmFlags;
        boolean hasValues;

        Smaps build(Layouts layouts, JsonPath at) {
            return new Smaps(layouts.of(keys, at.field("values")), Arrays.copyOf(values, keys.size()), vmFlags);
        }
    }

    /** One SmapsLayout per distinct key list, shared by every region that has it. */
    private final class Layouts {
        private final Map<String, Boolean> units;
        private final Map<List<String>, SmapsLayout> cache = new HashMap<>();

        Layouts(Map<String, Boolean> units) {
            this.units = units;
        }

        SmapsLayout of(List<String> keys, JsonPath at) {
            SmapsLayout known = cache.get(keys);
            if (known != null) {
                return known;
            }
            List<Boolean> kb = new ArrayList<>(keys.size());
            for (String k : keys) {
                Boolean u = units.get(k);
                if (u == null) {
                    throw bad(at.field(k), "smaps key '" + shorten(k) + "' has no unit in $.smapsUnits");
                }
                kb.add(u);
            }
            SmapsLayout layout = new SmapsLayout(keys, kb);
            cache.put(List.copyOf(keys), layout);
            return layout;
        }
    }

    private RawSmaps rawSmaps(JsonPath at) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        RawSmaps s = new RawSmaps();
        fields(at, (name, f) -> {
            switch (name) {
                case "values" -> {
                    s.hasValues = true;
                    fields(f, (key, k) -> {
                        if (s.keys.size() == MAX_SMAPS_KEYS) {
                            throw bad(k, "more than " + MAX_SMAPS_KEYS + " smaps keys in one entry: not a snapshot"
                                    + " aspace writes");
                        }
                        long value = integer(k, 0, Long.MAX_VALUE);
                        if (s.keys.size() == s.values.length) {
                            s.values = Arrays.copyOf(s.values, s.values.length * 2);
                        }
                        s.values[s.keys.size()] = value;
                        s.keys.add(key);
                    });
                }
                case "vmFlags" -> s.vmFlags = strings(f, MAX_VM_FLAGS, "VmFlags");
                default -> p.skipChildren();
            }
        });
        requirePresent(at, "values", s.hasValues);
        require(at, "vmFlags", s.vmFlags);
        s.values = Arrays.copyOf(s.values, s.keys.size());
        return s;
    }

    private List<RawRegion> regions(JsonPath at) throws IOException {
        List<RawRegion> out = new ArrayList<>();
        RawRegion[] firstWithSmaps = {null};
        elements(at, SnapshotCodec.MAX_REGIONS, "regions", e -> {
            RawRegion r = region(e);
            if (r.smaps() != null) {
                if (firstWithSmaps[0] == null) {
                    firstWithSmaps[0] = r;
                } else {
                    sameKeys(firstWithSmaps[0], r);
                }
            }
            if (!out.isEmpty()) {
                RawRegion prev = out.get(out.size() - 1);
                if (Long.compareUnsigned(r.start(), prev.end()) < 0) {
                    throw bad(e.field("start"), "region starts at " + Hex.format(r.start()) + ", below the end "
                            + Hex.format(prev.end()) + " of the region before it: regions must be sorted by address"
                            + " and must not overlap");
                }
            }
            out.add(r);
        });
        return out;
    }

    /**
     * Every smaps entry of one process lists the same keys in the same order (the kernel prints
     * them so, and pmap's columns rely on it). The region's key list is then shared with the first.
     */
    private void sameKeys(RawRegion first, RawRegion r) {
        List<String> want = first.smaps().keys;
        List<String> got = r.smaps().keys;
        if (want.equals(got)) {
            r.smaps().keys = want;
            return;
        }
        String rule = ": every region of a snapshot has the same smaps keys, in the kernel's order";
        JsonPath at = r.at().field("smaps").field("values");
        for (String k : want) {
            if (!got.contains(k)) {
                throw bad(at, "lacks smaps key '" + shorten(k) + "' that " + first.at() + " has" + rule);
            }
        }
        for (String k : got) {
            if (!want.contains(k)) {
                throw bad(at.field(k), "smaps key '" + shorten(k) + "' is not in " + first.at() + rule);
            }
        }
        throw bad(at, "lists its smaps keys in another order than " + first.at() + rule);
    }

    private RawRegion region(JsonPath at) throws IOException {
        Map<String, Object> v = new HashMap<>();
        RawSmaps[] smaps = {null};
        boolean[] hasSmaps = {false};
        fields(at, (name, f) -> {
            switch (name) {
                case "start", "end", "offset" -> v.put(name, hex(f));
                case "perms" -> v.put(name, perms(f));
                case "inode" -> v.put(name, integer(f, 0, Long.MAX_VALUE));
                case "device", "path", "label" -> v.put(name, string(f));
                case "kind" -> v.put(name, kind(f));
                case "smaps" -> {
                    hasSmaps[0] = true;
                    smaps[0] = rawSmaps(f);
                }
                default -> p.skipChildren();
            }
        });
        for (String k : List.of("start", "end", "perms", "offset", "device", "inode", "path", "kind", "label")) {
            require(at, k, v.get(k));
        }
        requirePresent(at, "smaps", hasSmaps[0]);
        long start = (Long) v.get("start");
        long end = (Long) v.get("end");
        if (Long.compareUnsigned(start, end) >= 0) {
            throw bad(at.field("end"), "end " + Hex.format(end) + " is not above start " + Hex.format(start));
        }
        return new RawRegion(at, start, end, (Perms) v.get("perms"), (Long) v.get("offset"), (String) v.get("device"),
                (Long) v.get("inode"), (String) v.get("path"), (RegionKind) v.get("kind"), (String) v.get("label"),
                smaps[0]);
    }

    // ---- values ----

    private void fields(JsonPath at, FieldReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw bad(at, "expected an object, got " + describe(p.currentToken()));
        }
        restOfObject(at, reader);
    }

    /** The remaining fields of the object the parser is in, up to its end. */
    private void restOfObject(JsonPath at, FieldReader reader) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            reader.read(name, at.field(name));
        }
        if (t != JsonToken.END_OBJECT) {
            throw bad(at, "expected a field name or the end of the object, got " + describe(t));
        }
    }

    @FunctionalInterface
    private interface ElementReader {
        void read(JsonPath at) throws IOException;
    }

    /** The elements of an array, at most {@code max} of them, so hostile input cannot fill the heap. */
    private void elements(JsonPath at, int max, String what, ElementReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw bad(at, "expected an array, got " + describe(p.currentToken()));
        }
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (i == max) {
                throw bad(at.index(i), "more than " + max + " " + what + ": aspace reads at most " + max
                        + " in one snapshot");
            }
            reader.read(at.index(i++));
        }
    }

    /** A string; NUL is refused: no path, name or argument the kernel gives can hold one. */
    private String string(JsonPath at) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw bad(at, "expected a string, got " + describe(p.currentToken()));
        }
        String s = p.getText();
        if (s.indexOf('\0') >= 0) {
            throw bad(at, "holds a NUL character (\\u0000), which no path or name from the kernel can hold");
        }
        return s;
    }

    private List<String> strings(JsonPath at, int max, String what) throws IOException {
        List<String> out = new ArrayList<>();
        elements(at, max, what, e -> out.add(string(e)));
        return out;
    }

    private long integer(JsonPath at, long min, long max) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw bad(at, "expected a whole number, got " + describe(t));
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw bad(at, "the number " + shorten(p.getText()) + " is out of range (at most " + max + ")");
        }
        long v = p.getLongValue();
        if (v < min || v > max) {
            throw bad(at, "the number " + v + " is out of range (expected " + min + " to " + max + ")");
        }
        return v;
    }

    private long hex(JsonPath at) throws IOException {
        String text = string(at);
        Long v = Hex.parse(text);
        if (v == null) {
            throw bad(at, "expected a hex number like \"0x7ffd2e2e4000\" (\"0x\" and 1 to 16 hex digits), got \""
                    + shorten(text) + "\"");
        }
        return v;
    }

    private boolean bool(JsonPath at) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw bad(at, "expected true or false, got " + describe(t));
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private char oneChar(JsonPath at) throws IOException {
        String s = string(at);
        if (s.length() != 1) {
            throw bad(at, "expected one character (R, S, D, T, Z, ... or ?), got \"" + shorten(s) + "\"");
        }
        return s.charAt(0);
    }

    private Perms perms(JsonPath at) throws IOException {
        String s = string(at);
        try {
            return Perms.parse(s);
        } catch (IllegalArgumentException e) {
            throw bad(at, "expected permissions like \"r-xp\", got \"" + shorten(s) + "\"");
        }
    }

    private RegionKind kind(JsonPath at) throws IOException {
        String s = string(at);
        try {
            return RegionKind.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw bad(at, "unknown region kind \"" + shorten(s) + "\" (expected one of "
                    + Arrays.toString(RegionKind.values()) + ")");
        }
    }

    private Instant instant(JsonPath at) throws IOException {
        String s = string(at);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw bad(at, "expected an ISO-8601 time like \"2026-11-25T04:39:31.123Z\", got \"" + shorten(s) + "\"");
        }
    }

    private Duration duration(JsonPath at) throws IOException {
        String s = string(at);
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative()) {
                throw bad(at, "a read cannot take negative time: " + s);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw bad(at, "expected an ISO-8601 duration like \"PT0.183S\", got \"" + shorten(s) + "\"");
        }
    }

    private void require(JsonPath at, String field, Object value) {
        if (value == null) {
            throw bad(at.field(field), "missing field '" + field + "'");
        }
    }

    private void requirePresent(JsonPath at, String field, boolean present) {
        if (!present) {
            throw bad(at.field(field), "missing field '" + field + "' (write null when there is none)");
        }
    }

    private static int asInt(Object o) {
        return (int) (long) (Long) o;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a fractional number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    /** Hostile files can hold megabyte strings; messages quote at most 60 characters. */
    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
