package dev.aspace.classify;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mapped files: the segments of the main executable and of shared libraries, and other files.
 * The loader maps each ELF PT_LOAD segment separately; with glibc 2.28 on x86_64 libc looks so:
 * <pre>
 * 7f4f5e439000-7f4f5e45b000 r--p 00000000 fe:01 1066303  libc-2.28.so   rodata (headers, before text)
 * 7f4f5e45b000-7f4f5e5a2000 r-xp 00022000 fe:01 1066303  libc-2.28.so   text
 * 7f4f5e5a2000-7f4f5e5ee000 r--p 00169000 fe:01 1066303  libc-2.28.so   rodata (after text)
 * 7f4f5e5ee000-7f4f5e5ef000 ---p 001b5000 fe:01 1066303  libc-2.28.so   guard (alignment hole)
 * 7f4f5e5ef000-7f4f5e5f3000 r--p 001b5000 fe:01 1066303  libc-2.28.so   relro
 * 7f4f5e5f3000-7f4f5e5f5000 rw-p 001b9000 fe:01 1066303  libc-2.28.so   data
 * 7f4f5e5f5000-7f4f5e5f9000 rw-p 00000000 00:00 0                       bss
 * </pre>
 * RELRO is the start of the data segment made read-only after relocation, so it is the
 * read-only piece that ends exactly where a writable piece of the same file begins. (The first
 * read-only piece after the text is not always it: above, that one is .rodata.)
 */
final class FileSegments {

    private enum Role { PROGRAM, LIBRARY, FILE }

    private FileSegments() {
    }

    static void apply(Work w, FileKey executable) {
        Map<FileKey, List<Integer>> files = new LinkedHashMap<>();
        for (int i = 0; i < w.size(); i++) {
            if (isOpenFile(w, i)) {   // a method per region: see SpecialNames.apply
                files.computeIfAbsent(FileKey.of(w.regions[i]), k -> new ArrayList<>()).add(i);
            }
        }
        Map<FileKey, Role> roles = new LinkedHashMap<>();
        for (Map.Entry<FileKey, List<Integer>> e : files.entrySet()) {
            Role role = role(w, e.getKey(), e.getValue(), executable);
            roles.put(e.getKey(), role);
            String name = PathNames.basename(e.getKey().path());
            if (role == Role.FILE) {
                for (int i : e.getValue()) {
                    fileMapping(w, i, name);
                }
            } else {
                segments(w, e.getValue(), name, role == Role.PROGRAM);
            }
        }
        holesInSpans(w, roles);
    }

    private static boolean isOpenFile(Work w, int i) {
        return w.open(i) && PathNames.isFile(w.regions[i].path());
    }

    /**
     * The executable; else a library: a file with an executable segment, or named like one
     * ({@code libfoo.so}, {@code libfoo.so.1.2}); else a plain file mapping. A file under
     * /usr/lib that is mapped read-only and not named .so is data (locale archives,
     * {@code gconv-modules.cache}), not a library.
     */
    private static Role role(Work w, FileKey key, List<Integer> members, FileKey executable) {
        if (key.equals(executable)) {
            return Role.PROGRAM;
        }
        if (PathNames.looksLikeSharedObject(PathNames.basename(key.path()))) {
            return Role.LIBRARY;
        }
        for (int i : members) {
            if (w.regions[i].perms().exec() && !w.regions[i].perms().shared()) {
                return Role.LIBRARY;
            }
        }
        return Role.FILE;
    }

    // 7f4f32aef000-7f4f32b21000 r--p 00000000 fe:01 1194356  /usr/lib/locale/C.UTF-8/LC_CTYPE
    // 7f4f5cd38000-7f4f5cd40000 rw-s 00000000 fe:01 1981735  /tmp/hsperfdata_root/1
    private static void fileMapping(Work w, int i, String name) {
        Perms p = w.regions[i].perms();
        String how = p.shared() ? " (shared)" : p.none() ? " (no access)" : "";
        w.set(i, RegionKind.FILE_MAPPING, name + how);
    }

