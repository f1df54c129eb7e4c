package dev.aspace.ui.grid;

import java.util.List;
import java.util.function.ToLongFunction;

/** The longest text a column shows over a list of rows: what a number column widens to. */
public final class LongestText {

    private LongestText() {
    }

    /**
     * The longest of the column's texts (the first of equal length; "" for no rows). A column with
     * a figure formats only the row with the largest figure, the first of equal figures.
     */
    public static <R> String of(List<R> rows, GridColumn<R> column) {
        ToLongFunction<R> figure = column.figure();
        if (figure != null) {
            R largest = null;
            long max = Long.MIN_VALUE;
            for (R row : rows) {
                long v = figure.applyAsLong(row);
                if (largest == null || v > max) {
                    largest = row;
                    max = v;
                }
            }
            return largest == null ? "" : textOf(largest, column);
        }
        String longest = "";
        for (R row : rows) {
            String s = textOf(row, column);
            if (s.length() > longest.length()) {
                longest = s;
            }
        }
        return longest;
    }

    static <R> String textOf(R row, GridColumn<R> column) {
        String s = column.text().apply(row);
        return s == null ? "" : s;
    }
}
