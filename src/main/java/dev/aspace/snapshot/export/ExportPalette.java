package dev.aspace.snapshot.export;

import dev.aspace.model.Perms;
import dev.aspace.model.RegionKind;

import java.util.List;

/**
 * Colours of exported pictures, the app's light theme: the fill says the permissions, an edge
 * strip says the kind of region. Hex strings, usable by SVG and AWT alike.
 */
public final class ExportPalette {

    public static final String BACKGROUND = "#ffffff";
    public static final String TEXT = "#1f2328";
    public static final String MUTED = "#656d76";
    public static final String GAP = "#f3f4f6";
    public static final String GAP_MARK = "#8c959f";

    private ExportPalette() {
    }

    /** Legend rows for permissions: kernel letters, meaning, colour. */
    public static final List<String[]> PERMS = List.of(
            new String[] {"r--", "read-only", "#6c9bd2"},
            new String[] {"rw-", "read-write", "#5cb85c"},
            new String[] {"r-x", "code", "#e8a33d"},
            new String[] {"---", "guard / reserved", "#b9bec6"},
            new String[] {"rwx", "writable code", "#d1242f"});

    /** Legend rows for kinds: group name and edge colour. */
    public static final List<String[]> KINDS = List.of(
            new String[] {"program", "#1a4f8b"}, new String[] {"library", "#0f8b8d"},
            new String[] {"heap", "#a0522d"}, new String[] {"stack", "#c2185b"},
            new String[] {"guard", "#444c56"}, new String[] {"file / shared", "#7a8b0f"},
            new String[] {"vdso / vvar / vsyscall", "#6f42c1"}, new String[] {"anonymous", "#9aa4ae"});

    public static String fill(Perms p) {
        if (p.none()) {
            return PERMS.get(3)[2];
        }
        if (p.write() && p.exec()) {
            return PERMS.get(4)[2];
        }
        if (p.read() && !p.write() && !p.exec()) {
            return PERMS.get(0)[2];
        }
        if (p.read() && p.write()) {
            return PERMS.get(1)[2];
        }
        return p.read() && p.exec() ? PERMS.get(2)[2] : "#a371f7";
    }

    public static String edge(RegionKind k) {
        int i = switch (k) {
            case PROGRAM_TEXT, PROGRAM_RODATA, PROGRAM_DATA, PROGRAM_BSS -> 0;
            case LIBRARY_TEXT, LIBRARY_RODATA, LIBRARY_DATA, LIBRARY_RELRO, LIBRARY_BSS -> 1;
            case HEAP, MALLOC_ARENA -> 2;
            case MAIN_STACK, THREAD_STACK -> 3;
            case GUARD -> 4;
            case SHARED_MEMORY, FILE_MAPPING, DELETED_FILE -> 5;
            case VDSO, VVAR, VSYSCALL -> 6;
            case ANONYMOUS, NAMED_ANONYMOUS, EXECUTABLE_ANONYMOUS, OTHER, UNCLASSIFIED -> 7;
        };
        return KINDS.get(i)[1];
    }
}
