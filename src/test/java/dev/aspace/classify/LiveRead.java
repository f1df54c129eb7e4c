package dev.aspace.classify;

import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.ThreadInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test-only reading of a live process (maps, threads with their stack pointers, comm and
 * cmdline) until LinuxBackend is on main; then these tests use it instead.
 */
public record LiveRead(List<Region> regions, List<ThreadInfo> threads, ProcessInfo process) {

    public static LiveRead of(int pid) {
        try {
            Path proc = Path.of("/proc", Integer.toString(pid));
            List<Region> regions = MapsText.regions(Files.readString(proc.resolve("maps")));
            List<ThreadInfo> threads = new ArrayList<>();
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path task : tasks.sorted().toList()) {
                    int tid = Integer.parseInt(task.getFileName().toString());
                    String comm = Files.readString(task.resolve("comm")).strip();
                    threads.add(new ThreadInfo(tid, comm, stackPointer(task), 'S'));
                }
            }
            String comm = Files.readString(proc.resolve("comm")).strip();
            List<String> cmdline = List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
            ProcessInfo info = new ProcessInfo(pid, 0, comm, cmdline, 0, "root", "S (sleeping)", 0, 0);
            return new LiveRead(regions, threads, info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** task/TID/syscall: "nr arg1 .. arg6 sp pc" while blocked in a call; sp is the 9th field. */
    private static long stackPointer(Path task) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            String[] f = Files.readString(task.resolve("syscall")).strip().split(" ");
            if (f.length >= 9) {
                return Long.parseUnsignedLong(f[7].substring(2), 16);
            }
            try {
                Thread.sleep(10);   // "running": ask again once it blocks
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return 0;
    }
}