    private static void segments(Work w, List<Integer> members, String name, boolean program) {
        long firstText = -1;
        boolean sawText = false;
        for (int i : members) {
            if (w.regions[i].perms().exec()) {
                firstText = w.regions[i].start();
                sawText = true;
                break;
            }
        }
        for (int i : members) {
            Region r = w.regions[i];
            Perms p = r.perms();
            if (p.shared()) {
                fileMapping(w, i, name);
            } else if (p.none()) {
                w.set(i, RegionKind.GUARD, "guard in " + name);
            } else if (p.exec()) {
                w.set(i, program ? RegionKind.PROGRAM_TEXT : RegionKind.LIBRARY_TEXT, name + " text");
            } else if (p.write()) {
                w.set(i, program ? RegionKind.PROGRAM_DATA : RegionKind.LIBRARY_DATA, name + " data");
                bss(w, i, name, program);
            } else if (sawText && Long.compareUnsigned(r.start(), firstText) > 0 && endsAtDataOfSameFile(w, i)) {
                // 7f4f5e5ef000-7f4f5e5f3000 r--p 001b5000 ... libc-2.28.so, then rw-p at 7f4f5e5f3000
                w.set(i, program ? RegionKind.PROGRAM_RODATA : RegionKind.LIBRARY_RELRO, name + " relro");
            } else {
                w.set(i, program ? RegionKind.PROGRAM_RODATA : RegionKind.LIBRARY_RODATA, name + " rodata");
            }
        }
    }

    private static boolean endsAtDataOfSameFile(Work w, int i) {
        if (!w.adjacentAbove(i)) {
            return false;
        }
        Region next = w.regions[i + 1];
        Region r = w.regions[i];
        return next.perms().write() && !next.perms().shared()
                && next.inode() == r.inode() && next.path().equals(r.path()) && next.device().equals(r.device());
    }

    /**
     * The bss beyond the file's last page is anonymous memory directly after the data:
     * {@code 00489000-005f9000 rw-p 00000000 00:00 0} after
     * {@code 00485000-00489000 rw-p 00465000 b3:03 1417 /usr/bin/xochitl}.
     */
    private static void bss(Work w, int data, String name, boolean program) {
        if (w.adjacentAbove(data) && w.open(data + 1) && w.plainAnonymous(data + 1)) {
            Perms p = w.regions[data + 1].perms();
            if (p.read() && p.write() && !p.exec()) {
                w.set(data + 1, program ? RegionKind.PROGRAM_BSS : RegionKind.LIBRARY_BSS, name + " bss");
            }
        }
    }

    /**
     * Anonymous memory between two segments of one library or of the executable. A {@code ---p}
     * hole is a guard; an executable piece is that file's text copied to anonymous memory (text
     * remapped onto huge pages), as in smaps-01:
     * <pre>
     * 55d20fb4b000-55d210200000 r-xp 00000000 fc:95 11  /export/hda3/stuffmaster9000
     * 55d210200000-55d21ee00000 r-xp 00000000 00:00 0
     * 55d21ee00000-55d21f600000 r-xp 0f2b5000 fc:95 11  /export/hda3/stuffmaster9000
     * </pre>
     */
    private static void holesInSpans(Work w, Map<FileKey, Role> roles) {
        for (int i = 1; i + 1 < w.size(); i++) {
            if (isOpenAnonymousAboveFile(w, i)) {   // a method per region: see SpecialNames.apply
                holeInSpan(w, i, roles);
            }
        }
    }

    private static boolean isOpenAnonymousAboveFile(Work w, int i) {
        return w.open(i) && w.plainAnonymous(i) && PathNames.isFile(w.regions[i - 1].path());
    }

    private static void holeInSpan(Work w, int i, Map<FileKey, Role> roles) {
        Region below = w.regions[i - 1];
        FileKey key = FileKey.of(below);
        Role role = roles.get(key);
        if (role == null || role == Role.FILE || !key.equals(FileKey.of(w.regions[i + 1]))) {
            return;
        }
        String name = PathNames.basename(key.path());
        Perms p = w.regions[i].perms();
        if (p.none()) {
            w.set(i, RegionKind.GUARD, "guard in " + name);
        } else if (p.exec()) {
            w.set(i, role == Role.PROGRAM ? RegionKind.PROGRAM_TEXT : RegionKind.LIBRARY_TEXT,
                    name + " text? (anonymous copy inside its span)");
        }
    }
}
