package dev.aspace.ui.grid;

import java.util.ArrayList;
import java.util.Arrays;
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
        return ofEach(rows, List.of(column))[0];
    }

    /**
     * {@link #of} for several columns, with the columns that have a figure read in one pass over
     * the rows: a row's figures lie together, and 60,000 rows read once per column cost a pass of
     * cache misses each.
     */
    public static <R> String[] ofEach(List<R> rows, List<GridColumn<R>> columns) {
        int n = columns.size();
        String[] longest = new String[n];
        int[] withFigure = new int[n];
        int figures = 0;
        for (int c = 0; c < n; c++) {
            if (columns.get(c).figure() != null) {
                withFigure[figures++] = c;
            } else {
                longest[c] = longestByText(rows, columns.get(c));
            }
        }
        if (figures > 0) {
            largestFigures(rows, columns, withFigure, figures, longest);
        }
        return longest;
    }

    private static <R> void largestFigures(List<R> rows, List<GridColumn<R>> columns, int[] which, int count,
                                           String[] out) {
        List<ToLongFunction<R>> figure = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            figure.add(columns.get(which[k]).figure());
        }
        long[] max = new long[count];
        int[] at = new int[count];
        Arrays.fill(at, -1);
        int i = 0;
        for (R row : rows) {
            for (int k = 0; k < count; k++) {
                long v = figure.get(k).applyAsLong(row);
                if (at[k] < 0 || v > max[k]) {
                    at[k] = i;
                    max[k] = v;
                }
            }
            i++;
        }
        for (int k = 0; k < count; k++) {
            out[which[k]] = at[k] < 0 ? "" : textOf(rows.get(at[k]), columns.get(which[k]));
        }
    }

    private static <R> String longestByText(List<R> rows, GridColumn<R> column) {
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
