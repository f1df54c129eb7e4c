package dev.aspace.ui.ribbon;

import dev.aspace.model.Perms;
import dev.aspace.model.RegionKind;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * The ribbon's colours (a Canvas does not read CSS): permission is the first cue, the kind a
 * second one (a coloured edge strip), in a light and a dark variant.
 */
public record RibbonPalette(Color background, Color text, Color muted, Color gap, Color gapMark, Color outline,
                            Color selection, Color hover, Color readOnly, Color readWrite, Color readExec,
                            Color none, Color rwx, Color otherPerms) {

    public static final RibbonPalette LIGHT = new RibbonPalette(
            Color.web("#ffffff"), Color.web("#1f2328"), Color.web("#656d76"), Color.web("#f3f4f6"),
            Color.web("#8c959f"), Color.web("#ffffff"), Color.web("#0969da"), Color.web("#00000022"),
            Color.web("#6c9bd2"), Color.web("#5cb85c"), Color.web("#e8a33d"), Color.web("#b9bec6"),
            Color.web("#d1242f"), Color.web("#a371f7"));

    public static final RibbonPalette DARK = new RibbonPalette(
            Color.web("#0d1117"), Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#161b22"),
            Color.web("#6e7681"), Color.web("#0d1117"), Color.web("#58a6ff"), Color.web("#ffffff22"),
            Color.web("#4a7fc1"), Color.web("#3f9a45"), Color.web("#c98a24"), Color.web("#5a6270"),
            Color.web("#f85149"), Color.web("#8957e5"));

    /** The fill of a region with these permissions. */
    public Color fill(Perms p) {
        if (p.none()) {
            return none;
        }
        if (p.write() && p.exec()) {
            return rwx;
        }
        if (p.read() && !p.write() && !p.exec()) {
            return readOnly;
        }
        if (p.read() && p.write()) {
            return readWrite;
        }
        if (p.read() && p.exec()) {
            return readExec;
        }
        return otherPerms;
    }

    /** Legend rows: permissions as the kernel prints them, and what they look like. */
    public List<Entry> legend() {
        return List.of(new Entry("r--", "read-only", readOnly), new Entry("rw-", "read-write", readWrite),
                new Entry("r-x", "code", readExec), new Entry("---", "guard / reserved", none),
                new Entry("rwx", "DANGER: writable code", rwx));
    }

    public record Entry(String perms, String meaning, Color color) {
    }

    /** The kind's group, drawn as a strip along the region's edge. */
    public static KindGroup group(RegionKind k) {
        return switch (k) {
            case PROGRAM_TEXT, PROGRAM_RODATA, PROGRAM_DATA, PROGRAM_BSS -> KindGroup.PROGRAM;
            case LIBRARY_TEXT, LIBRARY_RODATA, LIBRARY_DATA, LIBRARY_RELRO, LIBRARY_BSS -> KindGroup.LIBRARY;
            case HEAP, MALLOC_ARENA -> KindGroup.HEAP;
            case MAIN_STACK, THREAD_STACK -> KindGroup.STACK;
            case GUARD -> KindGroup.GUARD;
            case SHARED_MEMORY, FILE_MAPPING, DELETED_FILE -> KindGroup.FILE;
            case VDSO, VVAR, VSYSCALL -> KindGroup.KERNEL;
            case ANONYMOUS, NAMED_ANONYMOUS, EXECUTABLE_ANONYMOUS, OTHER, UNCLASSIFIED -> KindGroup.ANON;
        };
    }

    /** Groups of kinds with their edge colour. */
    public enum KindGroup {
        PROGRAM("program", Color.web("#1a4f8b")),
        LIBRARY("library", Color.web("#0f8b8d")),
        HEAP("heap", Color.web("#a0522d")),
        STACK("stack", Color.web("#c2185b")),
        GUARD("guard", Color.web("#444c56")),
        FILE("file / shared", Color.web("#7a8b0f")),
        KERNEL("vdso / vvar / vsyscall", Color.web("#6f42c1")),
        ANON("anonymous", Color.web("#9aa4ae"));

        private final String word;
        private final Color color;

        KindGroup(String word, Color color) {
            this.word = word;
            this.color = color;
        }

        public String word() {
            return word;
        }

        public Color color() {
            return color;
        }
    }
}
