package dev.aspace.ui.grid;

import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a screen reader is told of a {@link CanvasTable}: a table (AccessibleRole.TABLE_VIEW)
 * with its row and column counts, its column headers, and a cell for each (row, column) it asks
 * for. The canvas has no nodes per cell, so the cells a reader asks for are made then: invisible
 * nodes over the painted cells (so their bounds are right), in a layer the mouse goes through,
 * forgotten when the rows change.
 */
final class TableAccess<R> {

    /** The answer for attributes this class leaves to the node. */
    static final Object UNKNOWN = new Object();
    /** Proxies kept at most; a reader asks for the cells around the focus, not all of them. */
    private static final int MAX_CELLS = 512;

    private final CanvasTable<R> table;
    private final Pane layer = new Pane();
    private final Map<Long, Cell> cells = new HashMap<>();
    private final Map<Integer, Cell> headers = new HashMap<>();

    TableAccess(CanvasTable<R> table) {
        this.table = table;
        layer.setManaged(false);
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        table.selectedIndexProperty().addListener((o, a, b) -> {
            table.notifyAccessibleAttributeChanged(AccessibleAttribute.FOCUS_ITEM);
            table.notifyAccessibleAttributeChanged(AccessibleAttribute.SELECTED_ITEMS);
        });
    }

    Node layer() {
        return layer;
    }

    void rowsChanged() {
        cells.clear();
        headers.clear();
        layer.getChildren().clear();
        table.notifyAccessibleAttributeChanged(AccessibleAttribute.ROW_COUNT);
    }

    /** After a layout: the proxies follow their cells (scrolled, resized). */
    void laidOut() {
        for (Cell c : cells.values()) {
            place(c);
        }
        for (Cell c : headers.values()) {
            place(c);
        }
    }

    Object query(AccessibleAttribute attribute, Object... parameters) {
        GridGeometry g = table.geometry();
        return switch (attribute) {
            case ROW_COUNT -> table.rows().size();
            case COLUMN_COUNT -> g.columnCount();
            case MULTIPLE_SELECTION -> Boolean.TRUE;
            case CELL_AT_ROW_COLUMN -> cell((Integer) parameters[0], (Integer) parameters[1]);
            case COLUMN_AT_INDEX -> header((Integer) parameters[0]);
            case FOCUS_ITEM -> table.getSelectedIndex() < 0 || g.columnCount() == 0 ? null
                    : cell(table.getSelectedIndex(), 0);
            case SELECTED_ITEMS -> selectedCells();
            default -> UNKNOWN;
        };
    }

    private List<Node> selectedCells() {
        List<Node> out = new ArrayList<>();
        if (table.geometry().columnCount() == 0) {
            return out;
        }
        List<R> rows = table.rows();
        for (R r : table.selectedItems()) {
            out.add(cell(rows.indexOf(r), 0));
        }
        return out;
    }

    private Cell cell(int row, int column) {
        if (row < 0 || row >= table.rows().size() || column < 0 || column >= table.geometry().columnCount()) {
            return null;
        }
        long key = ((long) row << 20) | column;
        Cell c = cells.get(key);
        if (c == null) {
            if (cells.size() >= MAX_CELLS) {
                layer.getChildren().removeAll(cells.values());
                cells.clear();
            }
            c = new Cell(row, column, AccessibleRole.TABLE_CELL, table.cellTextAt(row, column));
            cells.put(key, c);
            layer.getChildren().add(c);
            place(c);
        }
        return c;
    }

    private Cell header(int column) {
        if (column < 0 || column >= table.geometry().columnCount()) {
            return null;
        }
        return headers.computeIfAbsent(column, v -> {
            Cell c = new Cell(-1, v, AccessibleRole.TABLE_COLUMN, table.shownColumnName(v));
            layer.getChildren().add(c);
            place(c);
            return c;
        });
    }

    private void place(Cell c) {
        GridGeometry g = table.geometry();
        if (c.column >= g.columnCount()) {
            return;
        }
        double y = c.row < 0 ? 0 : g.rowTop(c.row);
        double h = c.row < 0 ? g.headerHeight() : g.rowHeight();
        c.resizeRelocate(g.columnLeft(c.column), y, g.width(c.column), h);
    }

    /** One cell or column header, as a screen reader sees it. */
    private final class Cell extends Region {

        final int row;
        final int column;

        Cell(int row, int column, AccessibleRole role, String text) {
            this.row = row;
            this.column = column;
            setAccessibleRole(role);
            setAccessibleText(text);
            setOpacity(0);
        }

        @Override
        public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
            return switch (attribute) {
                case ROW_INDEX -> row;
                case COLUMN_INDEX -> column;
                case INDEX -> column;
                case SELECTED -> row >= 0 && table.isSelected(row);
                case TEXT -> getAccessibleText();
                case PARENT -> table;
                default -> super.queryAccessibleAttribute(attribute, parameters);
            };
        }
    }
}
