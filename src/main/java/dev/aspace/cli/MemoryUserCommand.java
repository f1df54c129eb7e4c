package dev.aspace.cli;

import dev.aspace.demo.AllocationGuard;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.MemoryUserException;
import dev.aspace.demo.MemoryUserRun;
import dev.aspace.demo.Sizes;
import dev.aspace.demo.Touch;
import dev.aspace.model.SystemMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code aspace memory-user SIZE [SECONDS]}: the OSTEP homework program (in C, src/main/c/memory-user.c). */
@Command(name = "memory-user",
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

    private final Supplier<SystemMemory> memory;

    public MemoryUserCommand() {
        this(() -> new dev.aspace.backend.linux.LinuxBackend().systemMemory());
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
        } catch (IllegalArgumentException e) {
            // one line naming the value and the fix; exit 2 (bad usage)
            spec.commandLine().getErr().println("aspace: memory-user: " + e.getMessage());
            return 2;
        }
        var refusal = guard.refusal(bytes, memory.get(), allowOvercommit);
        if (refusal.isPresent()) {
            spec.commandLine().getErr().println("aspace: memory-user: " + refusal.get());
            return 1;
        }
        try {
            int code = MemoryUserRun.run(new MemoryUserRun.Settings(bytes, duration, kind, t, mbps),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
            return code == 0 ? 0 : 1;
        } catch (MemoryUserException e) {
            spec.commandLine().getErr().println("aspace: memory-user: " + e.getMessage());
            return 1;
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
