package dev.aspace.classify;

import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;

/**
 * Finds the main executable among the mapped files. {@code /proc/PID/exe} is not in the model,
 * so the maps must tell, in this order of trust:
 * <ol>
 * <li>a file mapped at offset 0 whose name is the process's {@code comm} (the kernel cuts comm
 *     to 15 characters) or its {@code argv[0]}:
 *     {@code 55e3fce00000-55e3fce01000 r-xp 00000000 fe:01 1717789  /usr/local/openjdk-8/bin/java}
 *     for comm "java";</li>
 * <li>the file mapped just below {@code [heap]}: the kernel starts brk after the executable's
 *     bss, so {@code 00485000-00489000 rw-p ... /usr/bin/xochitl} precedes
 *     {@code 02316000-03ad6000 rw-p ... [heap]};</li>
 * <li>the lowest file mapped at offset 0 (a PIE executable is loaded below the mmap area).</li>
 * </ol>
 */
final class ExecutableFinder {

    /** TASK_COMM_LEN - 1: longer names are cut to this length in comm. */
    private static final int COMM_MAX = 15;

    private ExecutableFinder() {
    }

    /** The executable's file, or null when no file is mapped. */
    static FileKey find(Work w, ProcessInfo process) {
        FileKey byName = byName(w, process);
        if (byName != null) {
            return byName;
        }
        FileKey belowHeap = belowHeap(w);
        if (belowHeap != null) {
            return belowHeap;
        }
        for (Region r : w.regions) {
            if (PathNames.isPlainFile(r.path()) && r.offset() == 0) {
                return FileKey.of(r);
            }
        }
        return null;
    }

    private static FileKey byName(Work w, ProcessInfo process) {
        if (process == null) {
            return null;
        }
        String comm = process.comm() == null ? "" : process.comm();
        String argv0 = process.cmdline().isEmpty() ? "" : process.cmdline().get(0);
        String argv0Name = PathNames.basename(argv0);
        for (Region r : w.regions) {
            String path = r.path();
            if (!PathNames.isPlainFile(path) || r.offset() != 0) {
                continue;
            }
            String name = PathNames.basename(path);
            boolean commMatches = !comm.isEmpty()
                    && (name.equals(comm) || (comm.length() == COMM_MAX && name.startsWith(comm)));
            boolean argvMatches = !argv0.isEmpty() && (path.equals(argv0) || name.equals(argv0Name));
            if (commMatches || argvMatches) {
                return FileKey.of(r);
            }
        }
        return null;
    }

    private static FileKey belowHeap(Work w) {
        for (int i = 0; i < w.size(); i++) {
            if (w.regions[i].path().equals("[heap]")) {
                for (int j = i - 1; j >= 0; j--) {
                    Region below = w.regions[j];
                    if (PathNames.isPlainFile(below.path())) {
                        return FileKey.of(below);
                    }
                }
                return null;
            }
        }
        return null;
    }
}
