package dev.aspace.snapshot;

import dev.aspace.classify.LiveRead;
import dev.aspace.classify.RegionClassifier;
import dev.aspace.model.MachineSetup;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.model.SystemMemory;
import dev.aspace.snapshot.importers.ImportContext;
import dev.aspace.snapshot.importers.TextImport;
import dev.aspace.testutil.Fixtures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Snapshots made of real data: a live process, this machine's settings, captured pmap text. */
final class RealSnapshots {

    private RealSnapshots() {
    }

    /** A live process read now: maps, threads with stack pointers, classified; this machine's memory and setup. */
    static Snapshot live(int pid) {
        Instant t0 = Instant.now();
        LiveRead live = LiveRead.of(pid);
        List<Region> regions = new RegionClassifier().classify(live.regions(), live.threads(), live.process());
        Duration took = Duration.between(t0, Instant.now());
        return new Snapshot(live.process(), live.threads(), regions, null, meminfo(), machine(), t0, took,
                Source.live(pid));
    }

    /** pmap -XX text from Ubuntu 18.04 (every smaps column and VmFlags), with the sums as its rollup. */
    static Snapshot importedWithSmaps() {
        Snapshot s = TextImport.with(List.of())
                .read(Fixtures.path("pmapXX-01-ubuntu18.04-procps3.3.12-VmFlagsMapping-joined.txt"), 1024)
                .snapshot();
        return new Snapshot(s.process(), s.threads(), s.regions(), sums(s.regions()), s.memory(), s.machine(),
                s.takenAt(), s.readTime(), s.source());
    }

    private static Smaps sums(List<Region> regions) {
        SmapsLayout layout = regions.get(0).smaps().layout();
        long[] total = new long[layout.size()];
        for (Region r : regions) {
            for (int i = 0; i < total.length; i++) {
                total[i] += r.smaps().value(i);
            }
        }
        return new Smaps(layout, total, List.of());
    }

    /** This machine's memory as procps free prints it in bytes, read through the free importer. */
    static SystemMemory meminfo() {
        try {
            Process free = new ProcessBuilder("free", "-b", "-w").redirectErrorStream(true).start();
            byte[] text = free.getInputStream().readAllBytes();
            free.waitFor();
            return TextImport.with(List.of()).read(new ByteArrayInputStream(text),
                    new ImportContext("free", Instant.now(), 1), "free -b -w").snapshot().memory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static MachineSetup machine() {
        try {
            String thp = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            String mode = thp.substring(thp.indexOf('[') + 1, thp.indexOf(']'));
            return new MachineSetup(4096, Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(),
                    System.getProperty("os.arch"), Integer.parseInt(sys("kernel/randomize_va_space")),
                    Integer.parseInt(sys("vm/overcommit_memory")), mode, Long.parseLong(sys("vm/mmap_min_addr")),
                    Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sys(String name) throws IOException {
        return Files.readString(Path.of("/proc/sys", name)).strip();
    }
}
