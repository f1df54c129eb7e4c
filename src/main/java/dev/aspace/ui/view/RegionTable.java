package dev.aspace.ui.view;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.ui.Theme;
import dev.aspace.ui.grid.CanvasTable;
import dev.aspace.ui.grid.GridColumn;
import dev.aspace.ui.vm.RegionTableModel;
import dev.aspace.ui.vm.SessionModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Every region with every {@code pmap -X} column (the smaps keys this kernel prints, in kernel
 * order, in KiB as pmap shows them) plus kind and label; sortable, filterable, its selection kept
 * in step with the session's. The fields only {@code pmap -XX} adds are there too, hidden until
 * chosen in the header's "+" menu. The rows are painted on a canvas ({@link CanvasTable}): a
 * TableView's cells were most of the window's start-up work (docs/PERFORMANCE.md, start to first
 * frame). The columns are made with the first snapshot, when the kernel's smaps fields are known.
 */
public final class RegionTable extends BorderPane {

    /** Eight digits of KiB (a region of up to 95 GiB) without an ellipsis. */
    private static final double NUMBER_WIDTH = 84;

    private final SessionModel session;
    private final RegionTableModel model;
    private final CanvasTable<Region> table;
    private final TextField search = new TextField();
    private final Label count = new Label();
    private SmapsLayout columnsFor;
    private boolean syncing;

    public RegionTable(SessionModel session) {
        this.session = session;
        this.model = new RegionTableModel(session);
        getStyleClass().add("region-table");

        table = new CanvasTable<>(model.rows(), Theme.darkProperty());
        table.setId("regionTable");
        table.setPlaceholder("no regions match the filter");

        search.setId("regionSearch");
        search.setPromptText("filter: path, label, kind or address (/)");
        search.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ChoiceMenu<String> perm = new ChoiceMenu<>(List.of("any perms", "r--", "rw-", "r-x", "rwx", "---", "-w-", "--x",
                "-wx"), p -> p);
        perm.setValue("any perms");
        perm.valueProperty().addListener((o, a, b) -> model.rwxProperty().set(b == null || b.startsWith("any") ? "" : b));

        List<RegionKind> kinds = new ArrayList<>();
        kinds.add(null); // any kind
        kinds.addAll(List.of(RegionKind.values()));
        ChoiceMenu<RegionKind> kind = new ChoiceMenu<>(kinds, k -> k == null ? "any kind" : k.displayName());
        kind.valueProperty().bindBidirectional(model.kindProperty());

        count.getStyleClass().add("text-muted");
        // the rows in the theme's font, as the controls around them (known once CSS has run)
        table.fontProperty().bind(count.fontProperty());
        model.rows().addListener((javafx.collections.ListChangeListener<Region>) c -> updateCount());

        HBox bar = new HBox(6, search, perm, kind, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 4, 4, 4));
        setTop(bar);
        setCenter(table);

        session.snapshotProperty().addListener((o, a, s) -> onSnapshot(s));
        onSnapshot(session.getSnapshot());

        table.selectedItemProperty().addListener((o, a, r) -> {
            if (!syncing && r != null) {
                syncing = true;
                session.selectedProperty().set(r);
                syncing = false;
            }
        });
        session.selectedProperty().addListener((o, a, r) -> select(r));
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
        if (s != null && (!java.util.Objects.equals(layout, columnsFor) || table.columns().isEmpty())) {
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
            table.select(r);
            int i = table.getSelectedIndex();
            if (i >= 0) {
                table.scrollTo(Math.max(0, i - 3));
            }
        } finally {
            syncing = false;
        }
    }

    public CanvasTable<Region> table() {
        return table;
    }

    /** Puts the caret in the filter field (the {@code /} key). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void buildColumns(SmapsLayout layout) {
        columnsFor = layout;
        List<GridColumn<Region>> cols = new ArrayList<>();
        cols.add(new GridColumn<>("Address", GridColumn.Align.LEFT, 125, true, r -> Long.toHexString(r.start()),
                (a, b) -> Long.compareUnsigned(a.start(), b.start())));
        cols.add(text("Perm", r -> r.perms().toString(), 90));
        cols.add(text("Offset", r -> String.format("%08x", r.offset()), 90));
        cols.add(text("Device", Region::device, 90));
        cols.add(number("Inode", Region::inode, false, true, 90));
        if (layout == null) {
            cols.add(number("Size", Region::size, true, true, width("Size", NUMBER_WIDTH)));
        } else {
            for (int i = 0; i < layout.size(); i++) {
                String key = layout.key(i);
                ToLongFunction<Region> field = r -> r.smaps() == null ? (key.equals("Size") ? r.size() : -1)
                        : r.smaps().get(key);
                cols.add(number(key, field, layout.isKilobytes(i), SmapsLayout.inPmapX(key), width(key, NUMBER_WIDTH)));
            }
        }
        cols.add(text("Kind", r -> r.kind().displayName(), 150));
        cols.add(text("Label", Region::label, 220));
        cols.add(text("Mapping", Region::path, 320));
        table.setColumns(cols);
    }

    private static GridColumn<Region> text(String name, Function<Region, String> f, double width) {
        Comparator<Region> order = Comparator.comparing(r -> f.apply(r) == null ? "" : f.apply(r));
        return new GridColumn<>(name, GridColumn.Align.LEFT, Math.max(width, width(name, 90)), true, f, order);
    }

    /** Wide enough for the header: pmap's kernel names are long ("KernelPageSize"). */
    private static double width(String header, double min) {
        return Math.max(min, 8.5 * header.length() + 22);
    }

    /** A number column; kB fields shown in KiB like pmap, -1 (absent) as blank and first. */
    private static GridColumn<Region> number(String name, ToLongFunction<Region> f, boolean kilobytes, boolean shown,
                                             double width) {
        Function<Region, String> text = r -> {
            long v = f.applyAsLong(r);
            return v < 0 ? "" : Long.toString(kilobytes ? v >> 10 : v);
        };
        return new GridColumn<>(name, GridColumn.Align.RIGHT, width, shown, text, Comparator.comparingLong(f));
    }
}
