package dev.aspace.cli;

import dev.aspace.backend.linux.CgroupSandbox;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.demo.AllocationGuard;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.ChildExit;
import dev.aspace.demo.MemoryUserException;
import dev.aspace.demo.MemoryUserRun;
import dev.aspace.demo.Sizes;
import dev.aspace.demo.Touch;
import dev.aspace.model.ByteSize;
import dev.aspace.model.SystemMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code aspace memory-user SIZE [SECONDS]}: the OSTEP homework program (in C, src/main/c/memory-user.c). */
@Command(name = "memory-user", mixinStandardHelpOptions = true, versionProvider = AspaceCommand.Version.class,
        description = {"Runs memory-user, the OSTEP homework program (a small C program): it allocates SIZE"
                + " (anonymous mmap by default), touches them as asked and streams through them until"
                + " SECONDS pass or it is killed, printing its PID at start and once a second its resident size"
                + " and streaming rate.",
                "Watch it from another terminal with pmap -x PID and free -m (MiB)."})
public final class MemoryUserCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SIZE", description = "How much to allocate: a plain number is MiB (2^20 bytes),"
            + " e.g. 64 or 0.5; or with a unit: 512K, 1G, 100MiB (MB and GB are 10^6 and 10^9 bytes).")
    String megabytes;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SECONDS", description = "How long to run (default: until killed).")
    String seconds;

    @Option(names = "--touch", defaultValue = "stream", paramLabel = "none|once|stream",
            description = "none: never write (RSS stays 0: demand paging); once: one pass; stream: pass after pass (default).")
    String touch;

    @Option(names = "--via", defaultValue = "mmap", paramLabel = "mmap|malloc|brk",
            description = "How to allocate (default mmap). Small malloc blocks land in [heap],"
                    + " big ones (over M_MMAP_THRESHOLD) get their own mapping.")
    String via;

    @Option(names = "--rate", paramLabel = "MiB/s", description = "Walk at about this rate, page by page, to watch demand paging.")
    String rate;

    @Option(names = "--allow-overcommit", description = "Allocate even more than MemAvailable minus the margin.")
    boolean allowOvercommit;

    @Option(names = "--margin", defaultValue = "10", paramLabel = "PERCENT",
            description = "Part of MemAvailable kept free (default 10).")
    int margin;

    @Option(names = "--cgroup-limit", paramLabel = "SIZE",
            description = "Run in a new memory cgroup below aspace's own with this limit (64M, 1G; MiB when bare),"
                    + " removed at the end: past it the kernel reclaims, swaps where there is swap, then the cgroup's"
                    + " OOM killer ends the program. Needs root or a delegated cgroup v2 subtree.")
    String cgroupLimit;

    private final Supplier<SystemMemory> memory;

    public MemoryUserCommand() {
        this(() -> new LinuxBackend().systemMemory());
    }

    MemoryUserCommand(Supplier<SystemMemory> memory) {
        this.memory = memory;
    }

    @Override
    public Integer call() throws InterruptedException {
        long bytes;
        Duration duration;
        Touch t;
        BlockKind kind;
        double mbps;
        AllocationGuard guard;
        long limit;
        try {
            bytes = Sizes.parse(megabytes, "SIZE");
            duration = seconds == null ? null : duration(seconds);
            t = Touch.parse(touch);
            if (!via.matches("mmap|malloc|brk")) {
                throw new IllegalArgumentException("--via must be mmap, malloc or brk, got '" + via + "'");
            }
            kind = BlockKind.parse(via);
            mbps = rate == null ? 0 : positive(rate, "--rate");
            guard = new AllocationGuard(margin);
            limit = cgroupLimit == null ? 0 : Sizes.parse(cgroupLimit, "--cgroup-limit");
        } catch (IllegalArgumentException e) {
            // one line naming the value and the fix; exit 2 (bad usage)
            spec.commandLine().getErr().println("aspace: memory-user: " + e.getMessage());
            return 2;
        }
        var refusal = guard.refusal(bytes, memory.get(), allowOvercommit, "--allow-overcommit");
        if (refusal.isPresent()) {
            spec.commandLine().getErr().println("aspace: memory-user: " + refusal.get());
            return 1;
        }
        MemoryUserRun.Settings settings = new MemoryUserRun.Settings(bytes, duration, kind, t, mbps);
        try {
            if (limit > 0) {
                return underLimit(settings, limit);
            }
            ChildExit exit = MemoryUserRun.run(settings, spec.commandLine().getOut(), spec.commandLine().getErr());
            if (exit.killedBySignal()) {
                spec.commandLine().getErr().println("aspace: memory-user: " + exit.describe());
            }
            return exit.exitCode() == 0 ? 0 : 1;
        } catch (MemoryUserException e) {
            spec.commandLine().getErr().println("aspace: memory-user: " + e.getMessage());
            return 1;
        }
    }

    /** Runs the program in a cgroup of its own with this limit, and says how the cgroup ended it. */
    private int underLimit(MemoryUserRun.Settings settings, long limit) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try (CgroupSandbox box = CgroupSandbox.create(ProcPath.SYSTEM, limit)) {
            err.println("aspace: memory-user: running in cgroup " + box.path() + " with a limit of " + ByteSize.format(limit));
            err.flush();
            ChildExit exit = MemoryUserRun.run(settings, box::wrap, spec.commandLine().getOut(), err);
            String death = box.death(exit.exitCode());
            if (!death.isEmpty()) {
                // the cgroup's own counter is surer than the machine's; any other signal by its name
                err.println("aspace: memory-user: " + (death.contains("OOM killer") ? death : exit.describe()));
                return 1;
            }
            return exit.exitCode() == 0 ? 0 : 1;
        }
    }

    private static Duration duration(String text) {
        double s = positive(text, "SECONDS");
        return Duration.ofMillis((long) (s * 1000));
    }

    private static double positive(String text, String what) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + text + "'");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be more than 0, got '" + text + "'");
        }
        return v;
    }
}
