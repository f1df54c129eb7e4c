package dev.aspace.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/** Finds labels, buttons and headers whose shown text was cut with an ellipsis while their full text was not. */
public final class CutLabels {

    private CutLabels() {
    }

    /** "full text → shown text" of every visible Labeled under {@code root} shown cut. FX thread. */
    public static List<String> in(Node root) {
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    private static void walk(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Node t = l.lookup(".text");
            if (t instanceof Text shown && !shown.getText().equals(l.getText()) && isEllipsized(shown.getText(), l)) {
                cut.add(l.getClass().getSimpleName() + " '" + l.getText() + "' shown as '" + shown.getText() + "'");
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, cut);
            }
        }
    }

    private static boolean isEllipsized(String shown, Labeled l) {
        String e = l.getEllipsisString();
        return (shown.contains(e) && !l.getText().contains(e)) || (shown.contains("…") && !l.getText().contains("…"));
    }
}
