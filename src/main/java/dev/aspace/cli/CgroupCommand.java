package dev.aspace.cli;

import dev.aspace.backend.linux.CgroupReader;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.SystemMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code aspace cgroup PID [--json]}: the memory cgroup that limits a process, and its ancestors' limits. */
@Command(name = "cgroup", mixinStandardHelpOptions = true,
        description = {"The memory cgroup of a process: its limit, usage (anonymous, page cache, kernel), peak,",
            "swap, OOM kills and the limits of its ancestors (the tightest one decides). Inside a container",
            "or a systemd slice this, not free's MemAvailable, is what reclaims and kills the process."})
final class CgroupCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print JSON (docs/cgroup-json.md); sizes in bytes, null for no limit")
    boolean json;

    @Parameters(index = "0", paramLabel = "PID", description = "the process")
    int pid;

    @Override
    public Integer call() {
        if (pid <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "PID must be a positive process id, got " + pid);
        }
        Optional<CgroupMemory> cgroup = new CgroupReader(ProcPath.SYSTEM).memory(pid);
        if (cgroup.isEmpty()) {
            spec.commandLine().getErr().println("aspace: cgroup: no memory controller is mounted on this machine"
                    + " (neither /sys/fs/cgroup/memory nor a cgroup v2 hierarchy with 'memory' in cgroup.controllers)");
            return 1;
        }
        SystemMemory machine = new LinuxBackend().systemMemory();
        Output.write(spec.commandLine(), json ? CgroupJson.render(pid, cgroup.get(), machine)
                : CgroupFormat.render(pid, cgroup.get(), machine));
        return 0;
    }
}
