package dev.aspace.ui.compare;

import dev.aspace.model.ByteSize;
import dev.aspace.snapshot.diff.DiffText;
import dev.aspace.snapshot.diff.RegionDiff;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The differences of one pair of snapshots, one row per region: what changed (added, removed,
 * moved, grown, shrunk, perms, rss/pss), where it was and is, its size and the change of size,
 * the slide, the change of RSS and PSS, and the mapping. Every column sorts by its value.
 */
final class DiffTable extends TableView<RegionDiff> {

    DiffTable() {
        setId("compare-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("no differences"));
        TableColumn<RegionDiff, String> change = new TableColumn<>("Change");
        change.setCellValueFactory(c -> new ReadOnlyStringWrapper(DiffText.changes(c.getValue())));
        getColumns().add(change);
        getColumns().add(address("Before", d -> d.before() == null ? null : d.before().start()));
        getColumns().add(address("After", d -> d.after() == null ? null : d.after().start()));
        getColumns().add(number("Size", d -> d.region().size(), ByteSize::formatUnsigned, Long::compareUnsigned));
        getColumns().add(number("ΔSize", RegionDiff::sizeDelta, v -> v == 0 ? "" : ByteSize.delta(v), Long::compare));
        getColumns().add(number("Slide", RegionDiff::slide, v -> v == 0 ? "" : DiffText.slide(v), Long::compare));
        getColumns().add(number("ΔRSS", RegionDiff::rssDelta, v -> v == 0 ? "" : ByteSize.delta(v), Long::compare));
        getColumns().add(number("ΔPSS", RegionDiff::pssDelta, v -> v == 0 ? "" : ByteSize.delta(v), Long::compare));
        TableColumn<RegionDiff, String> mapping = new TableColumn<>("Mapping");
        mapping.setCellValueFactory(c -> new ReadOnlyStringWrapper(DiffText.name(c.getValue().region())));
        mapping.setPrefWidth(320);
        getColumns().add(mapping);
    }

    private static TableColumn<RegionDiff, Long> address(String title, Function<RegionDiff, Long> value) {
        TableColumn<RegionDiff, Long> col = number(title, value, Long::toHexString, Long::compareUnsigned);
        col.setComparator(Comparator.nullsFirst(Long::compareUnsigned));
        return col;
    }

    private static TableColumn<RegionDiff, Long> number(String title, Function<RegionDiff, Long> value,
                                                        LongFunction<String> text, Comparator<Long> order) {
        TableColumn<RegionDiff, Long> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setComparator(Comparator.nullsFirst(order));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? (empty ? null : "-") : text.apply(item));
            }
        });
        return col;
    }
}
