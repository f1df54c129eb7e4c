package dev.aspace.backend;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.AslrSettings;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.MachineSetup;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;
import dev.aspace.procfs.ProcStat;

import java.util.List;
import java.util.Optional;

/**
 * Where address spaces come from. The Linux implementation reads /proc; every method is safe to
 * call from any thread and returns immutable results.
 */
public interface MemoryBackend {

    /** Which parts of a process to read. */
    enum Detail {
        /** maps only: fast, no per-page figures. */
        MAPS,
        /** smaps: every figure the kernel has per region. */
        SMAPS
    }

    /**
     * Reads a whole address space, classified. Never returns a torn read: a process that exits
     * or remaps while being read is retried, or the call fails.
     *
     * @throws dev.aspace.model.ProcessGoneException   no such process, or it exited
     * @throws dev.aspace.model.AccessDeniedException  not allowed to read it
     */
    /** This machine's backend: /proc, /sys and libc. */
    static MemoryBackend live() {
        return new LinuxBackend();
    }

    Snapshot snapshot(int pid, Detail detail);

    /** The machine's memory, as free sees it. */
    SystemMemory systemMemory();

    /** The settings that shape address spaces on this machine. */
    MachineSetup machineSetup();

    /** Every process, as {@code ps auxw} lists it. */
    List<ProcessRow> processes();

    /**
     * One read of the process's stat line (vsize, rss, start of code, state): the cheap per-tick
     * check for change.
     *
     * @throws dev.aspace.model.ProcessGoneException no such process
     */
    ProcStat vitals(int pid);

    /** The kernel's ASLR settings; a backend that cannot read them says only randomize_va_space. */
    default AslrSettings aslrSettings() {
        MachineSetup m = machineSetup();
        return new AslrSettings(m.randomizeVaSpace(), -1, -1, m.architecture(), m.pageSize());
    }

    /**
     * The memory cgroup a process is in, or empty where none can be read (no memory controller,
     * or a backend without cgroups).
     *
     * @throws dev.aspace.model.ProcessGoneException no such process
     */
    default Optional<CgroupMemory> cgroup(int pid) {
        return Optional.empty();
    }
}
