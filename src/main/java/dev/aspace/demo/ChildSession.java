package dev.aspace.demo;

import dev.aspace.backend.jna.NativeCallException;
import dev.aspace.backend.jna.NativeMemory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The state of the controlled memory-user child and the commands of its line protocol
 * (docs/memory-user-protocol.md). {@link #execute} runs on the child's main thread, which must be
 * the same thread for the whole session (forked copies die with it: PR_SET_PDEATHSIG).
 */
final class ChildSession {

    private final Map<Integer, NativeBlock> blocks = new ConcurrentHashMap<>();
    private final Map<Integer, WalkJob> jobs = new ConcurrentHashMap<>();
    private final Map<Integer, Thread> threads = new ConcurrentHashMap<>();
    private final List<Integer> forks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Consumer<String> events;
    private final Path fileDir;
    private int nextBlock = 1;

    /** @param events where to send unsolicited "event ..." lines (thread-safe) */
    ChildSession(Consumer<String> events, Path fileDir) {
        this.events = events;
        this.fileDir = fileDir;
    }

    /** Runs one command; returns the reply line ("ok ID ..." or "err ID message"). */
    String execute(String line) {
        String[] w = line.trim().split("\\s+");
        if (w.length < 2 || !w[0].matches("\\d{1,9}")) {
            return "err 0 malformed command '" + line + "': expected 'ID VERB ARGS...' with a numeric ID";
        }
        String id = w[0];
        try {
            Map<String, String> out = run(w[1], w);
            StringBuilder sb = new StringBuilder("ok ").append(id);
            out.forEach((k, v) -> sb.append(' ').append(k).append('=').append(Protocol.escape(v)));
            return sb.toString();
        } catch (IllegalArgumentException | IllegalStateException | NativeCallException e) {
            return "err " + id + " " + oneLine(e.getMessage());
        } catch (java.io.IOException e) {
            return "err " + id + " " + oneLine(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "err " + id + " interrupted";
        }
    }

    private Map<String, String> run(String verb, String[] w) throws java.io.IOException, InterruptedException {
        Map<String, String> out = new LinkedHashMap<>();
        switch (verb) {
            case "ping" -> out.put("pid", Integer.toString(NativeMemory.getpid()));
            case "alloc" -> {
                need(w, 4, "alloc KIND BYTES");
                BlockKind kind = BlockKind.parse(w[2]);
                long bytes = positiveLong(w[3], "BYTES");
                int id = nextBlock++;
                Path path = switch (kind) {
                    case FILE -> fileDir.resolve("aspace-file-" + NativeMemory.getpid() + "-" + id);
                    case SHM -> Path.of("/dev/shm", "aspace-shm-" + NativeMemory.getpid() + "-" + id);
                    default -> null;
                };
                if (path != null) {
                    Files.deleteIfExists(path);
                }
                NativeBlock b = NativeBlock.allocate(id, kind, bytes, path);
                blocks.put(id, b);
                describe(b.block(), out);
            }
            case "touch" -> {
                need(w, 4, "touch BLOCK PERCENT");
                NativeBlock b = walkable(w[2]);
                int percent = percent(w[3]);
                stopJob(b.block().id());
                b.walker().prefix(b.block().size() * percent / 100, 1);
                out.put("bytes", Long.toString(b.block().size() * percent / 100));
            }
            case "walk" -> {
                need(w, 4, "walk BLOCK MB_PER_SECOND [PERCENT]");
                NativeBlock b = walkable(w[2]);
                double rate = positiveDouble(w[3], "MB_PER_SECOND");
                int percent = w.length > 4 ? percent(w[4]) : 100;
                startJob(b, WalkJob.paced(b, rate * Sizes.MB, b.block().size() * percent / 100, events));
            }
            case "stream" -> {
                need(w, 3, "stream BLOCK");
                NativeBlock b = walkable(w[2]);
                startJob(b, WalkJob.streaming(b, events));
            }
            case "stop" -> {
                need(w, 3, "stop BLOCK");
                out.put("stopped", Boolean.toString(stopJob(block(w[2]).block().id())));
            }
            case "free" -> {
                need(w, 3, "free BLOCK");
                NativeBlock b = block(w[2]);
                stopJob(b.block().id());
                b.free();
                blocks.remove(b.block().id());
            }
            case "mlock" -> {
                need(w, 3, "mlock BLOCK");
                block(w[2]).mlock();
            }
            case "munlock" -> {
                need(w, 3, "munlock BLOCK");
                block(w[2]).munlock();
            }
            case "dontneed" -> {
                need(w, 3, "dontneed BLOCK");
                NativeBlock b = block(w[2]);
                stopJob(b.block().id());
                out.put("bytes", Long.toString(b.dontNeed()));
            }
            case "protect" -> {
                need(w, 4, "protect BLOCK PAGE_INDEX");
                NativeBlock b = block(w[2]);
                stopJob(b.block().id());
                out.put("addr", hex(b.protectPage(positiveOrZero(w[3], "PAGE_INDEX"))));
            }
            case "fork" -> {
                int parent = NativeMemory.getpid();
                int pid = NativeMemory.fork();
                if (pid == 0) {
                    NativeMemory.parkForever(parent);
                }
                forks.add(pid);
                out.put("pid", Integer.toString(pid));
            }
            case "unfork" -> {
                need(w, 3, "unfork PID");
                int pid = (int) positiveLong(w[2], "PID");
                if (!forks.remove(Integer.valueOf(pid))) {
                    throw new IllegalArgumentException("process " + pid + " is not a fork of this memory-user");
                }
                NativeMemory.killAndReap(pid);
            }
            case "thread" -> out.put("tid", Integer.toString(startThread()));
            case "endthread" -> {
                need(w, 3, "endthread TID");
                Thread t = threads.remove((int) positiveLong(w[2], "TID"));
                if (t == null) {
                    throw new IllegalArgumentException("thread " + w[2] + " was not started with 'thread'");
                }
                t.interrupt();
                t.join(5000);
            }
            case "dlopen" -> {
                need(w, 3, "dlopen LIBRARY");
                out.put("handle", hex(NativeMemory.dlopen(w[2])));
            }
            case "exit" -> out.put("bye", "1");
            default -> throw new IllegalArgumentException("unknown command '" + verb
                    + "' (alloc, touch, walk, stream, stop, free, mlock, munlock, dontneed, protect, fork, unfork,"
                    + " thread, endthread, dlopen, ping, exit)");
        }
        return out;
    }

    /** Ends what the session started that the kernel would not end by itself: forks, files. */
    void close() {
        jobs.values().forEach(WalkJob::stop);
        for (int pid : forks) {
            NativeMemory.killAndReap(pid);
        }
        for (NativeBlock b : blocks.values()) {
            if (!b.block().path().isEmpty()) {
                try {
                    Files.deleteIfExists(Path.of(b.block().path()));
                } catch (java.io.IOException e) {
                    // the process is ending; a leftover file in a temp dir is all that is lost
                }
            }
        }
    }

    private int startThread() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        int[] tid = new int[1];
        Thread t = new Thread(() -> {
            tid[0] = NativeMemory.gettid();
            started.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park();
            }
        }, "memory-user-extra");
        t.setDaemon(true);
        t.start();
        started.await();
        threads.put(tid[0], t);
        return tid[0];
    }

    private void startJob(NativeBlock b, WalkJob job) {
        stopJob(b.block().id());
        jobs.put(b.block().id(), job);
        job.start();
    }

    private boolean stopJob(int blockId) {
        WalkJob j = jobs.remove(blockId);
        if (j == null) {
            return false;
        }
        j.stop();
        return true;
    }

    private NativeBlock walkable(String word) {
        NativeBlock b = block(word);
        if (b.hasProtectedPages()) {
            throw new IllegalStateException("block " + b.block().id()
                    + " has a PROT_NONE page: walking it would die of SIGSEGV; free it and allocate another");
        }
        return b;
    }

    private NativeBlock block(String word) {
        int id = (int) positiveLong(word, "BLOCK");
        NativeBlock b = blocks.get(id);
        if (b == null) {
            throw new IllegalArgumentException("no block " + id + " (allocate one first; freed blocks are gone)");
        }
        return b;
    }

    static void describe(Block b, Map<String, String> out) {
        out.put("block", Integer.toString(b.id()));
        out.put("kind", b.kind().word());
        out.put("addr", hex(b.address()));
        out.put("size", Long.toString(b.size()));
        if (!b.path().isEmpty()) {
            out.put("path", b.path());
        }
    }

    private static void need(String[] w, int n, String usage) {
        if (w.length < n) {
            throw new IllegalArgumentException("usage: ID " + usage);
        }
    }

    private static long positiveLong(String s, String what) {
        long v = positiveOrZero(s, what);
        if (v == 0) {
            throw new IllegalArgumentException(what + " must be more than 0, got " + s);
        }
        return v;
    }

    private static long positiveOrZero(String s, String what) {
        try {
            long v = Long.parseLong(s);
            if (v < 0) {
                throw new IllegalArgumentException(what + " must not be negative, got " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + s + "'");
        }
    }

    private static double positiveDouble(String s, String what) {
        try {
            double v = Double.parseDouble(s);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(what + " must be more than 0, got " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + s + "'");
        }
    }

    private static int percent(String s) {
        long p = positiveOrZero(s, "PERCENT");
        if (p > 100) {
            throw new IllegalArgumentException("PERCENT must be 0 to 100, got " + s);
        }
        return (int) p;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static String oneLine(String s) {
        return s == null ? "failed" : s.replace('\n', ' ').replace('\r', ' ');
    }

    static String rate(double mbPerSecond) {
        return String.format(Locale.ROOT, "%.1f", mbPerSecond);
    }
}
