package dev.aspace.ui.view;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.ui.Background;
import dev.aspace.ui.files.ConfigFile;
import dev.aspace.ui.grid.CanvasTable;
import dev.aspace.ui.grid.GridColumn;
import dev.aspace.ui.vm.PmapText;
import dev.aspace.ui.vm.RegionTableModel;
import dev.aspace.ui.vm.SessionModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Every region, led by what {@code pmap -x} shows (Address, Size, RSS, Dirty, Perm, the region's
 * kind or label, Mapping); every other smaps field this kernel prints (in KiB, as pmap shows them)
 * plus Offset, Device, Inode and Kind wait in the header's "+" menu, and the columns chosen there
 * are remembered. Sortable, filterable, several rows copied as {@code pmap -x} text, its selection
 * kept in step with the session's. The rows are painted on a canvas ({@link CanvasTable}):
 * a TableView's cells were most of the window's start-up work (docs/decisions/region-table-canvas.md).
 * The columns are made with the first snapshot, when the kernel's smaps fields are known.
 */
public final class RegionTable extends BorderPane {

    /** Eight digits of KiB (a region of up to 95 GiB) without an ellipsis. */
    private static final double NUMBER_WIDTH = 64;

    private final SessionModel session;
    private final RegionTableModel model;
    private final CanvasTable<Region> table;
    private final TextField search = new TextField();
    private final Label count = new Label();
    private ConfigFile remembered;
    private Background background;
    private SmapsLayout columnsFor;
    private int shownPid = Integer.MIN_VALUE;
    private List<String> chosenColumns;
    private boolean syncing;

