package dev.aspace.backend.linux;

import dev.aspace.procfs.CmdlineParser;
import dev.aspace.procfs.SmapsParser;
import dev.aspace.procfs.SmapsRollupParser;
import dev.aspace.procfs.StatusParser;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.share.FileSharing;
import dev.aspace.share.FileTotals;
import dev.aspace.share.FileUsers;
import dev.aspace.share.ProcessShare;
import dev.aspace.share.ShareReport;
import dev.aspace.share.Unreadable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads what {@code aspace share} shows: each process's smaps_rollup (its RSS, PSS, USS and swap,
 * the kernel's own sums) and smaps (its file mappings), two processes at a time.
 */
public final class ShareReader {

    /** Why a process's smaps_rollup cannot be read. */
    public static final String DENIED = "permission denied (needs the same user as the process, root, or CAP_SYS_PTRACE)";

    private final ProcPath proc;
    private final UserNames users;

    public ShareReader(ProcPath proc) {
        this.proc = proc;
        this.users = UserNames.system();
    }

    /** One process read: its figures or why not, and its file mappings. Null fields: left out (kernel thread, gone). */
    private record One(ProcessShare share, Unreadable unreadable, List<Region> regions) {
    }

    /**
     * Every process (when {@code pids} is empty) or the ones named. Kernel threads and zombies
     * (no address space) and processes that exit meanwhile are left out of "every process";
     * named ones are listed as unreadable with the reason.
     */
    public ShareReport read(List<Integer> pids) {
        boolean all = pids.isEmpty();
        List<One> read = readAll(all ? everyProcess() : pids, all);
        List<ProcessShare> processes = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        FileTotals files = new FileTotals();
        for (One o : read) {
            if (o.share != null) {
                processes.add(o.share);
                files.add(o.share.pid(), o.regions);
            } else if (o.unreadable != null) {
                unreadable.add(o.unreadable);
            }
        }
        processes.sort(Comparator.comparingLong(ProcessShare::pss).thenComparingInt(ProcessShare::pid));
        return new ShareReport(processes, files.files(), unreadable);
    }

    /**
     * Every process's mappings of one part of a file (path, permissions as maps writes them, file
     * offset), each with its RSS and PSS of that part and of the whole file, from its smaps read now;
     * the processes that could not be read are listed with the reason.
     */
    public FileSharing fileSharing(String path, String perms, long offset) {
        List<One> read = readAll(everyProcess(), true);
        FileUsers users = new FileUsers(path, perms, offset);
        List<Unreadable> unreadable = new ArrayList<>();
        for (One o : read) {
            if (o.share != null) {
                users.add(o.share, o.regions);
            } else if (o.unreadable != null) {
                unreadable.add(o.unreadable);
            }
        }
        return users.result(unreadable);
    }

    private List<Integer> everyProcess() {
        try {
            return ProcFiles.numericEntries(proc.proc());
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + proc.proc() + ": " + e.getMessage(), e);
        }
    }

    private List<One> readAll(List<Integer> pids, boolean all) {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "share-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<One>> futures = new ArrayList<>(pids.size());
            for (int pid : pids) {
                futures.add(pool.submit(() -> one(pid, all)));
            }
            List<One> out = new ArrayList<>(pids.size());
            for (Future<One> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading processes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private One one(int pid, boolean all) {
        String command = "?";
        String user = "?";
        try {
            byte[] status = ProcFiles.read(proc.file(pid, "status"));
            user = users.name(StatusParser.parse(proc.file(pid, "status").toString(), status).uid());
            byte[] cmdline = ProcFiles.read(proc.file(pid, "cmdline"));
            List<String> args = CmdlineParser.arguments(cmdline, cmdline.length);
            if (args.isEmpty()) {
                byte[] comm = ProcFiles.read(proc.file(pid, "comm"));
                command = "[" + CmdlineParser.comm(comm, comm.length) + "]";
            } else {
                command = String.join(" ", args);
            }
            byte[] rollupText = ProcFiles.read(proc.file(pid, "smaps_rollup"));
            Smaps rollup = SmapsRollupParser.parse(proc.file(pid, "smaps_rollup").toString(), rollupText);
            if (rollup == null) {
                return all ? new One(null, null, null)
                        : new One(null, new Unreadable(pid, user, command, "no address space (a kernel thread or a zombie)"), null);
            }
            byte[] smaps = ProcFiles.read(proc.file(pid, "smaps"));
            List<Region> regions = SmapsParser.parse(proc.file(pid, "smaps").toString(), smaps, SmapsParser.Mode.SMAPS);
            return new One(new ProcessShare(pid, user, command, rollup.rss(), rollup.pss(), rollup.uss(), rollup.swap()),
                    null, regions);
        } catch (AccessDeniedException e) {
            return new One(null, new Unreadable(pid, user, command, DENIED), null);
        } catch (NoSuchFileException e) {
            return all ? new One(null, null, null) : new One(null, new Unreadable(pid, user, command, "no such process"), null);
        } catch (IOException e) {
            if (all) {
                return new One(null, null, null); // exited while being read: ps leaves it out too
            }
            return new One(null, new Unreadable(pid, user, command, "exited while being read"), null);
        } catch (MalformedInputException e) {
            // one process's odd text must not cost the whole table: a process that ended meanwhile
            // is left out as above, any other is listed with what did not parse
            if (!Files.isDirectory(proc.pid(pid))) {
                return all ? new One(null, null, null) : new One(null, new Unreadable(pid, user, command, "exited while being read"), null);
            }
            return new One(null, new Unreadable(pid, user, command, e.getMessage()), null);
        }
    }
}
