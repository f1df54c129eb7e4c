package dev.aspace.ui.vm;

import dev.aspace.backend.ProcessRow;
import dev.aspace.ui.Background;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The process picker: the {@code ps auxw} list, filtered by pid, user or command. */
public final class PickerModel {

    private final Supplier<List<ProcessRow>> source;
    private final Background background;
    private final ObservableList<ProcessRow> all = FXCollections.observableArrayList();
    private final FilteredList<ProcessRow> shown = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public PickerModel(Supplier<List<ProcessRow>> source, Background background) {
        this.source = source;
        this.background = background;
        filter.addListener((o, a, b) -> shown.setPredicate(matcher(b)));
    }

    /** Re-reads the process list in the background. */
    public void reload() {
        status.set("reading processes…");
        background.submit(source::get, rows -> {
            all.setAll(rows);
            long unreadable = rows.stream().filter(r -> !r.readable()).count();
            status.set(rows.size() + " processes" + (unreadable == 0 ? "" : ", " + unreadable + " not readable by you"));
        }, t -> status.set(ErrorLog.describe(t)));
    }

    public FilteredList<ProcessRow> rows() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Matches pid (exact prefix), user or command (substring, any case). */
    public static Predicate<ProcessRow> matcher(String text) {
        if (text == null || text.isBlank()) {
            return r -> true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return r -> Integer.toString(r.pid()).startsWith(needle)
                || r.user().toLowerCase(Locale.ROOT).contains(needle)
                || r.command().toLowerCase(Locale.ROOT).contains(needle);
    }
}
