package dev.aspace.ui.grid;

import java.util.Comparator;
import java.util.function.Function;

/**
 * One column of a {@link CanvasTable}: its header, how a row reads in it, how rows sort by it.
 *
 * @param shown whether it is shown at first (the header's menu shows or hides it later)
 */
public record GridColumn<R>(String name, Align align, double width, boolean shown,
                            Function<R, String> text, Comparator<R> order) {

    /** TAIL: on the left, and a cut keeps the end (a path's file name) rather than the start. */
    public enum Align { LEFT, RIGHT, TAIL }

    public GridColumn {
        if (width <= 0) {
            throw new IllegalArgumentException("column " + name + ": width " + width);
        }
    }
}
