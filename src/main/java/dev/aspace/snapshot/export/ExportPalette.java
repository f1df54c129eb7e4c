package dev.aspace.snapshot.export;

import dev.aspace.model.Perms;
import dev.aspace.model.RegionKind;

import java.util.List;

/**
 * The one palette of aspace, light and dark, as hex strings (usable by SVG, AWT and JavaFX alike):
 * the ribbon, the compare view and exported pictures all draw with these. The fill says the
 * permissions, an edge strip says the kind of region. Background, text, muted, gap, gap mark,
 * selection, border and selected row are the AtlantaFX Primer theme's looked-up colours ({@code
 * -color-bg-default}, {@code -color-fg-default}, {@code -color-fg-muted}, {@code -color-bg-subtle},
 * {@code -color-fg-subtle}, {@code -color-accent-fg}, {@code -color-border-default}, {@code
 * -color-accent-subtle}); a test holds them to what the theme resolves. The region table takes
 * its colours from here too. Pure, so the CLI renders without a JavaFX scene.
 */
public final class ExportPalette {

    /** One variant of the palette. */
    public record Colors(String background, String text, String muted, String gap, String gapMark, String outline,
                         String selection, String hover, String readOnly, String readWrite, String readExec,
                         String none, String rwx, String otherPerms, String border, String selectedRow) {

        /** The fill of a region with these permissions. */
        public String fill(Perms p) {
            return List.of(none, rwx, readOnly, readWrite, readExec, otherPerms).get(Fill.of(p).ordinal()); // in Fill order
        }
    }

    /** Which fill a region's permissions take: the one rule for every painter. */
    public enum Fill {
        NONE, RWX, READ_ONLY, READ_WRITE, READ_EXEC, OTHER;

        public static Fill of(Perms p) {
            if (p.none()) {
                return NONE;
            }
            if (p.write() && p.exec()) {
                return RWX;
            }
            if (p.read() && !p.write() && !p.exec()) {
                return READ_ONLY;
            }
            if (p.read() && p.write()) {
                return READ_WRITE;
            }
            return p.read() && p.exec() ? READ_EXEC : OTHER;
        }
    }

    public static final Colors LIGHT = new Colors("#ffffff", "#24292f", "#57606a", "#f6f8fa", "#6e7781", "#ffffff",
            "#0969da", "#00000022", "#6c9bd2", "#5cb85c", "#e8a33d", "#b9bec6", "#d1242f", "#a371f7", "#d0d7de", "#ddf4ff");

    public static final Colors DARK = new Colors("#0d1117", "#c9d1d9", "#8b949e", "#161b22", "#6e7681", "#0d1117",
            "#58a6ff", "#ffffff22", "#4a7fc1", "#3f9a45", "#c98a24", "#5a6270", "#f85149", "#8957e5", "#30363d", "#388bfd26");

    /** Exported pictures use the light variant. */
    public static final String BACKGROUND = LIGHT.background();
    public static final String TEXT = LIGHT.text();
    public static final String MUTED = LIGHT.muted();
    public static final String GAP = LIGHT.gap();
    public static final String GAP_MARK = LIGHT.gapMark();

    private ExportPalette() {
    }

    /** Legend rows for permissions: kernel letters, meaning, colour. */
    public static final List<String[]> PERMS = List.of(
            new String[] {"r--", "read-only", LIGHT.readOnly()},
            new String[] {"rw-", "read-write", LIGHT.readWrite()},
            new String[] {"r-x", "code", LIGHT.readExec()},
            new String[] {"---", "guard / reserved", LIGHT.none()},
            new String[] {"rwx", "writable code", LIGHT.rwx()});

    /** Legend rows for kinds: group name and edge colour. */
    public static final List<String[]> KINDS = List.of(
            new String[] {"program", "#1a4f8b"}, new String[] {"library", "#0f8b8d"},
            new String[] {"heap", "#a0522d"}, new String[] {"stack", "#c2185b"},
            new String[] {"guard", "#444c56"}, new String[] {"file / shared", "#7a8b0f"},
            new String[] {"vdso / vvar / vsyscall", "#6f42c1"}, new String[] {"anonymous", "#9aa4ae"});

    public static String fill(Perms p) {
        return LIGHT.fill(p);
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
