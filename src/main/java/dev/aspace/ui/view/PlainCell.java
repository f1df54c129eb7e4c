package dev.aspace.ui.view;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.function.Function;

/**
 * A read-only table cell that shows its value as one line of text, without the default cell's
 * skin, behaviour and input map: the region table shows a few hundred of these at once, and
 * making and styling those parts was most of the window's start-up work (docs/PERFORMANCE.md).
 * A click selects the row, as the default cell's behaviour does for a one-row selection; the
 * text is cut with an ellipsis where the column is too narrow, as the default cell does.
 */
final class PlainCell<S, T> extends TableCell<S, T> {

    private final Function<? super T, String> format;

    PlainCell(Function<? super T, String> format, Pos alignment) {
        this.format = format;
        setAlignment(alignment);
        // what the default cell's behaviour did on a click: the table has one-row selection
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !isEmpty() && getTableView() != null) {
                getTableView().requestFocus();
                getTableView().getSelectionModel().clearAndSelect(getIndex());
            }
        });
    }

    @Override
    protected void updateItem(T value, boolean empty) {
        super.updateItem(value, empty);
        setText(empty || value == null ? null : format.apply(value));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new PlainSkin(this);
    }

    /** One Text node, as wide as the column, the text fitted into it. */
    private static final class PlainSkin extends SkinBase<TableCell<?, ?>> {

        private static final String ELLIPSIS = "…";
        private final Text text = new Text();
        private final Rectangle clip = new Rectangle();

        PlainSkin(TableCell<?, ?> cell) {
            super(cell);
            text.fontProperty().bind(cell.fontProperty());
            text.fillProperty().bind(cell.textFillProperty());
            text.setManaged(false);
            getChildren().add(text);
            cell.setClip(clip);
            registerChangeListener(cell.textProperty(), o -> cell.requestLayout());
            registerChangeListener(cell.tableColumnProperty(), o -> followColumnWidth());
            followColumnWidth();
        }

        private void followColumnWidth() {
            TableColumnBase<?, ?> column = getSkinnable().getTableColumn();
            if (column != null) {
                registerChangeListener(column.widthProperty(), o -> getSkinnable().requestLayout());
            }
        }

        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            TableColumnBase<?, ?> column = getSkinnable().getTableColumn();
            return column == null ? left + right : snapSizeX(column.getWidth());
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            return top + lineHeight() + bottom;
        }

        @Override
        protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
            return computePrefHeight(width, top, right, bottom, left);
        }

        private double lineHeight() {
            String was = text.getText();
            text.setText("Xg");
            double h = text.getLayoutBounds().getHeight();
            text.setText(was);
            return h;
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            TableCell<?, ?> cell = getSkinnable();
            clip.setWidth(cell.getWidth());
            clip.setHeight(cell.getHeight());
            String full = cell.getText();
            text.setText(full == null ? "" : fit(full, w));
            double tw = text.getLayoutBounds().getWidth();
            double th = text.getLayoutBounds().getHeight();
            HPos side = cell.getAlignment() == null ? HPos.LEFT : cell.getAlignment().getHpos();
            double tx = switch (side) {
                case RIGHT -> x + w - tw;
                case CENTER -> x + (w - tw) / 2;
                default -> x;
            };
            text.relocate(snapPositionX(tx), snapPositionY(y + (h - th) / 2));
        }

        /** The longest start of {@code s} that fits in {@code w} with an ellipsis, or all of it. */
        private String fit(String s, double w) {
            text.setText(s);
            if (text.getLayoutBounds().getWidth() <= w || s.isEmpty()) {
                return s;
            }
            int lo = 0;
            int hi = s.length();
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                text.setText(s.substring(0, mid) + ELLIPSIS);
                if (text.getLayoutBounds().getWidth() <= w) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return s.substring(0, lo) + ELLIPSIS;
        }
    }
}
