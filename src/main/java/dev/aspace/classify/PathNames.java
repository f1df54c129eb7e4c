package dev.aspace.classify;

/** What the pathname column of a maps line says, read without touching the file system. */
final class PathNames {

    static final String DELETED = " (deleted)";

    private PathNames() {
    }

    /** The last component of a path: {@code libc.so.6} for {@code /usr/lib/x86_64-linux-gnu/libc.so.6}. */
    static String basename(String path) {
        String p = path.endsWith(DELETED) ? path.substring(0, path.length() - DELETED.length()) : path;
        int slash = p.lastIndexOf('/');
        return slash < 0 || slash == p.length() - 1 ? p : p.substring(slash + 1);
    }

    static boolean isDeleted(String path) {
        return path.endsWith(DELETED);
    }

    /** A mapped file (as opposed to anonymous memory, {@code [heap]} and the like). */
    static boolean isFile(String path) {
        return path.startsWith("/");
    }

    /** A file on a file system that still exists: not shared memory, not deleted. */
    static boolean isPlainFile(String path) {
        return isFile(path) && !isDeleted(path) && !isSharedMemoryObject(path) && !path.startsWith("/dev/zero");
    }

    /**
     * {@code libc.so.6}, {@code libjvm.so}, {@code ld-linux-x86-64.so.2}: ".so" at the end of
     * the name or followed by a version dot.
     */
    static boolean looksLikeSharedObject(String basename) {
        int from = 0;
        while (true) {
            int i = basename.indexOf(".so", from);
            if (i < 0) {
                return false;
            }
            int after = i + 3;
            if (after == basename.length() || basename.charAt(after) == '.') {
                return true;
            }
            from = i + 1;
        }
    }

    /**
     * Shared memory objects, whose names the kernel prints like paths:
     * {@code /dev/shm/NAME}, {@code /SYSV0000002a (deleted)}, {@code /memfd:NAME (deleted)}.
     */
    static boolean isSharedMemoryObject(String path) {
        return path.startsWith("/dev/shm/") || path.startsWith("/SYSV") || path.startsWith("/memfd:");
    }

    /**
     * The shmem file behind {@code mmap(MAP_SHARED|MAP_ANONYMOUS)}: the kernel names it
     * {@code /dev/zero (deleted)} and gives it an inode, e.g.
     * {@code 7f2e7e500000-7f2e7e600000 rw-s 00000000 00:01 1050  /dev/zero (deleted)}.
     */
    static boolean isSharedAnonymous(String path, boolean shared) {
        return shared && (path.equals("/dev/zero (deleted)") || path.equals("/dev/zero"));
    }

    /** The label of a shared memory object: what the kernel shows, without the leading slash. */
    static String sharedMemoryLabel(String path) {
        if (path.startsWith("/SYSV")) {
            String rest = path.substring(5);
            int space = rest.indexOf(' ');
            String key = space < 0 ? rest : rest.substring(0, space);
            return "System V shm key 0x" + key + (isDeleted(path) ? DELETED : "");
        }
        if (path.startsWith("/dev/shm/")) {
            return "POSIX shm " + path.substring("/dev/shm/".length());
        }
        return path.substring(1);
    }
}
