package dev.aspace.ui.grid;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A read-only table painted on one Canvas: a header that sorts (click) and resizes (drag an
 * edge; never narrower than its name), rows selected one or several at a time (Shift and Ctrl
 * with a click or the arrows, Ctrl+A), scroll bars, the keys of a table (arrows, Left/Right
 * scroll sideways, Page Up/Down, Home, End, Ctrl+C copies the selected rows), the full text of a
 * cut cell on hover, a "+" at the header's end whose menu shows and hides columns, and for
 * screen readers the roles and attributes of a table (rows, columns, cells: {@link TableAccess}).
 *
 * <p>Why not a TableView: each visible cell of a TableView is a control that is made, styled
 * and laid out, and the region table's few hundred of them were most of the main window's
 * start-up (docs/PERFORMANCE.md, start to first frame). Here the cost follows the pixels: a
 * frame paints the rows in view and nothing else exists.
 */
public final class CanvasTable<R> extends Region {

    private static final double PAD = 6;
    private static final double MIN_WIDTH = 24;
    private static final double EDGE_SLOP = 4;
    private static final double MENU_WIDTH = 22;
    /** Room beside a header's name for the sort arrow. */
    private static final double ARROW = 14;

    private final SortedList<R> rows;
    private final ObservableBooleanValue dark;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final ReadOnlyObjectWrapper<R> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final ObjectProperty<Font> font = new SimpleObjectProperty<>(this, "font", Font.getDefault());
    private final Text measure = new Text();
    private final Map<String, Double> widthCache = new HashMap<>();
    private final Map<String, Double> headerWidthCache = new HashMap<>();
    private final List<GridColumn<R>> columns = new ArrayList<>();
    /** The selected rows (the lead, {@link #selected}, among them). */
    private final Set<R> marked = new LinkedHashSet<>();
    private int anchor = -1;
    private Function<List<R>, String> copyFormat;
    private Runnable onColumnsShown = () -> { };
    private final TableAccess<R> access = new TableAccess<>(this);
    private double[] widths = new double[0];
    /** Widths set by a drag or a call, which the last column's fill never shrinks below. */
    private double[] setWidths = new double[0];
    private boolean[] shown = new boolean[0];
    private int sortColumn = -1;
    private boolean ascending = true;
    private String placeholder = "";

    private GridGeometry geometry = new GridGeometry(new double[0], 1, 0, 0, 0, 0, 0, 0);
    private Font headerFont;
    private double scrollX;
    private double scrollY;
    private int pendingTopRow = -1;
    private boolean syncingBars;

    private int resizing = -1;
    private double resizeStartX;
    private double resizeStartWidth;
    private int pressedHeader = -1;
    private boolean dragged;
    private ContextMenu columnMenu;
    private Tooltip tip;

