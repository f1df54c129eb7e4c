package dev.aspace.demo;

import dev.aspace.backend.linux.CgroupSandbox;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.model.CgroupUnavailableException;
import dev.aspace.start.StartOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Starts the memory-user child (the C program src/main/c/memory-user.c) and drives it over its
 * line protocol (docs/memory-user-protocol.md), one typed method per experiment. Thread-safe;
 * each method blocks until the child replies, so call it off the FX thread.
 *
 * <pre>{@code
 * try (MemoryUserController c = MemoryUserController.start()) {
 *     Block b = c.allocate(BlockKind.MMAP, 64 * Sizes.MB);
 *     c.touch(b, 100);
 * }
 * }</pre>
 */
public final class MemoryUserController implements AutoCloseable {

    /** How long a command may take (touching gigabytes takes seconds). */
    private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Writer stdin;
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final List<MemoryUserListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Block> blocks = new CopyOnWriteArrayList<>();
    private final List<Integer> forks = new CopyOnWriteArrayList<>();
    private final List<Integer> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final CompletableFuture<ChildExit> exit = new CompletableFuture<>();
    private final long oomKillsAtStart;
    private final Path tmpdir;
    private final CgroupSandbox cgroup; // null: runs in aspace's own cgroup
    private final int pid;
    private volatile boolean closing;

