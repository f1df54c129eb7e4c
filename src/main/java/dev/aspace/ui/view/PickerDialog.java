package dev.aspace.ui.view;

import atlantafx.base.theme.Styles;
import dev.aspace.backend.ProcessRow;
import dev.aspace.ui.vm.PickerModel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Screen;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** Choose a process from the {@code ps auxw} list; those you may not read say why. */
public final class PickerDialog extends Dialog<ProcessRow> {

    private final PickerPane pane;

    public PickerDialog(PickerModel model) {
        setTitle("Open a process");
        setHeaderText("Pick a process to watch (ps auxw)");
        setResizable(true);
        pane = new PickerPane(model);
        getDialogPane().setContent(pane);
        // AtlantaFX caps every dialog pane at 600 px, which hides COMMAND; the theme's rule wins over
        // a setter, so an inline style lifts it, and the screen is the only cap the picker needs
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        getDialogPane().setStyle(String.format(Locale.ROOT, "-fx-max-width: %.0fpx; -fx-max-height: %.0fpx;",
                screen.getWidth(), screen.getHeight()));
        double[] kept = model.rememberedSize();
        getDialogPane().setPrefSize(Math.min(kept == null ? 1040 : kept[0], screen.getWidth()),
                Math.min(kept == null ? 560 : kept[1], screen.getHeight()));
        setOnHidden(e -> model.rememberSize(getDialogPane().getWidth(), getDialogPane().getHeight()));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(pane.table().getSelectionModel().selectedItemProperty().isNull());
        pane.table().setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && pane.table().getSelectionModel().getSelectedItem() != null) {
                ((Button) ok).fire();
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? pane.table().getSelectionModel().getSelectedItem() : null);
        setOnShown(e -> pane.filter().requestFocus());
        model.reload();
    }

    /** The filter field and the table, usable without the dialog (tests). */
    public static final class PickerPane extends BorderPane {

        private final TableView<ProcessRow> table = new TableView<>();
        private final TextField filter = new TextField();

        public PickerPane(PickerModel model) {
            setId("picker");
            filter.setId("pickerFilter");
            filter.setPromptText("filter by pid, user or command");
            filter.textProperty().bindBidirectional(model.filterProperty());
            Label status = new Label();
            status.getStyleClass().add("text-muted");
            status.textProperty().bind(model.statusProperty());
            VBox top = new VBox(4, filter, status);
            top.setPadding(new Insets(0, 0, 6, 0));
            setTop(top);

            SortedList<ProcessRow> sorted = new SortedList<>(model.rows());
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            table.setId("pickerTable");
            table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
            table.getColumns().add(col("PID", r -> r.pid(), 60));
            table.getColumns().add(col("USER", ProcessRow::user, 72));
            table.getColumns().add(col("%CPU", r -> r.cpuPercent(), 56));
            table.getColumns().add(col("%MEM", r -> r.memPercent(), 56));
            table.getColumns().add(col("VSZ", r -> r.vsz(), 96));
            table.getColumns().add(col("RSS", r -> r.rss(), 88));
            table.getColumns().add(col("TTY", ProcessRow::tty, 48));
            table.getColumns().add(col("STAT", ProcessRow::stat, 52));
            table.getColumns().add(col("START", ProcessRow::start, 60));
            table.getColumns().add(col("TIME", ProcessRow::time, 60));
            table.getColumns().add(col("can read", r -> r.readable() ? "yes" : "no: " + r.whyNot(), 60));
            table.getColumns().add(col("COMMAND", ProcessRow::command, 300));
            // the command line takes what the others leave: eight sleeps differ only there
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
            table.setRowFactory(tv -> new TableRow<>() {
                @Override
                protected void updateItem(ProcessRow r, boolean empty) {
                    super.updateItem(r, empty);
                    pseudoClassStateChanged(PseudoClass.getPseudoClass("unreadable"),
                            !empty && r != null && !r.readable());
                    setTooltip(empty || r == null ? null : new Tooltip(r.pid() + "  " + r.command()
                            + (r.readable() ? "" : "\nnot readable: " + r.whyNot())));
                }
            });
            setCenter(table);
        }

        public TableView<ProcessRow> table() {
            return table;
        }

        public TextField filter() {
            return filter;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static <T extends Comparable<T>> TableColumn<ProcessRow, T> col(String name, Function<ProcessRow, T> f,
                                                                              double width) {
            TableColumn<ProcessRow, T> c = new TableColumn<>(name);
            c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
            // never narrower than its header (bold, with room for the sort arrow)
            Text header = new Text(name);
            Font font = Font.getDefault();
            header.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize() + 1));
            double min = Math.ceil(header.getLayoutBounds().getWidth()) + 24;
            c.setMinWidth(min);
            c.setPrefWidth(Math.max(width, min));
            c.setComparator((Comparator) Comparator.naturalOrder());
            c.setId("picker-" + name.toLowerCase(Locale.ROOT));
            return c;
        }
    }
}
