package dev.aspace.backend.linux;

import dev.aspace.procfs.ProcStat;
import dev.aspace.procfs.StatParser;
import dev.aspace.procfs.SyscallParser;
import dev.aspace.model.ThreadInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The threads of a process, from {@code /proc/PID/task/TID/{stat,syscall}}: name, state and user
 * stack pointer, so the classifier can tell whose stack an anonymous region is.
 */
public final class ThreadReader {

    private final ProcPath proc;

    public ThreadReader(ProcPath proc) {
        this.proc = proc;
    }

    /**
     * The threads, main thread first, then by tid. A thread that exits while being read is left
     * out; an empty list means the process itself is gone (or the task directory is not readable).
     */
    public List<ThreadInfo> read(int pid) {
        List<Integer> tids;
        try {
            tids = ProcFiles.numericEntries(proc.pid(pid).resolve("task"));
        } catch (IOException e) {
            return List.of();
        }
        tids.sort((a, b) -> a == pid ? -1 : b == pid ? 1 : Integer.compare(a, b));
        List<ThreadInfo> threads = new ArrayList<>(tids.size());
        for (int tid : tids) {
            ThreadInfo t = thread(pid, tid);
            if (t != null) {
                threads.add(t);
            }
        }
        return threads;
    }

    private ThreadInfo thread(int pid, int tid) {
        Path statFile = proc.task(pid, tid, "stat");
        ProcStat stat;
        try {
            stat = StatParser.parse(statFile.toString(), ProcFiles.read(statFile));
        } catch (IOException e) {
            return null; // the thread exited
        }
        long sp = stat.kstkesp();
        try {
            byte[] syscall = ProcFiles.read(proc.task(pid, tid, "syscall"));
            long fromSyscall = SyscallParser.stackPointer(syscall, syscall.length);
            if (fromSyscall != 0) {
                sp = fromSyscall;
            }
        } catch (IOException e) {
            // syscall needs ptrace access and may be absent (CONFIG_HAVE_ARCH_TRACEHOOK): keep stat's value
        }
        return new ThreadInfo(tid, stat.comm(), sp, stat.state());
    }
}
