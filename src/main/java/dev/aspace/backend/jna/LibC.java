package dev.aspace.backend.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The libc calls aspace needs, and nothing else. The only place that talks to native code.
 * Constants are Linux x86_64/aarch64 values (the same on both).
 */
public interface LibC extends Library {

    LibC INSTANCE = load();

    /**
     * JNA's NativeLibrary, when first used, runs {@code ldconfig -p} (a process: ~20 ms of a start,
     * in the app and again in the memory-user child) to list the system's library directories,
     * unless this property lists them. None is needed: on Linux JNA opens "c" as the process's own
     * namespace (dlopen(NULL)), and aspace loads no other library through JNA by name.
     */
    private static LibC load() {
        if (System.getProperty("jna.platform.library.path") == null) {
            System.setProperty("jna.platform.library.path", "");
        }
        return Native.load("c", LibC.class);
    }

    int PROT_NONE = 0;
    int PROT_READ = 1;
    int PROT_WRITE = 2;
    int PROT_EXEC = 4;
    int MAP_SHARED = 0x01;
    int MAP_PRIVATE = 0x02;
    int MAP_ANONYMOUS = 0x20;
    int MAP_NORESERVE = 0x4000;
    int MADV_DONTNEED = 4;
    int PR_SET_PDEATHSIG = 1;
    int PR_SET_NAME = 15;
    int PR_SET_VMA = 0x53564d41;
    int PR_SET_VMA_ANON_NAME = 0;
    int SC_PAGESIZE = 30;
    int SC_CLK_TCK = 2;
    int ADDR_NO_RANDOMIZE = 0x0040000;
    int SIGKILL = 9;
    int SIGTERM = 15;
    long MAP_FAILED = -1L;

    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    int munmap(Pointer addr, long length);

    int mprotect(Pointer addr, long length, int prot);

    int madvise(Pointer addr, long length, int advice);

    int mlock(Pointer addr, long length);

    int munlock(Pointer addr, long length);

    int mincore(Pointer addr, long length, byte[] vec);

    Pointer malloc(long size);

    void free(Pointer p);

    Pointer sbrk(long increment);

    int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    NativeLong sysconf(int name);

    int ioctl(int fd, NativeLong request, Pointer arg);

    int personality(NativeLong persona);

    int getpid();

    int getuid();

    int geteuid();

    int fork();

    int kill(int pid, int sig);

    int open(String path, int flags, int mode);

    int close(int fd);

    int ftruncate(int fd, long length);

    Pointer dlopen(String file, int mode);

    String strerror(int errnum);

    // Added for memory-user (dev.aspace.backend.jna.NativeMemory) and the pagemap reader.
    int O_RDONLY = 0;
    int O_RDWR = 2;
    int O_CREAT = 0x40;
    int O_CLOEXEC = 0x80000;
    int RTLD_NOW = 2;
    int MADV_WILLNEED = 3;

    int getppid();

    int gettid();

    int pause();

    int waitpid(int pid, int[] status, int options);

    int unlink(String path);

    String dlerror();
}
