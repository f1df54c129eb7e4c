package dev.aspace.ui.grid;

/**
 * Where things are in a canvas-painted table: column edges, the rows in view, what a point
 * hits, how far to scroll to show a row. Plain arithmetic over the shown columns' widths and
 * the scroll offsets, in the canvas's coordinates (header on top, rows below it), so it is
 * tested without a window.
 */
public final class GridGeometry {

    private final double[] widths;
    private final double[] lefts;
    private final double rowHeight;
    private final double headerHeight;
    private final int rowCount;
    private final double viewWidth;
    private final double viewHeight;
    private final double scrollX;
    private final double scrollY;

    /** Scroll offsets outside what the content allows are clamped. */
    public GridGeometry(double[] widths, double rowHeight, double headerHeight, int rowCount,
                        double viewWidth, double viewHeight, double scrollX, double scrollY) {
        if (rowHeight <= 0 || headerHeight < 0 || rowCount < 0) {
            throw new IllegalArgumentException("row height " + rowHeight + ", header " + headerHeight + ", rows " + rowCount);
        }
        this.widths = widths.clone();
        this.lefts = new double[widths.length + 1];
        for (int i = 0; i < widths.length; i++) {
            lefts[i + 1] = lefts[i] + widths[i];
        }
        this.rowHeight = rowHeight;
        this.headerHeight = headerHeight;
        this.rowCount = rowCount;
        this.viewWidth = Math.max(0, viewWidth);
        this.viewHeight = Math.max(0, viewHeight);
        this.scrollX = clamp(scrollX, maxScrollX());
        this.scrollY = clamp(scrollY, maxScrollY());
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(v, max));
    }

    public double contentWidth() {
        return lefts[widths.length];
    }

    /** The rows' height, header not counted. */
    public double contentHeight() {
        return rowCount * rowHeight;
    }

    /** The height the rows are shown in. */
    public double bodyHeight() {
        return Math.max(0, viewHeight - headerHeight);
    }

    public double maxScrollX() {
        return Math.max(0, contentWidth() - viewWidth);
    }

    public double maxScrollY() {
        return Math.max(0, contentHeight() - bodyHeight());
    }

    public double scrollX() {
        return scrollX;
    }

    public double scrollY() {
        return scrollY;
    }

    public double rowHeight() {
        return rowHeight;
    }

    public double headerHeight() {
        return headerHeight;
    }

    public int columnCount() {
        return widths.length;
    }

    public double width(int column) {
        return widths[column];
    }

    /** The column's left edge in view coordinates (scrolled). */
    public double columnLeft(int column) {
        return lefts[column] - scrollX;
    }

    /** The shown column under view x, or -1 past the last one. */
    public int columnAt(double x) {
        double cx = x + scrollX;
        if (cx < 0 || cx >= contentWidth()) {
            return -1;
        }
        int lo = 0;
        int hi = widths.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lefts[mid] <= cx) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * The column whose right edge is within {@code slop} pixels of view x (the one a drag there
     * resizes), or -1. Where two edges are that close, the nearer one.
     */
    public int resizeEdgeAt(double x, double slop) {
        int best = -1;
        double bestDistance = slop;
        for (int i = 0; i < widths.length; i++) {
            double d = Math.abs(lefts[i + 1] - scrollX - x);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The first row at least partly in view, or -1 when there are none. */
    public int firstVisibleRow() {
        if (rowCount == 0 || bodyHeight() == 0) {
            return -1;
        }
        return (int) Math.min(rowCount - 1, Math.floor(scrollY / rowHeight));
    }

    /** The last row at least partly in view, or -1 when there are none. */
    public int lastVisibleRow() {
        if (rowCount == 0 || bodyHeight() == 0) {
            return -1;
        }
        double bottom = scrollY + bodyHeight();
        return (int) Math.min(rowCount - 1, Math.ceil(bottom / rowHeight) - 1);
    }

    /** Rows that fit whole in the body: a page for Page Up and Page Down. */
    public int rowsPerPage() {
        return Math.max(1, (int) Math.floor(bodyHeight() / rowHeight));
    }

    /** The row's top edge in view coordinates. */
    public double rowTop(int row) {
        return headerHeight + row * rowHeight - scrollY;
    }

    /** The row under view y, or -1 for the header and below the last row. */
    public int rowAt(double y) {
        if (y < headerHeight || y >= viewHeight) {
            return -1;
        }
        // a nudge, so that a row's own top edge (rowTop, which rounds) is in that row
        int row = (int) Math.floor((y - headerHeight + scrollY) / rowHeight + 1e-9);
        return row < rowCount ? row : -1;
    }

    /** The vertical scroll that shows the row whole, moving as little as it can. */
    public double scrollYToShow(int row) {
        double top = row * rowHeight;
        double bottom = top + rowHeight;
        double y = scrollY;
        if (top < y) {
            y = top;
        } else if (bottom > y + bodyHeight()) {
            y = bottom - bodyHeight();
        }
        return clamp(y, maxScrollY());
    }

    /** The vertical scroll that puts the row at the top of the body, as far as the rows allow. */
    public double scrollYToTop(int row) {
        return clamp(row * rowHeight, maxScrollY());
    }
}
