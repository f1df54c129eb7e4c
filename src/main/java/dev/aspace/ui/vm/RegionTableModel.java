package dev.aspace.ui.vm;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the region table: the snapshot's regions through the user's filter. The rows are
 * replaced whole, in one change, when the snapshot or the filter changes: a FilteredList over the
 * regions records a removal and an addition per row, which on a 60,000-region frame took a fifth
 * of the window's work to show it.
 */
public final class RegionTableModel {

    private final ReplacedList<Region> shown = new ReplacedList<>();
    private List<Region> all = List.of();
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty rwx = new SimpleStringProperty(this, "rwx", "");
    private final ObjectProperty<RegionKind> kind = new SimpleObjectProperty<>(this, "kind");

    public RegionTableModel(SessionModel session) {
        session.snapshotProperty().addListener((obs, old, s) -> setSnapshot(s));
        setSnapshot(session.getSnapshot());
        text.addListener(o -> show());
        rwx.addListener(o -> show());
        kind.addListener(o -> show());
    }

    private void setSnapshot(Snapshot s) {
        all = s == null ? List.of() : s.regions();
        show();
    }

    private void show() {
        RegionFilter filter = new RegionFilter(text.get(), rwx.get(), kind.get());
        if (filter.matchesAll()) {
            shown.replace(all);
            return;
        }
        List<Region> kept = new ArrayList<>();
        for (Region r : all) {
            if (filter.test(r)) {
                kept.add(r);
            }
        }
        shown.replace(kept);
    }

    /** Filtered rows, in address order (the table sorts its own view of them). */
    public ObservableList<Region> rows() {
        return shown;
    }

    /** Text matched against path, label, kind and address. */
    public StringProperty textProperty() {
        return text;
    }

    /** "r-x", "rw-", ...; "" for any. */
    public StringProperty rwxProperty() {
        return rwx;
    }

    /** A kind, or null for any. */
    public ObjectProperty<RegionKind> kindProperty() {
        return kind;
    }
}
