package dev.aspace.backend.linux;

import java.nio.file.Path;

/**
 * Where procfs and sysfs are mounted. The live machine uses {@code /proc} and {@code /sys}; tests
 * point it at a captured tree so the readers run on real text without a live process.
 *
 * @param proc the procfs root ({@code /proc})
 * @param sys  the sysfs root ({@code /sys}), for the transparent hugepage mode
 */
public record ProcPath(Path proc, Path sys) {

    /** The running machine: /proc and /sys. */
    public static final ProcPath SYSTEM = new ProcPath(Path.of("/proc"), Path.of("/sys"));

    /** A captured tree holding {@code proc/} and {@code sys/} below {@code root}. */
    public static ProcPath under(Path root) {
        return new ProcPath(root.resolve("proc"), root.resolve("sys"));
    }

    /** {@code /proc/PID}. */
    public Path pid(int pid) {
        return proc.resolve(Integer.toString(pid));
    }

    /** {@code /proc/PID/name}, e.g. {@code file(4711, "smaps")}. */
    public Path file(int pid, String name) {
        return pid(pid).resolve(name);
    }

    /** {@code /proc/PID/task/TID/name}. */
    public Path task(int pid, int tid, String name) {
        return pid(pid).resolve("task").resolve(Integer.toString(tid)).resolve(name);
    }

    /** A file below the procfs root, e.g. {@code proc("sys/vm/overcommit_memory")}. */
    public Path proc(String relative) {
        return proc.resolve(relative);
    }

    /** A file below the sysfs root. */
    public Path sys(String relative) {
        return sys.resolve(relative);
    }
}
