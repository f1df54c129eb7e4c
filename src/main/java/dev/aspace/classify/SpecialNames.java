package dev.aspace.classify;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;

/**
 * Regions whose pathname column alone says what they are: the kernel's bracketed names, shared
 * memory objects, and files deleted since they were mapped.
 */
final class SpecialNames {

    private SpecialNames() {
    }

    // Each pass over the regions calls a method per region: a cold JVM runs a loop's own body
    // interpreted until the loop has turned tens of thousands of times, but compiles a method
    // called a few hundred times, and 60,000-region processes are common.
    static void apply(Work w) {
        for (int i = 0; i < w.size(); i++) {
            apply(w, i);
        }
    }

    private static void apply(Work w, int i) {
        Region r = w.regions[i];
        String path = r.path();
        if (path.startsWith("[")) {
            bracketed(w, i, path);
        } else if (PathNames.isSharedMemoryObject(path)) {
            // 6fac0000-6fcc0000 rw-p 00000000 00:05 7643  /memfd:JSGCHeap:QtQml (deleted)
            // (a memfd stays shared memory even when deleted; the label keeps "(deleted)")
            w.set(i, RegionKind.SHARED_MEMORY, PathNames.sharedMemoryLabel(path));
        } else if (PathNames.isSharedAnonymous(path, r.perms().shared())) {
            // 7f2e7e500000-7f2e7e600000 rw-s 00000000 00:01 1050  /dev/zero (deleted)
            w.set(i, RegionKind.SHARED_MEMORY, "shared anonymous");
        } else if (path.isEmpty() && r.perms().shared()) {
            w.set(i, RegionKind.SHARED_MEMORY, "shared anonymous");
        } else if (PathNames.isDeleted(path)) {
            // 7f0e1c2a1000-7f0e1c2c3000 r-xp 00000000 fe:01 131 /usr/lib/libfoo.so (deleted)
            w.set(i, RegionKind.DELETED_FILE, PathNames.basename(path) + PathNames.DELETED);
        } else if (!path.isEmpty() && !PathNames.isFile(path)) {
            // text imported from elsewhere that names something this code does not know
            w.set(i, RegionKind.OTHER, path);
        } else if (path.isEmpty() && r.inode() != 0) {
            w.set(i, RegionKind.OTHER, "inode " + r.inode() + " on " + r.device() + ", no name");
        }
    }

    private static void bracketed(Work w, int i, String path) {
        switch (path) {
            // 55e3fdade000-55e3fdaff000 rw-p 00000000 00:00 0  [heap]
            case "[heap]" -> w.set(i, RegionKind.HEAP, "heap");
            // 7ffe2e2e4000-7ffe2e305000 rw-p 00000000 00:00 0  [stack]
            case "[stack]" -> w.set(i, RegionKind.MAIN_STACK, "main stack");
            // 7ffe2e37d000-7ffe2e37f000 r-xp 00000000 00:00 0  [vdso]
            case "[vdso]" -> w.set(i, RegionKind.VDSO, "vdso");
            // 7ffe2e379000-7ffe2e37d000 r--p 00000000 00:00 0  [vvar]
            case "[vvar]" -> w.set(i, RegionKind.VVAR, "vvar");
            // 7f2e848f0000-7f2e848f2000 r--p 00000000 00:00 0  [vvar_vclock]  (Linux 6.13+)
            case "[vvar_vclock]" -> w.set(i, RegionKind.VVAR, "vvar (vclock pages)");
            // ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0  [vsyscall]
            case "[vsyscall]" -> w.set(i, RegionKind.VSYSCALL, "vsyscall");
            default -> otherBracketed(w, i, path);
        }
    }

    private static void otherBracketed(Work w, int i, String path) {
        if (path.startsWith("[anon:") && path.endsWith("]")) {
            // 7f1c2e000000-7f1c2e021000 rw-p 00000000 00:00 0  [anon:glibc: malloc arena]
            // (prctl(PR_SET_VMA_ANON_NAME); the label is the name the kernel shows)
            w.set(i, RegionKind.NAMED_ANONYMOUS, path.substring(6, path.length() - 1));
        } else if (path.startsWith("[anon_shmem:") && path.endsWith("]")) {
            w.set(i, RegionKind.SHARED_MEMORY, "shared anonymous '" + path.substring(12, path.length() - 1) + "'");
        } else if (path.startsWith("[stack:")) {
            // Linux 3.4 to 4.4 named thread stacks: 7f3c2d7fe000-7f3c2dffe000 rw-p ... [stack:4712]
            // ThreadStacks gives them their thread's name.
            w.set(i, RegionKind.THREAD_STACK, "stack of thread " + path.substring(7, path.length() - 1));
        } else {
            // ARM: 7eded000-7edee000 r-xp 00000000 00:00 0  [sigpage] ; ffff0000-ffff1000 ... [vectors]
            w.set(i, RegionKind.OTHER, path);
        }
    }
}
