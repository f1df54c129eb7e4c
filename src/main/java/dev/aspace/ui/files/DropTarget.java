package dev.aspace.ui.files;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes a node accept files dropped from a file manager. While files are dragged over it the
 * node has the {@code :drop-target} pseudo-class (the stylesheet draws an accent frame); on drop
 * the files become a {@link DropPlan} for {@code act}.
 */
public final class DropTarget {

    public static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private DropTarget() {
    }

    public static void install(Node node, Consumer<DropPlan> act) {
        node.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                node.pseudoClassStateChanged(DROP_TARGET, true);
            }
            e.consume();
        });
        node.addEventHandler(DragEvent.DRAG_EXITED, e -> node.pseudoClassStateChanged(DROP_TARGET, false));
        node.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            node.pseudoClassStateChanged(DROP_TARGET, false);
            Dragboard board = e.getDragboard();
            List<File> files = board.hasFiles() ? board.getFiles() : List.of();
            act.accept(plan(files));
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    /** The plan for the files of a drop. */
    public static DropPlan plan(List<File> files) {
        return DropPlan.of(files.stream().map(File::toPath).map(Path::toAbsolutePath).toList());
    }
}
