package dev.aspace.backend.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Memory outside the Java heap, for memory-user: the libc calls that change an address space,
 * with addresses as plain {@code long}s so callers never see JNA. Every failing call throws
 * {@link NativeCallException} naming the call and strerror(errno).
 */
public final class NativeMemory {

    /** mprotect protections, re-exported so callers need not import LibC. */
    public static final int PROT_NONE = LibC.PROT_NONE;
    public static final int PROT_READ_WRITE = LibC.PROT_READ | LibC.PROT_WRITE;

    private static final LibC C = LibC.INSTANCE;

    private NativeMemory() {
    }

    /** Anonymous private read-write mapping (what malloc does for big blocks). */
    public static long mmapAnonymous(long bytes) {
        Pointer p = C.mmap(null, bytes, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        long addr = Pointer.nativeValue(p);
        if (addr == LibC.MAP_FAILED) {
            throw failure("mmap(" + bytes + " bytes, anonymous private)");
        }
        return addr;
    }

    /**
     * Names an anonymous range (prctl PR_SET_VMA_ANON_NAME, Linux 5.17+): maps then shows
     * {@code [anon:NAME]}, and the kernel no longer merges the range with unnamed neighbours.
     * Returns false where the kernel cannot (no CONFIG_ANON_VMA_NAME): the range stays unnamed.
     */
    public static boolean nameAnonymous(long addr, long bytes, String name) {
        try (com.sun.jna.Memory m = new com.sun.jna.Memory(name.length() + 1L)) {
            m.setString(0, name, "US-ASCII");
            return C.prctl(LibC.PR_SET_VMA, LibC.PR_SET_VMA_ANON_NAME, addr, bytes, Pointer.nativeValue(m)) == 0;
        }
    }

    /**
     * Creates (or truncates) {@code path} to {@code bytes} and maps it shared read-write. The file
     * descriptor is closed at once: the mapping keeps the file alive.
     */
    public static long mmapFile(String path, long bytes) {
        int fd = C.open(path, LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC, 0600);
        if (fd < 0) {
            throw failure("open(" + path + ")");
        }
        try {
            if (C.ftruncate(fd, bytes) != 0) {
                throw failure("ftruncate(" + path + ", " + bytes + ")");
            }
            Pointer p = C.mmap(null, bytes, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
            long addr = Pointer.nativeValue(p);
            if (addr == LibC.MAP_FAILED) {
                throw failure("mmap(" + path + ", " + bytes + " bytes, shared)");
            }
            return addr;
        } finally {
            C.close(fd);
        }
    }

    public static void munmap(long addr, long bytes) {
        check(C.munmap(new Pointer(addr), bytes), "munmap(0x" + Long.toHexString(addr) + ", " + bytes + ")");
    }

    /** malloc; glibc decides where the block goes ([heap], an arena, or its own mapping). */
    public static long malloc(long bytes) {
        long addr = Pointer.nativeValue(C.malloc(bytes));
        if (addr == 0) {
            throw failure("malloc(" + bytes + ")");
        }
        return addr;
    }

    public static void free(long addr) {
        C.free(new Pointer(addr));
    }

    /** sbrk(increment): moves the program break, returns the previous break. */
    public static long sbrk(long increment) {
        long old = Pointer.nativeValue(C.sbrk(increment));
        if (old == -1L) {
            throw failure("sbrk(" + increment + ")");
        }
        return old;
    }

    /** The current program break (the end of [heap]). */
    public static long currentBreak() {
        return sbrk(0);
    }

    public static void mlock(long addr, long bytes) {
        check(C.mlock(new Pointer(addr), bytes), "mlock(0x" + Long.toHexString(addr) + ", " + bytes + ")");
    }

    public static void munlock(long addr, long bytes) {
        check(C.munlock(new Pointer(addr), bytes), "munlock(0x" + Long.toHexString(addr) + ", " + bytes + ")");
    }

    /** madvise(MADV_DONTNEED): private anonymous pages are dropped and read back as zeros. */
    public static void madviseDontNeed(long addr, long bytes) {
        check(C.madvise(new Pointer(addr), bytes, LibC.MADV_DONTNEED),
                "madvise(0x" + Long.toHexString(addr) + ", " + bytes + ", MADV_DONTNEED)");
    }

    public static void mprotect(long addr, long bytes, int prot) {
        check(C.mprotect(new Pointer(addr), bytes, prot),
                "mprotect(0x" + Long.toHexString(addr) + ", " + bytes + ", " + prot + ")");
    }

    /**
     * A direct ByteBuffer (native byte order) over {@code bytes} at {@code addr}. Its puts are
     * JIT intrinsics, so walking memory through it runs at C speed. At most 2 GiB - 1 per buffer.
     */
    public static ByteBuffer buffer(long addr, long bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a buffer covers at most " + Integer.MAX_VALUE + " bytes, asked " + bytes);
        }
        return new Pointer(addr).getByteBuffer(0, bytes).order(ByteOrder.nativeOrder());
    }

    /** dlopen(name, RTLD_NOW); returns the handle. */
    public static long dlopen(String name) {
        Pointer h = C.dlopen(name, LibC.RTLD_NOW);
        if (h == null) {
            String why = C.dlerror();
            throw new NativeCallException("dlopen(" + name + ") failed: " + why, 0);
        }
        return Pointer.nativeValue(h);
    }

    /**
     * fork(). The child (return value 0) must only call {@link #parkForever()}: it is a copy of a
     * JVM with one thread, and running Java code there beyond that is unsafe.
     */
    public static int fork() {
        int pid = C.fork();
        if (pid < 0) {
            throw failure("fork()");
        }
        return pid;
    }

    /** For a forked child: die with the thread that forked it, then sleep until killed. */
    public static void parkForever(int expectedParent) {
        C.prctl(LibC.PR_SET_PDEATHSIG, LibC.SIGKILL, 0, 0, 0);
        if (C.getppid() != expectedParent) {
            C.kill(C.getpid(), LibC.SIGKILL);
        }
        while (true) {
            C.pause();
        }
    }

    /** kill(pid, SIGKILL) and reap it. */
    public static void killAndReap(int pid) {
        C.kill(pid, LibC.SIGKILL);
        C.waitpid(pid, new int[1], 0);
    }

    /** prctl(PR_SET_PDEATHSIG, SIGKILL): the kernel kills this process when its parent thread exits. */
    public static void dieWithParent() {
        check(C.prctl(LibC.PR_SET_PDEATHSIG, LibC.SIGKILL, 0, 0, 0), "prctl(PR_SET_PDEATHSIG)");
    }

    public static int getpid() {
        return C.getpid();
    }

    public static int getppid() {
        return C.getppid();
    }

    /** The kernel thread id of the calling thread (what /proc/PID/task lists). */
    public static int gettid() {
        return C.gettid();
    }

    public static void unlink(String path) {
        check(C.unlink(path), "unlink(" + path + ")");
    }

    private static void check(int rc, String call) {
        if (rc != 0) {
            throw failure(call);
        }
    }

    private static NativeCallException failure(String call) {
        int errno = Native.getLastError();
        return new NativeCallException(call + " failed: " + C.strerror(errno) + " (errno " + errno + ")", errno);
    }
}
