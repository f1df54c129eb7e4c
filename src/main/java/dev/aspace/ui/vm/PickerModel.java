package dev.aspace.ui.vm;

import dev.aspace.backend.ProcessRow;
import dev.aspace.ui.Background;
import dev.aspace.ui.files.ConfigFile;
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
    /** Where the picker's size is kept; null: not kept (tests). */
    private final ConfigFile sizeFile;
    private String readError;

    public PickerModel(Supplier<List<ProcessRow>> source, Background background) {
        this(source, background, null);
    }

    public PickerModel(Supplier<List<ProcessRow>> source, Background background, ConfigFile sizeFile) {
        this.source = source;
        this.background = background;
        this.sizeFile = sizeFile;
        filter.addListener((o, a, b) -> {
            shown.setPredicate(matcher(b));
            updateStatus();
        });
    }

    /** The size the picker had when last closed, or null when none was kept. */
    public double[] rememberedSize() {
        if (sizeFile == null) {
            return null;
        }
        String[] wh = sizeFile.read().orElse("").strip().split(" +");
        try {
            double w = Double.parseDouble(wh[0]);
            double h = Double.parseDouble(wh[1]);
            return w >= 200 && h >= 150 && w < 20_000 && h < 20_000 ? new double[] {w, h} : null;
        } catch (RuntimeException e) {
            return null; // nothing (readable) kept
        }
    }

    /** Keeps the picker's size ("WIDTH HEIGHT") for the next one, written in the background. */
    public void rememberSize(double width, double height) {
        if (sizeFile == null || !(width > 0 && height > 0)) {
            return;
        }
        String text = Math.round(width) + " " + Math.round(height) + "\n";
        background.submit(() -> {
            sizeFile.write(text);
            return text;
        }, t -> { }, t -> { }); // a size not kept is not worth a message
    }

    /** Re-reads the process list in the background. */
    public void reload() {
        status.set("reading processes…");
        background.submit(source::get, rows -> {
            readError = null;
            all.setAll(rows);
            updateStatus();
        }, t -> {
            readError = ErrorLog.describe(t);
            updateStatus();
        });
    }

    /** "104 processes, 3 not readable by you", or "8 of 104 processes" while filtered. */
    private void updateStatus() {
        if (readError != null) {
            status.set(readError);
            return;
        }
        long unreadable = shown.stream().filter(r -> !r.readable()).count();
        String count = shown.size() == all.size() ? all.size() + " processes" : shown.size() + " of " + all.size() + " processes";
        status.set(count + (unreadable == 0 ? "" : ", " + unreadable + " not readable by you"));
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