    /**
     * A table whose column choice is not remembered until {@link #rememberColumnsIn} is called.
     *
     * @param dark true while the dark theme is on (the palette follows it)
     */
    public RegionTable(SessionModel session, ReadOnlyBooleanProperty dark) {
        this.session = session;
        this.model = new RegionTableModel(session);
        getStyleClass().add("region-table");

        table = new CanvasTable<>(model.rows(), dark);
        table.setId("regionTable");
        table.setPlaceholder("no regions match the filter");
        table.setCopyFormat(PmapText::extended);
        table.setOnColumnsShown(this::rememberColumns);

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
        model.rows().addListener((ListChangeListener<Region>) c -> updateCount());

        HBox bar = new HBox(6, search, perm, kind, count);
        // in a narrow column the search field gives up its room first: the choices and the count stay whole
        for (Control c : List.of(perm, kind, count)) {
            c.setMinWidth(Control.USE_PREF_SIZE);
        }
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
        count.setText((model.rows().size() == total ? total + " regions" : model.rows().size() + " of " + total) + " · KiB");
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
        if (s != null && (!Objects.equals(layout, columnsFor) || table.columns().isEmpty())) {
            buildColumns(layout);
        }
        int pid = s == null ? Integer.MIN_VALUE : s.process().pid();
        if (pid != shownPid) {
            shownPid = pid;
            table.scrollToFirstColumn(); // another process: start at its first column again
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

    /**
     * From now on the columns chosen in the header's menu are kept in {@code file} (one name a
     * line, written through {@code background}) and a kept choice is shown.
     */
    public void rememberColumnsIn(ConfigFile file, Background writer) {
        remembered = file;
        background = writer;
        chosenColumns = null;
        if (!table.columns().isEmpty()) {
            buildColumns(columnsFor);
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

    /** The leading columns, shown unless the user hid them: what {@code pmap -x} prints. */
    // the sizes' unit is said once, beside the count: "Size KiB" in three headers took the room of the mapping
    static final List<String> PMAP_X = List.of("Address", "Size", "RSS", "Dirty", "Perm", "Kind / label", "Mapping");

    private void buildColumns(SmapsLayout layout) {
        columnsFor = layout;
        List<GridColumn<Region>> cols = new ArrayList<>();
        cols.add(new GridColumn<>("Address", GridColumn.Align.LEFT, 125, true, r -> Long.toHexString(r.start()),
                (a, b) -> Long.compareUnsigned(a.start(), b.start())));
        cols.add(number("Size", Region::size, true, NUMBER_WIDTH));
        cols.add(number("RSS", r -> r.smaps() == null ? -1 : r.rss(), true, NUMBER_WIDTH));
        cols.add(number("Dirty", r -> r.smaps() == null ? -1 : PmapText.dirtyKib(r) << 10, true, NUMBER_WIDTH));
        cols.add(text("Perm", r -> r.perms().toString(), 50, true));
        cols.add(text("Kind / label", r -> r.label().isEmpty() ? r.kind().displayName() : r.label(), 100, true));
        // widens to the room left; a cut path keeps its file name
        cols.add(new GridColumn<>("Mapping", GridColumn.Align.TAIL, 160, true, Region::path,
                Comparator.comparing(r -> r.path() == null ? "" : r.path())));
        cols.add(text("Kind", r -> r.kind().displayName(), 150, false));
        cols.add(text("Offset", r -> String.format("%08x", r.offset()), 90, false));
        cols.add(text("Device", Region::device, 70, false));
        cols.add(number("Inode", Region::inode, false, 90));
        if (layout != null) {
            for (int i = 0; i < layout.size(); i++) {
                String key = layout.key(i);
                if (key.equals("Size") || key.equals("Rss")) {
                    continue; // the leading Size and RSS columns
                }
                int at = i; // regions of one snapshot share its layout: read by position, not by a lookup of the key
                ToLongFunction<Region> field = r -> r.smaps() == null ? -1
                        : r.smaps().layout() == layout ? r.smaps().value(at) : r.smaps().get(key);
                cols.add(number(key, field, layout.isKilobytes(i), NUMBER_WIDTH));
            }
        }
        List<String> chosen = rememberedColumns();
        List<GridColumn<Region>> shown = new ArrayList<>();
        for (GridColumn<Region> c : cols) {
            boolean show = chosen == null ? PMAP_X.contains(c.name()) : chosen.contains(c.name());
            shown.add(c.withShown(show));
        }
        table.setColumns(shown);
    }

    /** The names remembered as shown, or null when no choice was made yet. */
    private List<String> rememberedColumns() {
        if (remembered == null) {
            return null;
        }
        if (chosenColumns == null) { // read once: a few bytes, and the table is made before the first frame
            chosenColumns = remembered.read().map(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty())
                            .map(l -> l.endsWith(" KiB") ? l.substring(0, l.length() - 4) : l).toList()) // older names
                    .orElse(List.of());
        }
        return chosenColumns.isEmpty() ? null : chosenColumns;
    }

    private void rememberColumns() {
        if (remembered == null || background == null) {
            return;
        }
        chosenColumns = table.shownColumnNames();
        String text = String.join("\n", chosenColumns) + "\n";
        background.submit(() -> {
            remembered.write(text);
            return text;
        }, t -> { }, session::reportError);
    }

    private static GridColumn<Region> text(String name, Function<Region, String> f, double width, boolean shown) {
        Comparator<Region> order = Comparator.comparing(r -> f.apply(r) == null ? "" : f.apply(r));
        return new GridColumn<>(name, GridColumn.Align.LEFT, width, shown, f, order);
    }

    /** A number column (its width grows to its header's when painted); kB fields in KiB like pmap, -1 (absent) blank. */
    private static GridColumn<Region> number(String name, ToLongFunction<Region> f, boolean kilobytes, double width) {
        Function<Region, String> text = r -> {
            long v = f.applyAsLong(r);
            return v < 0 ? "" : Long.toString(kilobytes ? v >> 10 : v);
        };
        return new GridColumn<>(name, GridColumn.Align.RIGHT, width, true, text, Comparator.comparingLong(f), f);
    }
}
