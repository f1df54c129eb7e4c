package dev.aspace.ui.view;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.ui.vm.RegionTableModel;
import dev.aspace.ui.vm.SessionModel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Every region with every {@code pmap -X} column (the smaps keys this kernel prints, in kernel
 * order, in KiB as pmap shows them) plus kind and label; sortable, filterable, its selection kept
 * in step with the session's. The fields only {@code pmap -XX} adds are there too, hidden until
 * chosen in the header's menu: each shown column costs a cell in every visible row, and cells
 * are most of the window's start-up work (docs/PERFORMANCE.md, start to first frame). The
 * columns are made with the first snapshot, when the kernel's smaps fields are known.
 */
public final class RegionTable extends BorderPane {

    private final SessionModel session;
    private final RegionTableModel model;
    private final TableView<Region> table = new TableView<>();
    private final TextField search = new TextField();
    private final Label count = new Label();
    private SmapsLayout columnsFor;
    private boolean syncing;

    public RegionTable(SessionModel session) {
        this.session = session;
        this.model = new RegionTableModel(session);
        getStyleClass().add("region-table");

        SortedList<Region> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("regionTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("no regions match the filter"));
        // the fields only pmap -XX prints start hidden: the "+" menu at the header's end shows them
        table.setTableMenuButtonVisible(true);

        search.setId("regionSearch");
        search.setPromptText("filter: path, label, kind or address (/)");
        search.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ComboBox<String> perm = new ComboBox<>();
        perm.getItems().addAll("any perms", "r--", "rw-", "r-x", "rwx", "---", "-w-", "--x", "-wx");
        perm.setValue("any perms");
        perm.valueProperty().addListener((o, a, b) -> model.rwxProperty().set(b == null || b.startsWith("any") ? "" : b));

        ComboBox<RegionKind> kind = new ComboBox<>();
        kind.setPromptText("any kind");
        kind.getItems().add(null);
        kind.getItems().addAll(RegionKind.values());
        kind.setButtonCell(kindCell());
        kind.setCellFactory(lv -> kindCell());
        kind.valueProperty().bindBidirectional(model.kindProperty());

        count.getStyleClass().add("text-muted");
        model.rows().addListener((javafx.collections.ListChangeListener<Region>) c -> updateCount());

        HBox bar = new HBox(6, search, perm, kind, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 4, 4, 4));
        setTop(bar);
        setCenter(table);

        session.snapshotProperty().addListener((o, a, s) -> onSnapshot(s));
        onSnapshot(session.getSnapshot());

        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (!syncing && r != null) {
                syncing = true;
                session.selectedProperty().set(r);
                syncing = false;
            }
        });
        session.selectedProperty().addListener((o, a, r) -> select(r));
    }

    private static javafx.scene.control.ListCell<RegionKind> kindCell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RegionKind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty ? null : k == null ? "any kind" : k.displayName());
            }
        };
    }

    private void updateCount() {
        Snapshot s = session.getSnapshot();
        int total = s == null ? 0 : s.regions().size();
        count.setText(model.rows().size() == total ? total + " regions" : model.rows().size() + " of " + total);
    }

    private void onSnapshot(Snapshot s) {
        SmapsLayout layout = null;
        if (s != null) {
            for (Region r : s.regions()) {
                if (r.smaps() != null) {
                    layout = r.smaps().layout();
                    break;
                }
            }
        }
        if (s != null && (!java.util.Objects.equals(layout, columnsFor) || table.getColumns().isEmpty())) {
            buildColumns(layout);
        }
        updateCount();
        select(session.selectedProperty().get());
    }

    /** Selects {@code r} in the table and scrolls to it, without echoing back to the session. */
    private void select(Region r) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (r == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            int i = table.getItems().indexOf(r);
            if (i < 0) {
                table.getSelectionModel().clearSelection();
                return;
            }
            table.getSelectionModel().clearAndSelect(i);
            scrollTo(Math.max(0, i - 3));
        } finally {
            syncing = false;
        }
    }

    /**
     * Scrolls now if the table has been laid out, else after its first layout: a scroll asked of
     * a table with no height yet (a region selected at start-up, before the window is shown)
     * lands elsewhere once the table has its size.
     */
    private void scrollTo(int index) {
        if (table.getSkin() != null && table.getHeight() > 0) {
            table.scrollTo(index);
            return;
        }
        table.needsLayoutProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean needs) {
                if (!needs && table.getHeight() > 0) {
                    table.needsLayoutProperty().removeListener(this);
                    javafx.application.Platform.runLater(() -> table.scrollTo(index));
                }
            }
        });
    }

    public TableView<Region> table() {
        return table;
    }

    /** Puts the caret in the filter field (the {@code /} key). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void buildColumns(SmapsLayout layout) {
        columnsFor = layout;
        List<TableColumn<Region, ?>> cols = new ArrayList<>();
        TableColumn<Region, String> address = text("Address", r -> Long.toHexString(r.start()), Comparator.comparing(
                (String h) -> Long.parseUnsignedLong(h, 16), Long::compareUnsigned));
        address.setPrefWidth(125);
        cols.add(address);
        cols.add(text("Perm", r -> r.perms().toString(), Comparator.naturalOrder()));
        cols.add(text("Offset", r -> String.format("%08x", r.offset()), Comparator.naturalOrder()));
        cols.add(text("Device", Region::device, Comparator.naturalOrder()));
        TableColumn<Region, Long> inode = number("Inode", Region::inode, false);
        inode.setPrefWidth(90);
        cols.add(inode);
        if (layout == null) {
            cols.add(number("Size", Region::size, true));
        } else {
            for (int i = 0; i < layout.size(); i++) {
                String key = layout.key(i);
                TableColumn<Region, Long> field = number(key, r -> r.smaps() == null ? (key.equals("Size") ? r.size() : -1)
                        : r.smaps().get(key), layout.isKilobytes(i));
                field.setVisible(SmapsLayout.inPmapX(key));
                cols.add(field);
            }
        }
        TableColumn<Region, String> kind = text("Kind", r -> r.kind().displayName(), Comparator.naturalOrder());
        kind.setPrefWidth(150);
        cols.add(kind);
        TableColumn<Region, String> label = text("Label", Region::label, Comparator.naturalOrder());
        label.setPrefWidth(220);
        cols.add(label);
        TableColumn<Region, String> mapping = text("Mapping", Region::path, Comparator.naturalOrder());
        mapping.setPrefWidth(320);
        cols.add(mapping);
        table.getColumns().setAll(cols);
    }

    private static TableColumn<Region, String> text(String name, Function<Region, String> f, Comparator<String> cmp) {
        TableColumn<Region, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setComparator(cmp);
        c.setId("col-" + name);
        c.setPrefWidth(width(name, 90));
        c.setCellFactory(col -> new PlainCell<>(v -> v, Pos.CENTER_LEFT));
        return c;
    }

    /** Wide enough for the header: pmap's kernel names are long ("KernelPageSize"). */
    private static double width(String header, double min) {
        return Math.max(min, 8.5 * header.length() + 22);
    }

    /** A number column; kB fields shown in KiB like pmap, -1 (absent) as blank. */
    private static TableColumn<Region, Long> number(String name, Function<Region, Long> f, boolean kilobytes) {
        TableColumn<Region, Long> c = new TableColumn<>(name);
        c.setId("col-" + name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setComparator(Comparator.naturalOrder());
        c.setPrefWidth(width(name, 64));
        c.setCellFactory(col -> new PlainCell<>(v -> v < 0 ? null : Long.toString(kilobytes ? v >> 10 : v),
                Pos.CENTER_RIGHT));
        return c;
    }
}
