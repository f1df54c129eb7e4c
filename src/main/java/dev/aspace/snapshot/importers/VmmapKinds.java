package dev.aspace.snapshot.importers;

import dev.aspace.model.Perms;
import dev.aspace.model.RegionKind;

import java.util.Locale;
import java.util.Set;

/**
 * macOS vmmap region types (Mach-O segments and VM tags) onto the nearest {@link RegionKind};
 * the type itself stays the region's label.
 */
final class VmmapKinds {

    private static final Set<String> DATA = Set.of("__DATA", "__DATA_DIRTY", "__AUTH", "__OBJC_RW", "__IMPORT",
            "__OBJC", "__bss", "__common");
    private static final Set<String> RODATA = Set.of("__DATA_CONST", "__AUTH_CONST", "__OBJC_RO", "__LINKEDIT",
            "__UNICODE", "__IMAGE", "__FONT_DATA", "__CTF", "__OBJC_CONST", "__RODATA", "__TEXT_EXEC");

    private VmmapKinds() {
    }

    static RegionKind kind(String type, String detail, boolean mainImage, Perms perms) {
        String t = type;
        if (t.startsWith("unused ")) { // unused parts of shared-cache pages: still library segments
            t = t.substring(t.lastIndexOf(' ') + 1);
        }
        if (t.equals("__TEXT")) {
            return mainImage ? RegionKind.PROGRAM_TEXT : RegionKind.LIBRARY_TEXT;
        }
        if (RODATA.contains(t)) {
            return mainImage ? RegionKind.PROGRAM_RODATA : RegionKind.LIBRARY_RODATA;
        }
        if (DATA.contains(t) || t.startsWith("__")) {
            boolean ro = !perms.write() && !DATA.contains(t);
            if (mainImage) {
                return ro ? RegionKind.PROGRAM_RODATA : RegionKind.PROGRAM_DATA;
            }
            return ro ? RegionKind.LIBRARY_RODATA : RegionKind.LIBRARY_DATA;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.contains("guard")) {
            return RegionKind.GUARD;
        }
        if (type.equals("Stack")) {
            return detail.equals("thread 0") ? RegionKind.MAIN_STACK : RegionKind.THREAD_STACK;
        }
        if (type.startsWith("MALLOC")) {
            return RegionKind.MALLOC_ARENA;
        }
        if (type.equals("shared memory")) {
            return RegionKind.SHARED_MEMORY;
        }
        if (type.equals("mapped file")) {
            return RegionKind.FILE_MAPPING;
        }
        if (type.equals("VM_ALLOCATE")) {
            return perms.exec() ? RegionKind.EXECUTABLE_ANONYMOUS : RegionKind.ANONYMOUS;
        }
        // every other type is a VM tag on anonymous memory: Kernel Alloc Once, IOKit, dyld private memory, ...
        return perms.exec() ? RegionKind.EXECUTABLE_ANONYMOUS : RegionKind.NAMED_ANONYMOUS;
    }
}
