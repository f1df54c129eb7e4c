package dev.aspace.ui.grid;

import java.util.function.ToDoubleFunction;

/** Cuts a line of text to a width with an ellipsis, as a table cell does. */
public final class TextFit {

    public static final String ELLIPSIS = "…";

    private TextFit() {
    }

    /**
     * {@code text} if it fits in {@code available}, else its longest start that fits with the
     * ellipsis after it (just the ellipsis, or "" when not even that fits).
     */
    public static String fit(String text, double available, ToDoubleFunction<String> width) {
        if (text.isEmpty() || width.applyAsDouble(text) <= available) {
            return text;
        }
        double ellipsis = width.applyAsDouble(ELLIPSIS);
        if (ellipsis > available) {
            return "";
        }
        int lo = 0;
        int hi = text.length() - 1;
        while (lo < hi) { // the longest prefix that fits beside the ellipsis
            int mid = (lo + hi + 1) >>> 1;
            if (width.applyAsDouble(text.substring(0, mid)) + ellipsis <= available) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.substring(0, lo) + ELLIPSIS;
    }

    /** As {@link #fit}, but keeps the end: the ellipsis, then the longest end of {@code text} that fits. */
    public static String fitTail(String text, double available, ToDoubleFunction<String> width) {
        String reversed = new StringBuilder(text).reverse().toString();
        String fitted = fit(reversed, available, s -> width.applyAsDouble(new StringBuilder(s).reverse().toString()));
        return new StringBuilder(fitted).reverse().toString();
    }
}