    private MemoryUserController(Process process, long oomKillsAtStart, Path tmpdir, CgroupSandbox cgroup) {
        this.process = process;
        this.tmpdir = tmpdir;
        this.cgroup = cgroup;
        this.pid = (int) process.pid();
        this.oomKillsAtStart = oomKillsAtStart;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLoop, "memory-user-reader-" + pid);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a child and returns once it said "ready".
     *
     * @throws MemoryUserException when it cannot start (its program missing, say)
     */
    public static MemoryUserController start() {
        return start(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Starts a child whose file blocks go to {@code tmpdir}.
     *
     * @throws MemoryUserException when it cannot start (its program missing, say)
     */
    public static MemoryUserController start(Path tmpdir) {
        return start(tmpdir, null);
    }

    /**
     * Starts a child that runs inside {@code cgroup} from its first instruction; the cgroup is
     * then the child's: removed when the child ends (or cannot start), after its end was read from it.
     *
     * @throws MemoryUserException when it cannot start (its program missing, say)
     */
    public static MemoryUserController startIn(Path tmpdir, CgroupSandbox cgroup) {
        try {
            return start(tmpdir, cgroup);
        } catch (RuntimeException e) {
            cgroup.close();
            throw e;
        }
    }

    /**
     * Ends {@code old} and starts a child in its place: in a new memory cgroup below this
     * process's own with this limit, or in this process's cgroup when {@code limitBytes} is 0.
     *
     * @throws CgroupUnavailableException when no cgroup can be made (one line says what is
     *                                    needed); {@code old} is left running then
     * @throws MemoryUserException        when the new child cannot start
     */
    public static MemoryUserController restart(MemoryUserController old, long limitBytes) {
        Path tmpdir = old.tmpdir;
        CgroupSandbox box = limitBytes > 0 ? CgroupSandbox.create(ProcPath.SYSTEM, limitBytes) : null;
        old.close();
        return box == null ? start(tmpdir) : startIn(tmpdir, box);
    }

    private static MemoryUserController start(Path tmpdir, CgroupSandbox cgroup) {
        UnaryOperator<List<String>> launcher = cgroup == null ? UnaryOperator.identity() : cgroup::wrap;
        List<String> command = launcher.apply(command(tmpdir));
        long oomKills = oomKills();
        CompletableFuture<Process> started = new CompletableFuture<>();
        // PR_SET_PDEATHSIG fires when the *thread* that forked the child ends, so the child is
        // started from a thread that lives exactly as long as the child: it starts it, then waits for it.
        Thread keeper = new Thread(() -> {
            Process p;
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
                // one malloc arena: a small malloc lands in [heap] even from a walking thread,
                // as in the homework's single-threaded program, not in a per-thread arena mapping
                pb.environment().put("MALLOC_ARENA_MAX", "1");
                p = pb.start();
            } catch (IOException | RuntimeException e) {
                started.completeExceptionally(e);
                return;
            }
            started.complete(p);
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "memory-user-keeper");
        keeper.setDaemon(true);
        keeper.start();
        Process p;
        try {
            p = started.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new MemoryUserException("cannot start the memory-user child: " + (e.getCause() == null ? e : e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemoryUserException("interrupted while starting the memory-user child");
        }
        MemoryUserController c = new MemoryUserController(p, oomKills, tmpdir, cgroup);
        p.onExit().thenAccept(done -> c.childExited());
        try {
            c.ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            c.close();
            throw new MemoryUserException("the memory-user child did not start: "
                    + (e.getCause() == null ? "no 'ready' within " + START_TIMEOUT.toSeconds() + " s" : e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.close();
            throw new MemoryUserException("interrupted while starting the memory-user child");
        }
        return c;
    }

    /**
     * The command line of the child: the C program src/main/c/memory-user.c ({@link #program}),
     * this process as its parent, the temp directory for its file blocks.
     *
     * @throws MemoryUserException when the program is not there
     */
    public static List<String> command() {
        return command(Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static List<String> command(Path tmpdir) {
        return List.of(program().toString(), "--parent", Long.toString(ProcessHandle.current().pid()),
                "--tmpdir", tmpdir.toString());
    }

    /**
     * The memory-user program ({@link #program(String, Path)}).
     *
     * @throws MemoryUserException when it is not there
     */
    public static Path program() {
        Path program = program(StartOptions.read().memoryUser(), codeLocation());
        if (!Files.isExecutable(program)) {
            throw new MemoryUserException("the memory-user program is missing: no executable " + program
                    + " (mvn compile builds it with gcc; or name it with -D" + PROGRAM_PROPERTY + "=PATH)");
        }
        return program;
    }

    /** Another program built from src/main/c, beside the memory-user program. */
    static Path nativeProgram(String name) {
        return program(StartOptions.read().memoryUser(), codeLocation()).resolveSibling(name);
    }

    /** Names the memory-user program where it is not in its usual place (read by StartOptions). */
    public static final String PROGRAM_PROPERTY = StartOptions.PREFIX + "memoryUser";

    /**
     * Where the memory-user program is: {@code native/memory-user} beside this code's class
     * directory or jar, so target/classes and target/aspace.jar find Maven's target/native, and
     * the installed app's lib/app/aspace.jar its lib/app/native; or where {@code named} says.
     */
    static Path program(String named, Path codeLocation) {
        if (!named.isEmpty()) {
            return Path.of(named);
        }
        return codeLocation.toAbsolutePath().getParent().resolve("native").resolve("memory-user");
    }

    /** This class's directory or jar. */
    private static Path codeLocation() {
        try {
            return Path.of(MemoryUserController.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target", "classes"); // no code source (unusual class loader): Maven's layout
        }
    }

    public int pid() {
        return pid;
    }

    /** Where the child's main, a global, a heap block and a local are (its "ready" line). */
    public Pointers pointers() {
        String line = ready.getNow("");
        return line.isEmpty() ? Pointers.NONE : Pointers.of(Protocol.fields(line.split(" "), 1));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The memory cgroup made for this child, while it runs; empty when it runs in aspace's own. */
    public Optional<CgroupSandbox> cgroup() {
        return Optional.ofNullable(cgroup);
    }

    /** Where and under which limit the child runs, when it has a cgroup of its own. */
    public Optional<ChildCgroup> ownCgroup() {
        return cgroup().map(c -> new ChildCgroup(c.path(), c.limit()));
    }

    /** Completes when the child is gone. */
    public CompletableFuture<ChildExit> onExit() {
        return exit;
    }

    public void addListener(MemoryUserListener l) {
        listeners.add(l);
    }

    public void removeListener(MemoryUserListener l) {
        listeners.remove(l);
    }

    /** Blocks the child holds now, oldest first. */
    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** Pids of forked copies alive now. */
    public List<Integer> forks() {
        return List.copyOf(forks);
    }

    /** Tids of threads started with {@link #startThread()} alive now. */
    public List<Integer> threads() {
        return List.copyOf(threads);
    }

    // ---- experiments -------------------------------------------------------------------------

    /** mmap / malloc / brk / file / shm of {@code bytes}. Safety checks are the caller's ({@link AllocationGuard}). */
    public Block allocate(BlockKind kind, long bytes) {
        Map<String, String> f = request("alloc " + kind.word() + " " + bytes);
        Block b = new Block(Integer.parseInt(f.get("block")), BlockKind.parse(f.get("kind")),
                Long.parseUnsignedLong(f.get("addr").substring(2), 16), Long.parseLong(f.get("size")),
                f.getOrDefault("path", ""));
        blocks.add(b);
        return b;
    }

    /** Writes the first {@code percent} % of the block once, at full speed; returns when done. */
    public void touch(Block b, int percent) {
        request("touch " + b.id() + " " + percent);
    }

    /** Starts a paced walk over the first {@code percent} %: events "rate", then "walked". */
    public void walk(Block b, double mbPerSecond, int percent) {
        request("walk " + b.id() + " " + mbPerSecond + " " + percent);
    }

    /** Starts streaming over the block until {@link #stop}: events "rate" once a second. */
    public void stream(Block b) {
        request("stream " + b.id());
    }

    /** Stops a walk or stream on the block; true when one was running. */
    public boolean stop(Block b) {
        return Boolean.parseBoolean(request("stop " + b.id()).get("stopped"));
    }

    /** free / munmap / sbrk(-n) / munmap + unlink, as the block was made. */
    public void free(Block b) {
        request("free " + b.id());
        blocks.remove(b);
    }

    public void mlock(Block b) {
        request("mlock " + b.id());
    }

    public void munlock(Block b) {
        request("munlock " + b.id());
    }

    /** madvise(MADV_DONTNEED) on the whole pages of the block; returns the bytes advised. */
    public long dontNeed(Block b) {
        return Long.parseLong(request("dontneed " + b.id()).get("bytes"));
    }

    /** mprotect(PROT_NONE) of the block's {@code pageIndex}-th whole page; returns its address. */
    public long protectPage(Block b, long pageIndex) {
        return Long.parseUnsignedLong(request("protect " + b.id() + " " + pageIndex).get("addr").substring(2), 16);
    }

    /** Forks a copy of the child that sleeps until told to write (copy-on-write); returns its pid. */
    public int fork() {
        int p = Integer.parseInt(request("fork").get("pid"));
        forks.add(p);
        return p;
    }

    /**
     * Has fork {@code forkPid} write its copy of the block page by page at about that rate, so that
     * copy-on-write gives it its own frames one at a time; returns at once, event "forkwrote" when done.
     */
    public void forkWrite(int forkPid, Block b, double mbPerSecond) {
        request("forkwrite " + forkPid + " " + b.id() + " " + mbPerSecond);
    }

    public void unfork(int forkPid) {
        request("unfork " + forkPid);
        forks.remove(Integer.valueOf(forkPid));
    }

    /** Starts a thread that parks (a new stack and its guard); returns its tid. */
    /**
     * What the child said of itself when it started: its page size and the stack a thread gets
     * without asking (glibc's default from RLIMIT_STACK), each 0 when it did not say.
     */
    public ChildFacts facts() {
        Map<String, String> f = Protocol.fields(ready.getNow("ready").split(" "), 1);
        return new ChildFacts(number(f.get("pagesize")), number(f.get("threadstack")));
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Math.max(0, Long.parseLong(s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public int startThread() {
        int tid = Integer.parseInt(request("thread").get("tid"));
        threads.add(tid);
        return tid;
    }

    public void endThread(int tid) {
        request("endthread " + tid);
        threads.remove(Integer.valueOf(tid));
    }

    /** dlopen(name, RTLD_NOW); returns the handle. */
    public long loadLibrary(String name) {
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new MemoryUserException("library name must be one word like libz.so.1, got '" + name + "'");
        }
        return Long.parseUnsignedLong(request("dlopen " + name).get("handle").substring(2), 16);
    }

    // ---- plumbing ----------------------------------------------------------------------------

    /** Sends one command and waits for its reply; returns the reply's fields. */
    Map<String, String> request(String command) {
        if (!process.isAlive()) {
            throw new MemoryUserException(exit.getNow(null) == null
                    ? "memory-user " + pid + " is not running" : exit.getNow(null).describe());
        }
        int id = nextId.getAndIncrement();
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            synchronized (stdin) {
                stdin.write(id + " " + command + "\n");
                stdin.flush();
            }
            String line = reply.get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String[] w = line.split(" ");
            if (w[0].equals("err")) {
                throw new MemoryUserException(line.substring(line.indexOf(' ', 4) + 1));
            }
            return Protocol.fields(w, 2);
        } catch (IOException e) {
            throw new MemoryUserException("memory-user " + pid + " stopped listening: " + e.getMessage());
        } catch (ExecutionException e) {
            throw new MemoryUserException(e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new MemoryUserException("memory-user " + pid + " did not answer '" + command + "' within "
                    + REPLY_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemoryUserException("interrupted while waiting for memory-user " + pid);
        } finally {
            pending.remove(id);
        }
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                dispatch(line);
            }
        } catch (IOException e) {
            // the pipe broke: the child is gone, onExit reports it
        }
    }

    private void dispatch(String line) {
        String[] w = line.split(" ");
        switch (w[0]) {
            case "ready" -> ready.complete(line);
            case "ok", "err" -> {
                if (w.length > 1) {
                    CompletableFuture<String> f = pending.get(parseId(w[1]));
                    if (f != null) {
                        f.complete(line);
                    }
                }
            }
            case "event" -> {
                if (w.length > 1) {
                    Map<String, String> fields = Protocol.fields(w, 2);
                    listeners.forEach(l -> l.event(w[1], fields));
                }
            }
            case "error" -> ready.completeExceptionally(new MemoryUserException(line.substring(6)));
            default -> {
                // JVM warnings and the like: not protocol
            }
        }
    }

    private static int parseId(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void childExited() {
        ChildExit plain = ChildExit.of(pid, process.exitValue(), oomKillsAtStart, closing);
        ChildExit e = cgroup == null ? plain : plain.inCgroup(cgroupDeath(plain.exitCode())); // read before it goes
        if (cgroup != null) {
            cgroup.close();
        }
        ChildFiles.remove(pid, tmpdir); // a child killed by a signal could not remove its own
        blocks.clear();
        MemoryUserException gone = new MemoryUserException(e.describe());
        ready.completeExceptionally(gone);
        pending.values().forEach(f -> f.completeExceptionally(gone));
        exit.complete(e);
        listeners.forEach(l -> l.exited(e));
    }

    private String cgroupDeath(int exitCode) {
        try {
            return cgroup.death(exitCode);
        } catch (RuntimeException e) {
            return ""; // the cgroup could not be read: the machine's counter tells it
        }
    }

    /** The kernel's count of OOM kills since boot (/proc/vmstat oom_kill), or -1. */
    public static long oomKills() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/vmstat"))) {
                if (line.startsWith("oom_kill ")) {
                    return Long.parseLong(line.substring(9).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Ends the child: closes its stdin (it exits, killing its forks), then SIGKILL after 5 s. */
    @Override
    public void close() {
        closing = true;
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (cgroup != null) {
            try {
                exit.get(5, TimeUnit.SECONDS); // its end is read from the cgroup before it goes
            } catch (ExecutionException | TimeoutException e) {
                // removed below all the same
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cgroup.close();
        }
    }
}
