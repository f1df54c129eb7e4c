package dev.aspace.ui.compare;

import dev.aspace.layout.Scale;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.diff.Change;
import dev.aspace.snapshot.diff.RegionDiff;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Two or more snapshots side by side: parallel ribbons with matched regions joined by
 * lines, and a table of the differences between two chosen snapshots (added, removed, grown,
 * shrunk, moved with the slide, RSS/PSS change). Selecting a row outlines its region on the
 * ribbons; clicking a region on a ribbon selects its row.
 *
 * <pre>{@code
 * Node node = new CompareView(List.of(run1, run2, run3), theme.darkProperty()).node();   // on the FX thread
 * }</pre>
 * The diffs are computed in the constructor (pure, fast for a few thousand regions); for very
 * large snapshots construct it off the FX thread and attach {@code node()} on it.
 */
public final class CompareView {

    private final CompareModel model;
    private final BorderPane root = new BorderPane();
    private final CompareRibbons ribbons;
    private final DiffTable table = new DiffTable();
    private final ChoiceBox<Integer> from = new ChoiceBox<>();
    private final ChoiceBox<Integer> to = new ChoiceBox<>();
    private final CheckBox onlyChanged = new CheckBox("only differences");
    private final Label summary = new Label();

    /**
     * @param dark true while the dark theme is on (the ribbons' palette follows it)
     * @throws IllegalArgumentException with fewer than two snapshots
     */
    public CompareView(List<Snapshot> snapshots, ReadOnlyBooleanProperty dark) {
        this.model = new CompareModel(snapshots);
        this.ribbons = new CompareRibbons(model, dark);
        root.setId("compare-view");
        summary.setId("compare-summary");
        onlyChanged.setId("compare-only-changed");
        onlyChanged.setSelected(true);

        List<Integer> indices = IntStream.range(0, model.size()).boxed().toList();
        for (ChoiceBox<Integer> box : List.of(from, to)) {
            box.setItems(FXCollections.observableArrayList(indices));
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Integer i) {
                    return i == null ? "" : "#" + (i + 1);
                }

                @Override
                public Integer fromString(String s) {
                    return Integer.parseInt(s.substring(1)) - 1;
                }
            });
            box.valueProperty().addListener((o, a, b) -> refreshTable());
        }
        from.setId("compare-from");
        to.setId("compare-to");
        from.setValue(0);
        to.setValue(1);
        onlyChanged.selectedProperty().addListener((o, a, b) -> refreshTable());

        ToggleGroup scales = new ToggleGroup();
        ToggleButton log = new ToggleButton("log");
        ToggleButton linear = new ToggleButton("linear");
        log.setToggleGroup(scales);
        linear.setToggleGroup(scales);
        log.setSelected(true);
        scales.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one scale is always chosen
            } else {
                ribbons.scaleProperty().set(b == linear ? Scale.LINEAR : Scale.LOG);
            }
        });

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> ribbons.selectedProperty().set(b));
        ribbons.setOnRegionClicked(this::selectRegion);

        ToolBar bar = new ToolBar(new Label("scale"), log, linear, new Label("  table:"), from, new Label("→"), to,
                onlyChanged);
        summary.setPadding(new Insets(4, 8, 4, 8)); // its own line: in the bar it overflowed
        ScrollPane scroll = new ScrollPane(ribbons);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(scroll, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(Math.min(0.6, 0.12 + 0.14 * model.size()));
        // once the split knows its height: the ribbons as tall as they are drawn, the table the rest
        split.heightProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (split.getHeight() > 0) {
                    split.heightProperty().removeListener(this);
                    split.setDividerPositions(Math.min(0.6, (ribbons.getPrefHeight() + 12) / split.getHeight()));
                }
            }
        });
        root.setTop(new VBox(bar, summary));
        root.setCenter(split);
        refreshTable();
    }

    public Node node() {
        return root;
    }

    private void refreshTable() {
        Integer a = from.getValue();
        Integer b = to.getValue();
        if (a == null || b == null) {
            return;
        }
        List<RegionDiff> rows = model.rows(a, b, onlyChanged.isSelected());
        table.setItems(FXCollections.observableArrayList(rows));
        summary.setText(String.format("#%d → #%d: %d moved, %d added, %d removed, %d grown, %d shrunk, %d perms,"
                        + " %d rss/pss, %d backing, %d same", a + 1, b + 1, model.count(a, b, Change.MOVED),
                model.count(a, b, Change.ADDED), model.count(a, b, Change.REMOVED), model.count(a, b, Change.GROWN),
                model.count(a, b, Change.SHRUNK), model.count(a, b, Change.PERMS), model.count(a, b, Change.RESIDENT),
                model.count(a, b, Change.BACKING), model.count(a, b, Change.UNCHANGED)));
    }

    /** A click on ribbon i selects the row of that region in the table, when the table shows ribbon i. */
    private void selectRegion(int ribbon, int region) {
        Region r = model.snapshot(ribbon).regions().get(region);
        for (RegionDiff d : table.getItems()) {
            if (d.before() == r || d.after() == r) {
                table.getSelectionModel().select(d);
                table.scrollTo(d);
                return;
            }
        }
    }
}