    /**
     * @param items the rows, in their own order until a header is clicked (a filtered list, say)
     * @param dark  whether to paint in the dark palette
     */
    public CanvasTable(ObservableList<R> items, ObservableBooleanValue dark) {
        this.rows = new SortedList<>(items);
        this.dark = dark;
        getStyleClass().add("canvas-table");
        setFocusTraversable(true);
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setVisible(false);
        hbar.setVisible(false);
        getChildren().addAll(canvas, vbar, hbar);

        rows.addListener((ListChangeListener<R>) c -> rowsChanged());
        setAccessibleRole(AccessibleRole.TABLE_VIEW);
        setAccessibleRoleDescription("table");
        getChildren().add(access.layer());
        // what a screen reader says of the table: the selected row, as Ctrl+C would copy it
        selectedIndex.addListener((o, a, i) -> setAccessibleText(i.intValue() < 0 ? null
                : "row " + (i.intValue() + 1) + " of " + rows.size() + ": " + rowText(i.intValue())));
        font.addListener(o -> {
            widthCache.clear();
            headerWidthCache.clear();
            headerFont = null;
            fitNumbers();
            repaint();
        });
        dark.addListener(o -> repaint());
        focusedProperty().addListener(o -> repaint());
        vbar.valueProperty().addListener((o, a, v) -> scrollBarMoved());
        hbar.valueProperty().addListener((o, a, v) -> scrollBarMoved());

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::mouseMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> canvas.setCursor(Cursor.DEFAULT));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::mouseReleased);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    // ---- what it shows

    /** The columns, replacing any before; sorting is reset. */
    public void setColumns(List<GridColumn<R>> cols) {
        columns.clear();
        columns.addAll(cols);
        widths = new double[cols.size()];
        setWidths = new double[cols.size()];
        shown = new boolean[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            widths[i] = cols.get(i).width();
            shown[i] = cols.get(i).shown();
        }
        sortColumn = -1;
        rows.setComparator(null);
        columnMenu = null;
        fitNumbers();
        repaint();
    }

    public List<GridColumn<R>> columns() {
        return List.copyOf(columns);
    }

    public boolean isColumnShown(int column) {
        return shown[column];
    }

    public void setColumnShown(int column, boolean show) {
        if (shown[column] == show) {
            return;
        }
        shown[column] = show;
        fitNumbers();
        if (columnMenu != null) {
            ((CheckMenuItem) columnMenu.getItems().get(column)).setSelected(show);
        }
        onColumnsShown.run();
        repaint();
    }

    /** Told after a column was shown or hidden (the header's menu, or a call). */
    public void setOnColumnsShown(Runnable action) {
        onColumnsShown = action == null ? () -> { } : action;
    }

    /** The names of the columns shown, in their order. */
    public List<String> shownColumnNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (shown[i]) {
                names.add(columns.get(i).name());
            }
        }
        return names;
    }

    public double columnWidth(int column) {
        return widths[column];
    }

    /** Sets the width, never below what shows the column's name whole. */
    public void setColumnWidth(int column, double width) {
        widths[column] = Math.max(minWidth(column), width);
        setWidths[column] = widths[column];
        repaint();
    }

    /** The narrowest the column may be: its name whole, with room for the sort arrow. */
    public double minWidth(int column) {
        metrics();
        return Math.max(MIN_WIDTH, Math.ceil(headerTextWidth(columns.get(column).name())) + 2 * PAD + ARROW);
    }

    /** Scrolls sideways to the first column (another process shows different columns' worth). */
    public void scrollToFirstColumn() {
        scrollX = 0;
        repaint();
    }

    /** How far the columns are scrolled sideways, in pixels. */
    public double scrollX() {
        return scrollX;
    }

    /** How the selected rows are copied (Ctrl+C); by default their shown cells, tab-separated. */
    public void setCopyFormat(Function<List<R>, String> format) {
        copyFormat = format;
    }

    /** The rows as shown: the items in the order of the sort column. */
    public ObservableList<R> rows() {
        return rows;
    }

    /** What the body says when there are no rows. */
    public void setPlaceholder(String text) {
        placeholder = text;
        repaint();
    }

    /** The font of the rows (the header's is its bold). */
    public ObjectProperty<Font> fontProperty() {
        return font;
    }

    // ---- sorting

    /**
     * Sorts by the column: ascending, or descending, or (column -1) in the items' own order.
     */
    public void sortBy(int column, boolean ascendingOrder) {
        sortColumn = column;
        ascending = ascendingOrder;
        R keep = selected.get();
        if (column < 0) {
            rows.setComparator(null);
        } else {
            Comparator<R> order = columns.get(column).order();
            rows.setComparator(ascendingOrder ? order : order.reversed());
        }
        if (keep != null) {
            select(keep);
            showRow(selectedIndex.get());
        }
    }

    public int sortColumn() {
        return sortColumn;
    }

    public boolean isAscending() {
        return ascending;
    }

    /** A click on a header: ascending, then descending, then unsorted, as a TableView does. */
    private void toggleSort(int column) {
        if (sortColumn != column) {
            sortBy(column, true);
        } else if (ascending) {
            sortBy(column, false);
        } else {
            sortBy(-1, true);
        }
    }

    // ---- selection and scrolling

    public ReadOnlyObjectProperty<R> selectedItemProperty() {
        return selected.getReadOnlyProperty();
    }

    public R getSelectedItem() {
        return selected.get();
    }

    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    public int getSelectedIndex() {
        return selectedIndex.get();
    }

    /** Selects the row holding {@code item} alone; nothing is selected when no row does. */
    public void select(R item) {
        int i = item == null ? -1 : rows.indexOf(item);
        select(i);
    }

    /** Selects row {@code index} of {@link #rows()} alone; -1 selects nothing. */
    public void select(int index) {
        if (index < -1 || index >= rows.size()) {
            throw new IndexOutOfBoundsException("row " + index + " of " + rows.size());
        }
        marked.clear();
        if (index >= 0) {
            marked.add(rows.get(index));
        }
        anchor = index;
        lead(index);
    }

    /** Selects rows {@code from} to {@code to} (either order); {@code to} becomes the lead. */
    public void selectRange(int from, int to) {
        marked.clear();
        for (int r = Math.min(from, to); r <= Math.max(from, to); r++) {
            marked.add(rows.get(r));
        }
        lead(to);
    }

    /** Adds the row to the selection, or takes it out (Ctrl+click). */
    public void toggle(int index) {
        R item = rows.get(index);
        if (!marked.remove(item)) {
            marked.add(item);
        }
        anchor = index;
        lead(marked.contains(item) ? index : marked.isEmpty() ? -1 : rows.indexOf(marked.iterator().next()));
    }

    public void selectAll() {
        marked.clear();
        marked.addAll(rows);
        anchor = 0;
        lead(rows.isEmpty() ? -1 : Math.max(0, selectedIndex.get()));
    }

    private void lead(int index) {
        selectedIndex.set(index);
        selected.set(index < 0 ? null : rows.get(index));
        repaint();
    }

    /** The selected rows, in the order shown. */
    public List<R> selectedItems() {
        List<R> out = new ArrayList<>();
        if (!marked.isEmpty()) {
            for (R r : rows) {
                if (marked.contains(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Whether row {@code index} of {@link #rows()} is selected. */
    public boolean isSelected(int index) {
        return !marked.isEmpty() && marked.contains(rows.get(index));
    }

    /**
     * Scrolls so the row is at the top, as far as the rows allow (TableView.scrollTo). Asked
     * before the table has its size (at start-up), it is done at the first layout.
     */
    public void scrollTo(int index) {
        if (geometry.bodyHeight() <= 0) {
            pendingTopRow = index;
            return;
        }
        scrollY = geometry.scrollYToTop(index);
        repaint();
    }

    /** Scrolls as little as needed to show the row whole. */
    private void showRow(int index) {
        if (index < 0) {
            return;
        }
        if (geometry.bodyHeight() <= 0) {
            pendingTopRow = index;
            return;
        }
        scrollY = geometry.scrollYToShow(index);
        repaint();
    }

    /** The first and last rows in view after the last layout (-1 when none). */
    public int firstVisibleRow() {
        return geometry.firstVisibleRow();
    }

    public int lastVisibleRow() {
        return geometry.lastVisibleRow();
    }

    /** Where things are after the last layout (tests click on rows and headers through it). */
    public GridGeometry geometry() {
        return geometry;
    }

    public Canvas canvas() {
        return canvas;
    }

    private void rowsChanged() {
        if (!marked.isEmpty()) {
            marked.retainAll(new HashSet<>(rows));
        }
        R keep = selected.get();
        int i = keep == null ? -1 : rows.indexOf(keep);
        selectedIndex.set(i);
        if (i < 0) {
            selected.set(null);
        }
        anchor = Math.min(anchor, rows.size() - 1);
        access.rowsChanged();
        fitNumbers();
        repaint();
    }

    /**
     * Widens each shown number column that nobody sized by hand so its longest figure shows whole
     * (a 200 MiB region is a 6-digit KiB figure, a large process's total more), and narrows it back
     * to its own width when the figures get shorter: a cut number reads as a different number.
     */
    private void fitNumbers() {
        List<Integer> fitted = new ArrayList<>();
        List<GridColumn<R>> cols = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            GridColumn<R> col = columns.get(c);
            if (shown[c] && col.align() == GridColumn.Align.RIGHT && setWidths[c] <= 0) {
                fitted.add(c);
                cols.add(col);
            }
        }
        String[] longest = LongestText.ofEach(rows, cols);
        for (int k = 0; k < longest.length; k++) {
            int c = fitted.get(k);
            widths[c] = Math.max(columns.get(c).width(), Math.ceil(textWidth(longest[k])) + 2 * PAD + 1);
        }
    }

    // ---- the menu of columns

    /** The header's "+" menu: a check item per column. Made when first asked for. */
    public ContextMenu columnMenu() {
        if (columnMenu == null) {
            columnMenu = new ContextMenu();
            for (int i = 0; i < columns.size(); i++) {
                int column = i;
                CheckMenuItem item = new CheckMenuItem(columns.get(i).name());
                item.setSelected(shown[i]);
                item.selectedProperty().addListener((o, a, on) -> setColumnShown(column, on));
                columnMenu.getItems().add(item);
            }
        }
        return columnMenu;
    }

    private boolean onMenuButton(double x, double y) {
        return y < geometry.headerHeight() && x >= canvas.getWidth() - MENU_WIDTH;
    }

    // ---- layout and painting

    private void repaint() {
        setNeedsLayout(true); // this node alone: painted in the next pulse's layout
    }

    private void metrics() {
        if (headerFont == null) {
            Font f = font.get();
            headerFont = Font.font(f.getFamily(), FontWeight.BOLD, f.getSize());
        }
    }

    private double rowHeight() {
        return Math.round(font.get().getSize() * 1.8);
    }

    private double headerHeight() {
        return Math.round(font.get().getSize() * 2.1);
    }

    private double[] shownWidths() {
        for (int i = 0; i < widths.length; i++) {
            if (shown[i]) {
                widths[i] = Math.max(widths[i], minWidth(i));
            }
        }
        int n = 0;
        for (boolean s : shown) {
            n += s ? 1 : 0;
        }
        double[] w = new double[n];
        int j = 0;
        for (int i = 0; i < widths.length; i++) {
            if (shown[i]) {
                w[j++] = widths[i];
            }
        }
        return w;
    }

    /**
     * The last shown column (the mapping's path) takes the room left of the view's width, down to
     * its header's width: the leading columns stay narrow and nothing needs a sideways scroll.
     * A width the user gave it is kept, so a long path can be read by widening it and scrolling.
     * Returns how much it grew (negative when it shrank).
     */
    private double fillLast(double[] shownWidths, double room) {
        int n = shownWidths.length;
        if (n == 0) {
            return 0;
        }
        double was = shownWidths[n - 1];
        int last = columnOf(n - 1);
        double floor = Math.max(minWidth(last), setWidths[last]);
        shownWidths[n - 1] = Math.max(floor, was + room - MENU_WIDTH);
        return shownWidths[n - 1] - was;
    }

    private String fitted(String text, GridColumn<R> col, double room) {
        return col.align() == GridColumn.Align.TAIL ? TextFit.fitTail(text, room, this::textWidth)
                : TextFit.fit(text, room, this::textWidth);
    }

    /** The model column of shown column {@code v}. */
    private int columnOf(int v) {
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] && v-- == 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 200;
    }

    @Override
    protected void layoutChildren() {
        metrics();
        double w = getWidth();
        double h = getHeight();
        double[] shownWidths = shownWidths();
        double content = 0;
        for (double cw : shownWidths) {
            content += cw;
        }
        double rowsHeight = headerHeight() + rows.size() * rowHeight();
        double vw = vbar.prefWidth(-1);
        double hh = hbar.prefHeight(-1);
        boolean needV = rowsHeight > h;
        content += fillLast(shownWidths, w - (needV ? vw : 0) - content);
        boolean needH = content > w - (needV ? vw : 0);
        if (needH && !needV) {
            needV = rowsHeight > h - hh;
        }
        double cw = Math.max(0, w - (needV ? vw : 0));
        double ch = Math.max(0, h - (needH ? hh : 0));
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
        }
        vbar.setVisible(needV);
        hbar.setVisible(needH);
        vbar.resizeRelocate(cw, 0, vw, ch);
        hbar.resizeRelocate(0, ch, cw, hh);

        geometry = new GridGeometry(shownWidths, rowHeight(), headerHeight(), rows.size(), cw, ch, scrollX, scrollY);
        if (pendingTopRow >= 0 && geometry.bodyHeight() > 0) {
            scrollY = geometry.scrollYToTop(Math.min(pendingTopRow, Math.max(0, rows.size() - 1)));
            pendingTopRow = -1;
            geometry = new GridGeometry(shownWidths, rowHeight(), headerHeight(), rows.size(), cw, ch, scrollX, scrollY);
        }
        scrollX = geometry.scrollX();
        scrollY = geometry.scrollY();
        syncBars();
        paint();
        access.laidOut();
    }

    private void syncBars() {
        syncingBars = true;
        try {
            vbar.setMin(0);
            vbar.setMax(geometry.maxScrollY());
            vbar.setVisibleAmount(geometry.bodyHeight());
            vbar.setUnitIncrement(geometry.rowHeight());
            vbar.setBlockIncrement(geometry.bodyHeight());
            vbar.setValue(scrollY);
            hbar.setMin(0);
            hbar.setMax(geometry.maxScrollX());
            hbar.setVisibleAmount(canvas.getWidth());
            hbar.setUnitIncrement(40);
            hbar.setBlockIncrement(canvas.getWidth());
            hbar.setValue(scrollX);
        } finally {
            syncingBars = false;
        }
    }

    private void scrollBarMoved() {
        if (syncingBars) {
            return;
        }
        scrollX = hbar.getValue();
        scrollY = vbar.getValue();
        repaint();
    }

    private GridPalette palette() {
        return GridPalette.current(dark.get());
    }

    private double textWidth(String s) {
        return measured(s, font.get(), widthCache);
    }

    private double headerTextWidth(String s) {
        return measured(s, headerFont, headerWidthCache);
    }

    private double measured(String s, Font f, Map<String, Double> cache) {
        Double w = cache.get(s);
        if (w == null) {
            measure.setFont(f);
            measure.setText(s);
            w = measure.getLayoutBounds().getWidth();
            cache.put(s, w);
        }
        return w;
    }

    private String cellText(R row, int column) {
        return LongestText.textOf(row, columns.get(column));
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        GridPalette p = palette();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GridGeometry geo = geometry;
        double rowH = geo.rowHeight();
        double headH = geo.headerHeight();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(font.get());

        int first = geo.firstVisibleRow();
        int last = geo.lastVisibleRow();
        int selectedRow = selectedIndex.get();
        for (int r = first; r >= 0 && r <= last; r++) {
            double y = geo.rowTop(r);
            if (r == selectedRow || isSelected(r)) {
                g.setFill(p.selection());
                g.fillRect(0, y, w, rowH);
            } else if (r % 2 == 1) {
                g.setFill(p.stripe());
                g.fillRect(0, y, w, rowH);
            }
            R row = rows.get(r);
            g.setFill(p.text());
            for (int v = 0; v < geo.columnCount(); v++) {
                double x = geo.columnLeft(v);
                double cw = geo.width(v);
                if (x + cw < 0 || x > w) {
                    continue;
                }
                GridColumn<R> col = columns.get(columnOf(v));
                String text = fitted(cellText(row, columnOf(v)), col, cw - 2 * PAD);
                if (text.isEmpty()) {
                    continue;
                }
                double tx = col.align() == GridColumn.Align.RIGHT ? x + cw - PAD - textWidth(text) : x + PAD;
                g.fillText(text, tx, y + rowH / 2);
            }
        }
        double bottom = last < 0 ? headH : Math.min(h, geo.rowTop(last) + rowH);
        g.setStroke(p.lines());
        g.setLineWidth(1);
        for (int v = 0; v < geo.columnCount(); v++) {
            double x = Math.round(geo.columnLeft(v) + geo.width(v)) - 0.5;
            if (x > 0 && x < w) {
                g.strokeLine(x, headH, x, bottom);
            }
        }
        if (selectedRow >= first && selectedRow <= last && selectedRow >= 0 && isFocused()) {
            g.setStroke(p.accent());
            g.strokeRect(0.5, geo.rowTop(selectedRow) + 0.5, w - 1, rowH - 1);
        }
        if (rows.isEmpty() && !placeholder.isEmpty()) {
            g.setFill(p.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(placeholder, w / 2, headH + Math.max(rowH, (h - headH) / 2));
            g.setTextAlign(TextAlignment.LEFT);
        }
        paintHeader(g, p, geo, w);
    }

    private void paintHeader(GraphicsContext g, GridPalette p, GridGeometry geo, double w) {
        double headH = geo.headerHeight();
        g.setFill(p.header());
        g.fillRect(0, 0, w, headH);
        g.setFont(headerFont);
        for (int v = 0; v < geo.columnCount(); v++) {
            double x = geo.columnLeft(v);
            double cw = geo.width(v);
            if (x + cw < 0 || x > w) {
                continue;
            }
            int column = columnOf(v);
            boolean sorted = column == sortColumn;
            double room = cw - 2 * PAD - (sorted ? ARROW : 0);
            String name = TextFit.fit(columns.get(column).name(), room, this::headerTextWidth);
            g.setFill(p.text());
            g.fillText(name, x + PAD, headH / 2);
            if (sorted) {
                double ax = x + cw - PAD - 8;
                double ay = headH / 2;
                g.setFill(p.muted());
                if (ascending) {
                    g.fillPolygon(new double[]{ax, ax + 8, ax + 4}, new double[]{ay + 3, ay + 3, ay - 3}, 3);
                } else {
                    g.fillPolygon(new double[]{ax, ax + 8, ax + 4}, new double[]{ay - 3, ay - 3, ay + 3}, 3);
                }
            }
            g.setStroke(p.lines());
            double edge = Math.round(x + cw) - 0.5;
            g.strokeLine(edge, 4, edge, headH - 4);
        }
        g.setStroke(p.lines());
        g.strokeLine(0, headH - 0.5, w, headH - 0.5);
        // the "+" that opens the menu of columns, over the header's end
        double mx = w - MENU_WIDTH;
        g.setFill(p.header());
        g.fillRect(mx, 0, MENU_WIDTH, headH - 1);
        g.setStroke(p.lines());
        g.strokeLine(mx + 0.5, 4, mx + 0.5, headH - 4);
        g.setStroke(p.text());
        double cx = mx + MENU_WIDTH / 2;
        double cy = headH / 2;
        g.strokeLine(cx - 4, cy, cx + 4, cy);
        g.strokeLine(cx, cy - 4, cx, cy + 4);
        g.setFont(font.get());
    }

    // ---- input

    private void mouseMoved(MouseEvent e) {
        boolean onEdge = e.getY() < geometry.headerHeight() && !onMenuButton(e.getX(), e.getY())
                && geometry.resizeEdgeAt(e.getX(), EDGE_SLOP) >= 0;
        canvas.setCursor(onEdge ? Cursor.H_RESIZE : Cursor.DEFAULT);
        showFullTextOf(e.getX(), e.getY());
    }

    /** The whole text of a cell cut with an ellipsis, as a tooltip while the pointer is on it. */
    private void showFullTextOf(double x, double y) {
        int row = geometry.rowAt(y);
        int v = geometry.columnAt(x);
        String full = null;
        if (row >= 0 && v >= 0) {
            String text = cellText(rows.get(row), columnOf(v));
            if (!text.equals(fitted(text, columns.get(columnOf(v)), geometry.width(v) - 2 * PAD))) {
                full = text;
            }
        }
        if (full == null) {
            if (tip != null) {
                Tooltip.uninstall(canvas, tip);
            }
            return;
        }
        if (tip == null) {
            tip = new Tooltip();
            tip.setWrapText(true);
            tip.setMaxWidth(700);
        }
        tip.setText(full);
        Tooltip.install(canvas, tip);
    }

    /** The tooltip with a cut cell's whole text, null until one was hovered. */
    public Tooltip fullTextTooltip() {
        return tip;
    }

    private void mousePressed(MouseEvent e) {
        requestFocus();
        dragged = false;
        pressedHeader = -1;
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getY() < geometry.headerHeight()) {
            if (onMenuButton(e.getX(), e.getY())) {
                columnMenu().show(canvas, e.getScreenX(), e.getScreenY());
                return;
            }
            int edge = geometry.resizeEdgeAt(e.getX(), EDGE_SLOP);
            if (edge >= 0) {
                resizing = columnOf(edge);
                resizeStartX = e.getX();
                resizeStartWidth = widths[resizing];
            } else {
                pressedHeader = geometry.columnAt(e.getX());
            }
            return;
        }
        int row = geometry.rowAt(e.getY());
        if (row < 0) {
            return;
        }
        if (e.isShiftDown() && anchor >= 0) {
            selectRange(anchor, row);
        } else if (e.isShortcutDown()) {
            toggle(row);
        } else {
            select(row);
        }
    }

    private void mouseDragged(MouseEvent e) {
        dragged = true;
        if (resizing >= 0) {
            setColumnWidth(resizing, resizeStartWidth + e.getX() - resizeStartX);
        }
    }

    private void mouseReleased(MouseEvent e) {
        if (resizing < 0 && !dragged && pressedHeader >= 0 && e.getY() < geometry.headerHeight()
                && geometry.columnAt(e.getX()) == pressedHeader) {
            toggleSort(columnOf(pressedHeader));
        }
        resizing = -1;
        pressedHeader = -1;
    }

    /** The wheel: a line of text is a row; pixels where the device gives those (touchpads). */
    private void scrolled(ScrollEvent e) {
        double dx = e.getDeltaX();
        double dy = switch (e.getTextDeltaYUnits()) {
            case LINES -> e.getTextDeltaY() * geometry.rowHeight();
            case PAGES -> e.getTextDeltaY() * geometry.bodyHeight();
            default -> e.getDeltaY();
        };
        if (e.isShiftDown() && dx == 0) {
            dx = dy;
            dy = 0;
        }
        scrollX = Math.max(0, Math.min(geometry.maxScrollX(), scrollX - dx));
        scrollY = Math.max(0, Math.min(geometry.maxScrollY(), scrollY - dy));
        repaint();
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        KeyCode k = e.getCode();
        if ((k == KeyCode.LEFT || k == KeyCode.RIGHT) && !e.isShortcutDown() && !e.isAltDown()) {
            double step = hbar.getUnitIncrement();
            scrollX = Math.max(0, Math.min(geometry.maxScrollX(), scrollX + (k == KeyCode.LEFT ? -step : step)));
            repaint();
            e.consume();
            return;
        }
        int n = rows.size();
        if (n == 0) {
            return;
        }
        int at = selectedIndex.get();
        int to;
        if (k == KeyCode.DOWN) {
            to = Math.min(n - 1, at + 1);
        } else if (k == KeyCode.UP) {
            to = Math.max(0, at - 1);
        } else if (k == KeyCode.PAGE_DOWN) {
            to = Math.min(n - 1, Math.max(0, at) + geometry.rowsPerPage());
        } else if (k == KeyCode.PAGE_UP) {
            to = Math.max(0, at - geometry.rowsPerPage());
        } else if (k == KeyCode.HOME) {
            to = 0;
        } else if (k == KeyCode.END) {
            to = n - 1;
        } else if (k == KeyCode.A && e.isShortcutDown()) {
            selectAll();
            e.consume();
            return;
        } else if (k == KeyCode.C && e.isShortcutDown() && !marked.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(copyText());
            Clipboard.getSystemClipboard().setContent(content);
            e.consume();
            return;
        } else {
            return;
        }
        if (e.isShiftDown() && anchor >= 0) {
            selectRange(anchor, to);
        } else {
            select(to);
        }
        showRow(to);
        e.consume();
    }

    /** What Ctrl+C puts on the clipboard: the selected rows in the copy format. */
    public String copyText() {
        List<R> chosen = selectedItems();
        if (copyFormat != null) {
            return copyFormat.apply(chosen);
        }
        StringJoiner text = new StringJoiner("\n", "", "\n");
        for (R r : chosen) {
            text.add(rowText(rows.indexOf(r)));
        }
        return text.toString();
    }

    /** The row's shown cells, tab-separated (what Ctrl+C copies). */
    public String rowText(int row) {
        StringJoiner line = new StringJoiner("\t");
        for (int i = 0; i < columns.size(); i++) {
            if (shown[i]) {
                line.add(cellText(rows.get(row), i));
            }
        }
        return line.toString();
    }

    /** The text of a cell as shown (before any ellipsis), for screen readers. */
    String cellTextAt(int row, int shownColumn) {
        return cellText(rows.get(row), columnOf(shownColumn));
    }

    /** The name of shown column {@code v}. */
    String shownColumnName(int v) {
        return columns.get(columnOf(v)).name();
    }

    /** What a screen reader asks a table: its rows, columns, cells, selection ({@link TableAccess}). */
    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        Object answer = access.query(attribute, parameters);
        return answer != TableAccess.UNKNOWN ? answer : super.queryAccessibleAttribute(attribute, parameters);
    }
}
