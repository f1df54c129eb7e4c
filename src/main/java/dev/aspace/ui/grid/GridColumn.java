package dev.aspace.ui.grid;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One column of a {@link CanvasTable}: its header, how a row reads in it, how rows sort by it.
 *
 * @param shown whether it is shown at first (the header's menu shows or hides it later)
 * @param figure for a number column, the number a row's text shows, or null: its text never gets
 *               shorter as the figure grows, so the longest text is the largest figure's (the table
 *               fits the column by formatting that one row, not every row)
 */
public record GridColumn<R>(String name, Align align, double width, boolean shown,
                            Function<R, String> text, Comparator<R> order, ToLongFunction<R> figure) {

    /** TAIL: on the left, and a cut keeps the end (a path's file name) rather than the start. */
    public enum Align { LEFT, RIGHT, TAIL }

    public GridColumn {
        if (width <= 0) {
            throw new IllegalArgumentException("column " + name + ": width " + width);
        }
    }

    /** A column with no figure: its longest text is found by reading every row's. */
    public GridColumn(String name, Align align, double width, boolean shown, Function<R, String> text, Comparator<R> order) {
        this(name, align, width, shown, text, order, null);
    }

    /** The same column, shown at first or not. */
    public GridColumn<R> withShown(boolean show) {
        return new GridColumn<>(name, align, width, show, text, order, figure);
    }
}
