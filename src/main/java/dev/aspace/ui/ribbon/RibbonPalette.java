package dev.aspace.ui.ribbon;

import dev.aspace.model.Perms;
import dev.aspace.model.RegionKind;
import dev.aspace.snapshot.export.ExportPalette;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * The ribbon's colours (a Canvas does not read CSS): permission is the first cue, the kind a
 * second one (a coloured edge strip), in a light and a dark variant.
 */
public record RibbonPalette(Color background, Color text, Color muted, Color gap, Color gapMark, Color outline,
                            Color selection, Color hover, Color readOnly, Color readWrite, Color readExec,
                            Color none, Color rwx, Color otherPerms) {

    public static final RibbonPalette LIGHT = of(ExportPalette.LIGHT);

    public static final RibbonPalette DARK = of(ExportPalette.DARK);

    /** The palette for the theme now shown. */
    public static RibbonPalette current(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** The JavaFX colours of the one pure palette. */
    static RibbonPalette of(ExportPalette.Colors c) {
        return new RibbonPalette(Color.web(c.background()), Color.web(c.text()), Color.web(c.muted()), Color.web(c.gap()),
                Color.web(c.gapMark()), Color.web(c.outline()), Color.web(c.selection()), Color.web(c.hover()),
                Color.web(c.readOnly()), Color.web(c.readWrite()), Color.web(c.readExec()), Color.web(c.none()),
                Color.web(c.rwx()), Color.web(c.otherPerms()));
    }

    /** The fill of a region with these permissions. */
    public Color fill(Perms p) {
        return List.of(none, rwx, readOnly, readWrite, readExec, otherPerms).get(ExportPalette.Fill.of(p).ordinal()); // in Fill order
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
        PROGRAM("program", edge(0)),
        LIBRARY("library", edge(1)),
        HEAP("heap", edge(2)),
        STACK("stack", edge(3)),
        GUARD("guard", edge(4)),
        FILE("file / shared", edge(5)),
        KERNEL("vdso / vvar / vsyscall", edge(6)),
        ANON("anonymous", edge(7));

        private final String word;
        private final Color color;

        /** The edge colours are the pure palette's, in this order. */
        private static Color edge(int i) {
            return Color.web(ExportPalette.KINDS.get(i)[1]);
        }

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
