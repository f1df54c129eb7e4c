package dev.aspace.ui.vm;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The rows of the region table: the snapshot's regions through the user's filter. */
public final class RegionTableModel {

    private final ObservableList<Region> all = FXCollections.observableArrayList();
    private final FilteredList<Region> shown = new FilteredList<>(all);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty rwx = new SimpleStringProperty(this, "rwx", "");
    private final ObjectProperty<RegionKind> kind = new SimpleObjectProperty<>(this, "kind");

    public RegionTableModel(SessionModel session) {
        session.snapshotProperty().addListener((obs, old, s) -> setSnapshot(s));
        setSnapshot(session.getSnapshot());
        text.addListener(o -> refilter());
        rwx.addListener(o -> refilter());
        kind.addListener(o -> refilter());
    }

    private void setSnapshot(Snapshot s) {
        if (s == null) {
            all.clear();
        } else {
            all.setAll(s.regions());
        }
    }

    private void refilter() {
        shown.setPredicate(new RegionFilter(text.get(), rwx.get(), kind.get()));
    }

    /** Filtered rows, in address order (the table sorts its own view of them). */
    public FilteredList<Region> rows() {
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
