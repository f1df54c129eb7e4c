package dev.aspace.backend.linux;

import dev.aspace.procfs.CgroupText;
import dev.aspace.model.CgroupLevel;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.ProcessGoneException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a process's memory cgroup: which one it is (/proc/PID/cgroup), where its hierarchy is
 * mounted (below the configurable sysfs root: {@code fs/cgroup/memory} for v1,
 * {@code fs/cgroup} or {@code fs/cgroup/unified} for v2), and the memory controller's files of it
 * and its ancestors. The memory controller is on one hierarchy at a time: v1 where a v1
 * hierarchy has it, else v2.
 */
public final class CgroupReader {

    /** Where one process's memory cgroup lives. */
    public record Place(int version, Path mount, String path) {

        /** The cgroup's directory. */
        public Path dir() {
            return below(mount, path);
        }
    }

    private final ProcPath proc;

    public CgroupReader(ProcPath proc) {
        this.proc = proc;
    }

    /** The memory cgroup's place of a process, or empty when no memory controller is mounted. */
    public Optional<Place> place(int pid) {
        Map<String, String> controllers;
        Path file = proc.file(pid, "cgroup");
        try {
            controllers = CgroupText.controllers(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw ProcessGoneException.noSuchProcess(pid);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String v1 = controllers.get("memory");
        Path v1Mount = proc.sys("fs/cgroup/memory");
        if (v1 != null && Files.isRegularFile(v1Mount.resolve("memory.usage_in_bytes"))) {
            return Optional.of(new Place(1, v1Mount, v1));
        }
        String v2 = controllers.get("");
        if (v2 != null) {
            for (String mount : List.of("fs/cgroup", "fs/cgroup/unified")) {
                Path m = proc.sys(mount);
                if (hasMemoryController(m)) {
                    return Optional.of(new Place(2, m, v2));
                }
            }
        }
        return Optional.empty();
    }

    /** The memory cgroup of a process, or empty when no memory controller is mounted. */
    public Optional<CgroupMemory> memory(int pid) {
        return place(pid).map(this::read);
    }

    /** The memory controller's figures of the cgroup at this place, with its ancestors' limits. */
    public CgroupMemory read(Place place) {
        Path dir = place.dir();
        try {
            return place.version() == 1 ? v1(place, dir) : v2(place, dir);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("the cgroup " + place.path() + " is gone (" + e.getFile() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cgroup " + dir + ": " + e.getMessage(), e);
        }
    }

    private CgroupMemory v1(Place place, Path dir) throws IOException {
        Map<String, Long> events = new LinkedHashMap<>(
                CgroupText.flatKeyed(dir + "/memory.oom_control", lines(dir.resolve("memory.oom_control"))));
        events.put("failcnt", number(dir, "memory.failcnt"));
        return new CgroupMemory(1, place.path(),
                limit(dir, "memory.limit_in_bytes"), -1,
                number(dir, "memory.usage_in_bytes"), optionalNumber(dir, "memory.max_usage_in_bytes"),
                optionalLimit(dir, "memory.memsw.limit_in_bytes"), optionalNumber(dir, "memory.memsw.usage_in_bytes"),
                CgroupText.flatKeyed(dir + "/memory.stat", lines(dir.resolve("memory.stat"))),
                events, "", levels(place, "memory.limit_in_bytes"));
    }

    private CgroupMemory v2(Place place, Path dir) throws IOException {
        boolean root = place.path().equals("/");
        Path events = dir.resolve("memory.events");
        Path pressure = dir.resolve("memory.pressure");
        return new CgroupMemory(2, place.path(),
                root ? -1 : limit(dir, "memory.max"), root ? -1 : optionalLimit(dir, "memory.high"),
                root ? rootUsage() : number(dir, "memory.current"), optionalNumber(dir, "memory.peak"),
                root ? -1 : optionalLimit(dir, "memory.swap.max"), optionalNumber(dir, "memory.swap.current"),
                Files.isRegularFile(dir.resolve("memory.stat"))
                        ? CgroupText.flatKeyed(dir + "/memory.stat", lines(dir.resolve("memory.stat"))) : Map.of(),
                Files.isRegularFile(events) ? CgroupText.flatKeyed(events.toString(), lines(events)) : Map.of(),
                Files.isRegularFile(pressure) ? String.join("\n", lines(pressure)) : "",
                levels(place, "memory.max"));
    }

    /** The v2 root has no memory.current: the machine's used memory stands for it. */
    private long rootUsage() {
        return new LinuxBackend(proc).systemMemory().used();
    }

    private List<CgroupLevel> levels(Place place, String limitFile) throws IOException {
        List<CgroupLevel> out = new ArrayList<>();
        String path = place.path();
        while (true) {
            Path dir = below(place.mount(), path);
            long high = place.version() == 2 ? optionalLimit(dir, "memory.high") : -1;
            out.add(new CgroupLevel(path, optionalLimit(dir, limitFile), high));
            if (path.equals("/") || path.isEmpty()) {
                return out;
            }
            int slash = path.lastIndexOf('/');
            path = slash <= 0 ? "/" : path.substring(0, slash);
        }
    }

    private static boolean hasMemoryController(Path mount) {
        try {
            Path c = mount.resolve("cgroup.controllers");
            return Files.isRegularFile(c) && List.of(Files.readString(c).strip().split("\\s+")).contains("memory");
        } catch (IOException e) {
            return false;
        }
    }

    private static Path below(Path mount, String path) {
        String rel = path.startsWith("/") ? path.substring(1) : path;
        return rel.isEmpty() ? mount : mount.resolve(rel);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static long number(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        return CgroupText.number(f.toString(), Files.readString(f));
    }

    private static long limit(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        return CgroupText.limit(f.toString(), Files.readString(f));
    }

    private static long optionalNumber(Path dir, String name) throws IOException {
        return Files.isRegularFile(dir.resolve(name)) ? number(dir, name) : -1;
    }

    private static long optionalLimit(Path dir, String name) throws IOException {
        return Files.isRegularFile(dir.resolve(name)) ? limit(dir, name) : -1;
    }
}
