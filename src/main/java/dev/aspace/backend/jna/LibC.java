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
     * JNA's NativeLibrary, when first used, runs {@code ldconfig -p} (a process: ~20 ms of a start)
     * to list the system's library directories, unless this property lists them. None is needed:
     * on Linux JNA opens "c" as the process's own namespace (dlopen(NULL)), and aspace loads no
     * other library through JNA by name.
     */
    private static LibC load() {
        if (System.getProperty("jna.platform.library.path") == null) {
            System.setProperty("jna.platform.library.path", "");
        }
        return Native.load("c", LibC.class);
    }

    int SC_PAGESIZE = 30;
    int SC_CLK_TCK = 2;
    int ADDR_NO_RANDOMIZE = 0x0040000;
    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;

    NativeLong sysconf(int name);

    int ioctl(int fd, NativeLong request, Pointer arg);

    int personality(NativeLong persona);

    int getpid();

    int kill(int pid, int sig);

    int geteuid();

    int open(String path, int flags, int mode);

    int close(int fd);

    String strerror(int errnum);
}
