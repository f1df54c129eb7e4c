package dev.aspace.backend.linux;

import dev.aspace.model.ByteSize;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.CgroupUnavailableException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A memory cgroup made for one child below this process's own (never anywhere else), with a
 * limit, and removed when closed. A command is put into it before it runs (a shell writes its own
 * PID into {@code cgroup.procs}, then execs the command), so every page it touches is charged.
 * Cgroups that an earlier run of aspace left behind (it was killed) are removed when their
 * maker is gone and they are empty.
 */
public final class CgroupSandbox implements AutoCloseable {

    static final String PREFIX = "aspace-child-";

    private final CgroupReader.Place place;
    private final Path dir;
    private final CgroupReader reader;
    private final long limit;

    private CgroupSandbox(CgroupReader reader, CgroupReader.Place place, long limit) {
        this.reader = reader;
        this.limit = limit;
        this.place = place;
        this.dir = place.dir();
    }

    /**
     * Makes the cgroup with its memory limit.
     *
     * @throws CgroupUnavailableException when no memory controller is mounted, or this user may not
     *                                    make a cgroup below its own (one line says what is needed)
     */
    public static CgroupSandbox create(ProcPath proc, long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("a cgroup limit must be more than 0 bytes");
        }
        CgroupReader reader = new CgroupReader(proc);
        long self = ProcessHandle.current().pid();
        CgroupReader.Place own = reader.place((int) self).orElseThrow(() -> new CgroupUnavailableException(
                "cannot run under a memory limit: no memory controller is mounted on this machine", null));
        sweep(own.dir());
        String name = PREFIX + self + "-" + Long.toString(System.nanoTime() & 0xffffffL, 36);
        String path = (own.path().endsWith("/") ? own.path() : own.path() + "/") + name;
        CgroupReader.Place place = new CgroupReader.Place(own.version(), own.mount(), path);
        Path dir = place.dir();
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw needed(own, "cannot make a cgroup in " + own.dir() + " (" + reason(e) + ")", e);
        }
        CgroupSandbox box = new CgroupSandbox(reader, place, limitBytes);
        try {
            Path limitFile = dir.resolve(own.version() == 1 ? "memory.limit_in_bytes" : "memory.max");
            if (!Files.exists(limitFile)) {
                throw needed(own, "the memory controller is not enabled for cgroups below " + own.path()
                        + " (cgroup.subtree_control)", null);
            }
            Files.writeString(limitFile, Long.toString(limitBytes));
        } catch (IOException | RuntimeException e) {
            box.close();
            if (e instanceof CgroupUnavailableException c) {
                throw c;
            }
            throw needed(own, "cannot set the limit of " + dir + " (" + reason(e) + ")", e);
        }
        return box;
    }

    /** The command, started so that it runs inside this cgroup from its first instruction. */
    public List<String> wrap(List<String> command) {
        List<String> out = new ArrayList<>(List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
                dir.resolve("cgroup.procs").toString()));
        out.addAll(command);
        return out;
    }

    /** The cgroup's path below its hierarchy's root. */
    public String path() {
        return place.path();
    }

    /** The memory limit it was made with, in bytes. */
    public long limit() {
        return limit;
    }

    /** The cgroup's directory (gone once closed). */
    public Path dir() {
        return dir;
    }

    /** The cgroup's figures now. */
    public CgroupMemory read() {
        return reader.read(place);
    }

    /**
     * What happened to a child that ended with this exit status, in one line, or "" when it simply
     * exited: the cgroup's OOM killer (counted in its events) or another signal.
     */
    public String death(int exitStatus) {
        if (exitStatus <= 128) {
            return "";
        }
        int signal = exitStatus - 128;
        CgroupMemory now = read();
        String counter = place.version() == 1 ? "memory.oom_control oom_kill " : "memory.events oom_kill ";
        if (signal == 9 && now.oomKills() > 0) {
            String at = now.peak() >= 0 ? " at " + ByteSize.format(now.peak()) : "";
            return "killed by the cgroup's OOM killer" + at + " (limit " + ByteSize.format(now.limit()) + ", "
                    + counter + now.oomKills() + ")";
        }
        return String.format(Locale.ROOT, "killed by signal %d%s", signal,
                signal == 9 ? " (SIGKILL; the cgroup's " + counter + now.oomKills() + ")" : "");
    }

    /** Ends whatever is left in the cgroup and removes it. */
    @Override
    public void close() {
        remove(dir);
    }

    private static void remove(Path dir) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                for (String pid : Files.readAllLines(dir.resolve("cgroup.procs"), StandardCharsets.UTF_8)) {
                    if (!pid.isBlank()) {
                        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
                Files.delete(dir);
                return;
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    return; // left for the next run's sweep: it removes empty ones whose maker is gone
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Removes cgroups an earlier aspace made here whose maker is gone. */
    private static void sweep(Path own) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(own, PREFIX + "*")) {
            for (Path child : children) {
                String rest = child.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                try {
                    long maker = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (ProcessHandle.of(maker).isEmpty()) {
                        remove(child);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            // nothing to sweep, or not ours to read
        }
    }

    private static CgroupUnavailableException needed(CgroupReader.Place own, String what, Throwable cause) {
        String how = own.version() == 1
                ? "run aspace as root"
                : "run aspace as root, or in a delegated cgroup v2 subtree, e.g. systemd-run --user --scope -p Delegate=yes aspace ...;"
                        + " or limit the whole run: systemd-run --user --scope -p MemoryMax=64M aspace memory-user ...";
        return new CgroupUnavailableException("cannot run under a memory limit: " + what + ": " + how, cause);
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
