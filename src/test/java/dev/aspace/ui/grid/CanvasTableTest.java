package dev.aspace.ui.grid;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import dev.aspace.testutil.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canvas-painted table, driven with the mouse and the keys as a user would. */
@ExtendWith(ApplicationExtension.class)
class CanvasTableTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    record Row(int n, String name) {
    }

    private final ObservableList<Row> items = FXCollections.observableArrayList(IntStream.range(0, 200)
            .mapToObj(i -> new Row((i * 37) % 200, i == 3 ? "/usr/lib/x86_64-linux-gnu/a-very-long-library-name.so.1" : "row " + i))
            .toList());
    private final FilteredList<Row> filtered = new FilteredList<>(items);
    private CanvasTable<Row> table;

    @Start
    void start(Stage stage) {
        table = new CanvasTable<>(filtered, new SimpleBooleanProperty(false));
        table.setColumns(List.of(
                new GridColumn<>("N", GridColumn.Align.RIGHT, 80, true, r -> Integer.toString(r.n()), Comparator.comparingInt(Row::n)),
                new GridColumn<>("Name", GridColumn.Align.LEFT, 120, true, Row::name, Comparator.comparing(Row::name)),
                new GridColumn<>("Hidden", GridColumn.Align.LEFT, 90, false, r -> "h" + r.n(), Comparator.comparingInt(Row::n))));
        stage.setScene(new Scene(table, 400, 300));
        // windows other test classes left open in this JVM would take the robot's mouse and keys
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private Point2D at(double x, double y) {
        return table.canvas().localToScreen(x, y);
    }

    /** The middle of a cell of the shown column {@code v}. */
    private Point2D cell(int row, int v) {
        GridGeometry g = table.geometry();
        return at(g.columnLeft(v) + g.width(v) / 2, g.rowTop(row) + g.rowHeight() / 2);
    }

    private Point2D header(int v) {
        GridGeometry g = table.geometry();
        return at(g.columnLeft(v) + 10, g.headerHeight() / 2);
    }

    @Test
    void clickingARowSelectsIt(FxRobot robot) {
        robot.clickOn(cell(4, 1));
        assertEquals(4, table.getSelectedIndex());
        assertSame(items.get(4), table.getSelectedItem());
        assertEquals("row 5 of 200: " + items.get(4).n() + "\trow 4", table.getAccessibleText());
    }

    @Test
    void clickingAHeaderSortsUpThenDownThenBackToTheItemsOrder(FxRobot robot) {
        robot.clickOn(header(0));
        assertEquals(List.of(0, 1, 2), table.rows().subList(0, 3).stream().map(Row::n).toList());
        robot.clickOn(header(0));
        assertEquals(List.of(199, 198, 197), table.rows().subList(0, 3).stream().map(Row::n).toList());
        assertFalse(table.isAscending());
        robot.clickOn(header(0));
        assertEquals(-1, table.sortColumn());
        assertEquals(items.subList(0, 3), table.rows().subList(0, 3));
    }

    @Test
    void aSelectedRowStaysSelectedThroughASortAndIsScrolledTo(FxRobot robot) {
        robot.clickOn(cell(2, 1));
        Row picked = table.getSelectedItem();
        robot.clickOn(header(0));
        assertSame(picked, table.getSelectedItem());
        assertEquals(picked.n(), table.getSelectedIndex(), "sorted by n, row n holds it");
        assertTrue(table.firstVisibleRow() <= picked.n() && picked.n() <= table.lastVisibleRow());
    }

    @Test
    void aRowFilteredAwayIsNoLongerSelected(FxRobot robot) {
        robot.clickOn(cell(5, 1));
        Row picked = table.getSelectedItem();
        robot.interact(() -> filtered.setPredicate(r -> r != picked));
        assertNull(table.getSelectedItem());
        assertEquals(-1, table.getSelectedIndex());
    }

    @Test
    void keysMoveTheSelectionAndKeepItInView(FxRobot robot) {
        robot.clickOn(cell(0, 1));
        robot.type(KeyCode.DOWN, 2);
        assertEquals(2, table.getSelectedIndex());
        robot.type(KeyCode.END);
        assertEquals(199, table.getSelectedIndex());
        assertEquals(199, table.lastVisibleRow());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(199 - table.geometry().rowsPerPage(), table.getSelectedIndex());
        robot.type(KeyCode.HOME);
        assertEquals(0, table.getSelectedIndex());
        assertEquals(0, table.firstVisibleRow());
    }

    @Test
    void theWheelScrollsTheRows(FxRobot robot) {
        robot.interact(() -> table.scrollTo(100));
        assertEquals(100, table.firstVisibleRow());
        robot.moveTo(cell(102, 1));
        robot.scroll(5, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, Math.abs(table.firstVisibleRow() - 100), "a row a line of the wheel; first row " + table.firstVisibleRow());
    }

    @Test
    void draggingAHeaderEdgeResizesTheColumn(FxRobot robot) {
        GridGeometry g = table.geometry();
        double edge = g.columnLeft(0) + g.width(0);
        robot.drag(at(edge - 1, g.headerHeight() / 2), MouseButton.PRIMARY).dropTo(at(edge + 59, g.headerHeight() / 2));
        assertEquals(140, table.columnWidth(0), 2);
        assertEquals(-1, table.sortColumn(), "a resize is not a click that sorts");
    }

    @Test
    void theMenuAtTheHeadersEndShowsAHiddenColumn(FxRobot robot) {
        assertEquals(2, table.geometry().columnCount());
        robot.clickOn(at(table.canvas().getWidth() - 8, table.geometry().headerHeight() / 2));
        assertTrue(table.columnMenu().isShowing());
        robot.clickOn("Hidden");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.isColumnShown(2));
        assertEquals(3, table.geometry().columnCount());
        assertEquals("0\trow 0\th0", table.rowText(0));
    }

    @Test
    void hoveringACutCellShowsItsWholeText(FxRobot robot) {
        robot.moveTo(cell(3, 1));
        // the move and the tooltip's delay take their time on a busy machine: wait for each, with a deadline
        Await.until("a tooltip with the cell's whole text", LIMIT,
                () -> table.fullTextTooltip() != null && items.get(3).name().equals(table.fullTextTooltip().getText()));
        Await.until("the tooltip shown", LIMIT, () -> table.fullTextTooltip().isShowing());
    }

    @Test
    void shiftExtendsTheSelectionAndCtrlCCopiesEverySelectedRow(FxRobot robot) {
        robot.clickOn(cell(1, 1));
        robot.press(KeyCode.SHIFT).clickOn(cell(3, 1)).release(KeyCode.SHIFT);
        assertEquals(List.of(items.get(1), items.get(2), items.get(3)), table.selectedItems());
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertEquals(4, table.selectedItems().size());
        assertEquals(4, table.getSelectedIndex(), "the lead moved with the arrow");
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        StringBuilder expected = new StringBuilder();
        for (int r = 1; r <= 4; r++) {
            expected.append(items.get(r).n()).append('\t').append(items.get(r).name()).append('\n');
        }
        assertEquals(expected.toString(), copied[0]);
    }

    @Test
    void ctrlClickAddsAndRemovesOneRow(FxRobot robot) {
        robot.clickOn(cell(1, 1));
        robot.press(KeyCode.CONTROL).clickOn(cell(5, 1)).release(KeyCode.CONTROL);
        assertEquals(List.of(items.get(1), items.get(5)), table.selectedItems());
        robot.press(KeyCode.CONTROL).clickOn(cell(1, 1)).release(KeyCode.CONTROL);
        assertEquals(List.of(items.get(5)), table.selectedItems());
        robot.clickOn(cell(7, 1));
        assertEquals(List.of(items.get(7)), table.selectedItems(), "a plain click selects one row again");
    }

    @Test
    void leftAndRightScrollSideways(FxRobot robot) {
        robot.interact(() -> table.setColumnWidth(1, 900));
        robot.clickOn(cell(0, 0));
        Await.until("the table has the focus", LIMIT, table::isFocused);
        assertEquals(0, table.scrollX());
        robot.type(KeyCode.RIGHT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        Await.until("scrolled right", LIMIT, () -> table.scrollX() > 0);
        double right = table.scrollX();
        robot.type(KeyCode.LEFT);
        assertTrue(table.scrollX() < right && table.scrollX() > 0, "back a step: " + table.scrollX());
        assertEquals(0, table.getSelectedIndex(), "sideways keys leave the selection");
        robot.interact(table::scrollToFirstColumn);
        Await.until("back at the first column, as laid out", LIMIT, () -> table.geometry().scrollX() == 0);
    }

    @Test
    void aColumnIsNeverNarrowerThanItsName(FxRobot robot) {
        robot.interact(() -> {
            table.setColumns(List.of(new GridColumn<>("ShmemPmdMapped", GridColumn.Align.RIGHT, 30, true,
                    r -> "0", Comparator.comparingInt(Row::n))));
            table.setColumnWidth(0, 5);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Text t = new Text("ShmemPmdMapped");
        Font f = table.fontProperty().get();
        t.setFont(Font.font(f.getFamily(), FontWeight.BOLD, f.getSize()));
        double name = t.getLayoutBounds().getWidth();
        assertTrue(table.columnWidth(0) >= name + 12, "width " + table.columnWidth(0) + " for a name of " + name + " px");
        assertTrue(table.geometry().width(0) >= name + 12, "as laid out: " + table.geometry().width(0));
    }

    @Test
    void aNumberColumnWidensUntilItsLongestFigureShowsWholeAndNarrowsBack(FxRobot robot) {
        robot.interact(() -> table.setColumns(List.of(
                new GridColumn<>("N", GridColumn.Align.RIGHT, 40, true, r -> Integer.toString(r.n()), Comparator.comparingInt(Row::n)),
                new GridColumn<>("Name", GridColumn.Align.LEFT, 120, true, Row::name, Comparator.comparing(Row::name)))));
        Text t = new Text("20480000");
        t.setFont(table.fontProperty().get());
        double figure = t.getLayoutBounds().getWidth();
        assertTrue(figure + 12 > 40, "the figure would not fit the column's own width: " + figure);
        robot.interact(() -> items.set(5, new Row(20480000, "big")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.columnWidth(0) >= figure + 12, "width " + table.columnWidth(0) + " for a figure of " + figure + " px");
        assertTrue(table.geometry().width(0) >= figure + 12, "as laid out: " + table.geometry().width(0));

        robot.interact(() -> items.set(5, new Row(5, "small again")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, table.columnWidth(0), "back to the column's own width");
        robot.interact(() -> table.setColumnWidth(0, 60));
        robot.interact(() -> items.set(5, new Row(20480000, "big")));
        assertEquals(60, table.columnWidth(0), "a width set by hand stays");
    }

    @Test
    void aScreenReaderSeesATableOfRowsColumnsAndCells(FxRobot robot) {
        robot.clickOn(cell(2, 1));
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        Object[] answers = new Object[7];
        robot.interact(() -> {
            answers[0] = table.queryAccessibleAttribute(AccessibleAttribute.ROLE);
            answers[1] = table.queryAccessibleAttribute(AccessibleAttribute.ROW_COUNT);
            answers[2] = table.queryAccessibleAttribute(AccessibleAttribute.COLUMN_COUNT);
            Node c = (Node) table.queryAccessibleAttribute(
                    AccessibleAttribute.CELL_AT_ROW_COLUMN, 4, 1);
            answers[3] = c.queryAccessibleAttribute(AccessibleAttribute.ROLE);
            answers[4] = c.queryAccessibleAttribute(AccessibleAttribute.TEXT);
            Node h = (Node) table.queryAccessibleAttribute(
                    AccessibleAttribute.COLUMN_AT_INDEX, 1);
            answers[5] = h.queryAccessibleAttribute(AccessibleAttribute.TEXT);
            answers[6] = ((List<?>) table.queryAccessibleAttribute(AccessibleAttribute.SELECTED_ITEMS)).size();
        });
        assertEquals(AccessibleRole.TABLE_VIEW, answers[0]);
        assertEquals(200, answers[1]);
        assertEquals(2, answers[2]);
        assertEquals(AccessibleRole.TABLE_CELL, answers[3]);
        assertEquals("row 4", answers[4]);
        assertEquals("Name", answers[5]);
        assertEquals(2, answers[6]);
    }
}
