package dev.aspace.backend.linux;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.ProcessRow;
import dev.aspace.classify.RegionClassifier;
import dev.aspace.model.AccessDeniedException;
import dev.aspace.model.AslrSettings;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.MachineSetup;
import dev.aspace.model.ProcessChangedException;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.model.SystemMemory;
import dev.aspace.model.ThreadInfo;
import dev.aspace.procfs.CmdlineParser;
import dev.aspace.procfs.MeminfoParser;
import dev.aspace.procfs.ProcStat;
import dev.aspace.procfs.ProcStatus;
import dev.aspace.procfs.SmapsParser;
import dev.aspace.procfs.SmapsRollupParser;
import dev.aspace.procfs.StatParser;
import dev.aspace.procfs.StatusParser;
import dev.aspace.procfs.TextDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Address spaces read from /proc, classified by {@link RegionClassifier}. Every call reads
 * afresh; results are immutable and the class is safe to use from any thread.
 *
 * <p>Reading /proc is racy: the kernel hands out smaps a page per read() and drops its lock in
 * between, and a process can exit or exec at any moment. Each snapshot is checked: regions must
 * come out sorted and apart, their sizes must add up to the virtual size read before, during
 * ({@link VsizeSamples}) and after, and a second read of maps must list the same mappings
 * (else the read is retried, and after {@value #ATTEMPTS} torn reads the last is returned marked
 * {@link Snapshot#torn()}), and the process must still be the same one with its address space
 * afterwards (else {@link ProcessGoneException}).
 */
public final class LinuxBackend implements MemoryBackend {

    static final int ATTEMPTS = 4;
    private static final RegionClassifier CLASSIFIER = new RegionClassifier();

    private final ProcPath proc;
    private final int attempts;
    private final MachineSetupReader machine;
    private final ThreadReader threadReader;
    private volatile UserNames users;

    public LinuxBackend() {
        this(ProcPath.SYSTEM);
    }

    public LinuxBackend(ProcPath proc) {
        this(proc, ATTEMPTS);
    }

    /** With fewer attempts, so a test can see what a read that stays torn gives. */
    LinuxBackend(ProcPath proc, int attempts) {
        this.proc = proc;
        this.attempts = attempts;
        this.machine = new MachineSetupReader(proc);
        this.threadReader = new ThreadReader(proc);
    }

    public ProcPath procPath() {
        return proc;
    }

    @Override
    public Snapshot snapshot(int pid, Detail detail) {
        return read(pid, detail, true);
    }

    /**
     * Only what a one-shot listing such as {@code aspace pmap} prints: the process and its regions
     * as the kernel lists them, read with the same checks as {@link #snapshot} (retried when torn,
     * failing when the process exits or execs meanwhile), but not classified and without threads,
     * smaps_rollup, system memory or machine setup (JNA), which a short-lived CLI run would pay
     * for at start-up and never show: a one-shot `pmap -X` must stay well under procps' time.
     */
    public Snapshot mappings(int pid, Detail detail) {
        return read(pid, detail, false);
    }

    /**
     * Who the process is (status, cmdline, comm: files any user may read), without its memory:
     * what pmap prints as a process's first line even when its maps may not be read.
     *
     * @throws ProcessGoneException when there is no such process
     */
    public ProcessInfo process(int pid) {
        if (stat(pid) == null) {
            throw ProcessGoneException.noSuchProcess(pid);
        }
        return facts(pid, false).process();
    }

    private Snapshot read(int pid, Detail detail, boolean whole) {
        Instant takenAt = Instant.now();
        long t0 = System.nanoTime();
        ProcStat first = stat(pid);
        if (first == null) {
            throw ProcessGoneException.noSuchProcess(pid);
        }
        ProcStat before = first;
        Facts facts = null;
        RegionRead read = null;
        RegionRead torn = null;
        List<Region> classified = null;
        List<Region> tornClassified = null;
        for (int attempt = 0; attempt < attempts && read == null; attempt++) {
            RegionRead r = readRegions(pid, detail, whole, facts == null);
            if (facts == null) {
                facts = r.facts;
            }
            // classified while maps is read again on the helper thread; thrown away if torn
            List<Region> c;
            boolean agrees;
            try {
                c = whole && r.inAddressOrder ? CLASSIFIER.classify(r.regions, facts.threads, facts.process) : r.regions;
            } finally {
                agrees = agrees(pid, r);
            }
            ProcStat after = checkStillThere(pid, first, r.regions);
            if (r.inAddressOrder && isWhole(before, after, r.sizeSum) && agrees) {
                read = r;
                classified = c;
            } else if (r.inAddressOrder) {
                torn = r;
                tornClassified = c;
            }
            before = after;
        }
        boolean isTorn = read == null;
        if (isTorn) {
            if (torn == null) {
                throw new ProcessChangedException(pid, attempts);
            }
            read = torn;   // sorted but not whole each time: kept, and marked so nobody takes it for whole
            classified = tornClassified;
        }
        return new Snapshot(facts.process, facts.threads, classified, read.rollup, facts.memory, facts.machine, takenAt,
                Duration.ofNanos(System.nanoTime() - t0), Source.live(pid), isTorn, whole ? cgroupOrNull(pid) : null);
    }

    /**
     * Whether one read of the regions is a picture of one moment. The kernel hands out maps a page
     * of text per read() and lets the process run in between, so a region moved from a place not
     * yet read to one already read is missed, and one moved the other way is listed twice. Either
     * changes the sum of the sizes read; so the read is whole when the sizes add up to the
     * process's virtual size both before and after it ({@code [vsyscall]} is the kernel's gate
     * page, listed but not counted). Costs one extra read of /proc/PID/stat, none when whole. It is
     * not enough alone: see {@link VsizeSamples} and {@link #agrees} for the reads it misses.
     */
    static boolean isWhole(ProcStat before, ProcStat after, long sizeSum) {
        return before.vsize() == after.vsize() && sizeSum == after.vsize();
    }

    /** Everything but the regions: small files, read while the helper thread reads smaps. */
    private record Facts(ProcessInfo process, List<ThreadInfo> threads, SystemMemory memory, MachineSetup machine) {
    }

    private Facts facts(int pid, boolean whole) {
        ProcStatus status = StatusParser.parse(proc.file(pid, "status").toString(), small(pid, "status"));
        byte[] cmd = small(pid, "cmdline");
        byte[] comm = small(pid, "comm");
        List<ThreadInfo> threads = whole ? threadReader.read(pid) : List.of();
        ProcessInfo process = new ProcessInfo(pid, status.ppid(), CmdlineParser.comm(comm, comm.length),
                CmdlineParser.arguments(cmd, cmd.length), status.uid(), users().name(status.uid()), status.state(),
                Math.max(0, status.vmSize()), Math.max(0, status.vmRss()));
        return whole ? new Facts(process, threads, systemMemory(), machineSetup()) : new Facts(process, threads, null, null);
    }

    /**
     * One read of the regions; facts only when asked for. Whether a second read of maps agrees is
     * known once {@code mapsDigest} is done ({@link #agrees}), which also closes the samples.
     */
    private record RegionRead(List<Region> regions, boolean inAddressOrder, long sizeSum, long headerDigest,
                              Future<Long> mapsDigest, VsizeSamples samples, Smaps rollup, Facts facts) {
    }

    /**
     * One read of smaps (or maps). While the helper thread reads smaps ahead, this thread reads
     * smaps_rollup (when {@code whole}) and the small files (when {@code withFacts}), then parses
     * smaps as it arrives: the kernel takes longer to print smaps than all the rest together.
     * Then maps is read a second time; the virtual size is sampled during both reads.
     */
    private RegionRead readRegions(int pid, Detail detail, boolean whole, boolean withFacts) {
        String name = detail == Detail.SMAPS ? "smaps" : "maps";
        Path file = proc.file(pid, name);
        SmapsParser parser = new SmapsParser(file.toString(),
                detail == Detail.SMAPS ? SmapsParser.Mode.SMAPS : SmapsParser.Mode.MAPS);
        Smaps rollup = null;
        Facts facts = null;
        List<Region> regions;
        VsizeSamples samples = null;
        try {
            samples = VsizeSamples.open(proc.file(pid, "stat"));
            try (ChunkStream stream = ChunkStream.open(file, samples)) {
                if (detail == Detail.SMAPS && whole) {
                    rollup = rollup(pid);
                }
                if (withFacts) {
                    facts = facts(pid, whole);
                }
                stream.drainTo(parser::feed);
            }
            regions = parser.finish();
            Future<Long> mapsDigest = ChunkStream.digest(proc.file(pid, "maps"), samples);
            return new RegionRead(regions, parser.inAddressOrder(), parser.virtualSize(), parser.headerDigest(),
                    mapsDigest, samples, rollup, facts);
        } catch (IOException e) {
            closeQuietly(samples);
            throw failure(pid, name, e);
        } catch (RuntimeException | Error e) {
            closeQuietly(samples);
            throw e;
        }
    }

    /**
     * Whether a whole first read agrees with a second read of /proc/PID/maps made after it, line
     * for line (ranges, permissions, backing, names; compared by {@link TextDigest}), and the
     * virtual size held still during both. Waits for the second read.
     *
     * <p>Why: a region moved inside a remap is counted twice in the virtual size for a moment (the
     * new copy exists and counts before the old one goes), so a read holding it twice can add up
     * to a size read in such a moment, before and after. A second read, made later, is torn by the
     * same motion at other moments, or not at all: it lists the region once.
     */
    private boolean agrees(int pid, RegionRead r) {
        try (VsizeSamples samples = r.samples) {
            long digest = r.mapsDigest.get();
            return r.inAddressOrder && r.headerDigest == digest && samples.allWere(r.sizeSum);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw failure(pid, "maps", io);
            }
            throw new IllegalStateException("reading maps of process " + pid + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading maps of process " + pid, e);
        }
    }

    private static void closeQuietly(VsizeSamples samples) {
        if (samples != null) {
            samples.close();
        }
    }

    /**
     * The kernel's own sums; null when it has none: Linux before 4.14 has no such file, and a
     * zombie or kernel thread has no address space to sum (ESRCH). Whether the process went away
     * meanwhile is decided after the regions are read.
     */
    private Smaps rollup(int pid) {
        Path file = proc.file(pid, "smaps_rollup");
        byte[] text;
        try {
            text = ProcFiles.read(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (isNoSuchProcess(e)) {
                return null;
            }
            throw failure(pid, "smaps_rollup", e);
        }
        return SmapsRollupParser.parse(file.toString(), text);
    }

    /**
     * A read that ended early looks whole: the kernel stops at the last region when the address
     * space goes away (exit or exec). So after reading, the process must be the same process,
     * not a zombie, still with an address space, and with the same program.
     */
    private ProcStat checkStillThere(int pid, ProcStat before, List<Region> regions) {
        ProcStat after = stat(pid);
        if (after == null || after.startTime() != before.startTime()) {
            throw ProcessGoneException.exitedWhileReading(pid);
        }
        boolean wasEmpty = before.state() == 'Z' || before.state() == 'X' || before.isKernelThread();
        if (wasEmpty) {
            return after; // a zombie or kernel thread has no address space: empty is the truth
        }
        if (after.state() == 'Z' || after.state() == 'X' || after.vsize() == 0 || after.startCode() != before.startCode()) {
            throw ProcessGoneException.exitedWhileReading(pid);
        }
        if (regions.isEmpty()) {
            // a user process with memory whose maps read empty: the kernel hid it from us
            throw new AccessDeniedException(pid, "maps", null);
        }
        return after;
    }

    /**
     * One small read of /proc/PID/stat: the cheap signals (vsize, rss, state) a live view reads
     * each tick to decide whether smaps is worth re-reading.
     *
     * @throws ProcessGoneException when there is no such process
     */
    @Override
    public ProcStat vitals(int pid) {
        ProcStat s = stat(pid);
        if (s == null) {
            throw ProcessGoneException.noSuchProcess(pid);
        }
        return s;
    }

    /** /proc/PID/stat, or null when there is no such process. */
    private ProcStat stat(int pid) {
        Path file = proc.file(pid, "stat");
        try {
            return StatParser.parse(file.toString(), ProcFiles.read(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (isNoSuchProcess(e)) {
                return null;
            }
            throw failure(pid, "stat", e);
        }
    }

    private byte[] small(int pid, String name) {
        try {
            return ProcFiles.read(proc.file(pid, name));
        } catch (IOException e) {
            throw failure(pid, name, e);
        }
    }

    /** Turns an I/O error of a process's file into what it means for the user. */
    private RuntimeException failure(int pid, String what, IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) { // qualified: AccessDeniedException is dev.aspace.model.AccessDeniedException here
            return new AccessDeniedException(pid, what, e);
        }
        if (isNoSuchProcess(e) || (e instanceof NoSuchFileException && !Files.isDirectory(proc.pid(pid)))) {
            return ProcessGoneException.exitedWhileReading(pid);
        }
        return new UncheckedIOException("reading " + what + " of process " + pid + ": " + e.getMessage(), e);
    }

    /** ESRCH: the task went away between open() and read(). */
    private static boolean isNoSuchProcess(IOException e) {
        String m = e.getMessage();
        return m != null && m.contains("No such process");
    }

    private UserNames users() {
        UserNames u = users;
        if (u == null) {
            u = UserNames.system();
            users = u;
        }
        return u;
    }

    @Override
    public SystemMemory systemMemory() {
        Path file = proc.proc("meminfo");
        try {
            return MeminfoParser.parse(file.toString(), ProcFiles.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AslrSettings aslrSettings() {
        return machine.aslrSettings();
    }

    @Override
    public MachineSetup machineSetup() {
        return machine.read();
    }

    @Override
    public List<ProcessRow> processes() {
        return new ProcessLister(proc, users()).list();
    }

    /** The cgroup view recorded with a snapshot: what can be read, else nothing (it is not what pmap needs). */
    private CgroupMemory cgroupOrNull(int pid) {
        try {
            return cgroup(pid).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public Optional<CgroupMemory> cgroup(int pid) {
        return new CgroupReader(proc).memory(pid);
    }
}
