package dev.aspace.ui.compare;

import dev.aspace.model.Perms;
import javafx.scene.paint.Color;

/** Region colours by permission, the ribbon's first cue: read, write, execute, none, and rwx as a warning. */
final class PermColors {

    static final Color READ = Color.web("#90caf9");
    static final Color READ_WRITE = Color.web("#81c784");
    static final Color READ_EXEC = Color.web("#ffb74d");
    static final Color NONE = Color.web("#9e9e9e");
    static final Color RWX = Color.web("#e53935");
    static final Color OTHER = Color.web("#ce93d8");

    private PermColors() {
    }

    static Color of(Perms p) {
        if (p.none()) {
            return NONE;
        }
        if (p.read() && p.write() && p.exec()) {
            return RWX;
        }
        if (p.exec()) {
            return READ_EXEC;
        }
        if (p.write()) {
            return READ_WRITE;
        }
        return p.read() ? READ : OTHER;
    }
}
