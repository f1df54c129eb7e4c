package dev.aspace.ui.view;

import dev.aspace.layout.FreeSpace;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.ui.vm.FreeSpaceText;
import dev.aspace.ui.vm.SessionModel;
import dev.aspace.ui.vm.SummaryFigures;
import dev.aspace.ui.vm.Units;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.Map;

/** How many regions of each kind, and VSZ / RSS / PSS / USS with the sums that relate them. */
public final class SummaryPane extends VBox {

    /** The size the summary says a new mmap of would go where: a large allocation's. */
    static final long MMAP_EXAMPLE = 1L << 30;
    private final Label headline = new Label();
    private final FlowPane kinds = new FlowPane(8, 2);
    private final VBox sums = new VBox(2);
    private final ObjectProperty<Units> units;
    private final SessionModel session;

    public SummaryPane(SessionModel session, ObjectProperty<Units> units) {
        super(6);
        this.session = session;
        this.units = units;
        setId("summary");
        getStyleClass().add("summary-pane");
        setPadding(new Insets(8));
        headline.setId("summaryHeadline");
        headline.getStyleClass().add("title-3");
        headline.setWrapText(true); // "60024 regions in 14 kinds" is wider than the column on a laptop
        getChildren().addAll(headline, kinds, sums);
        session.snapshotProperty().addListener((o, a, s) -> update());
        units.addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        Snapshot s = session.getSnapshot();
        kinds.getChildren().clear();
        sums.getChildren().clear();
        if (s == null) {
            headline.setText("no process yet");
            return;
        }
        SummaryFigures f = SummaryFigures.of(s);
        headline.setText(f.headline());
        for (Map.Entry<RegionKind, Integer> e : f.perKind()) {
            Label l = new Label(e.getValue() + " " + e.getKey().displayName());
            l.getStyleClass().add("kind-chip");
            kinds.getChildren().add(l);
        }
        for (String line : f.explanations(units.get())) {
            Label l = new Label(line);
            l.setWrapText(true);
            sums.getChildren().add(l);
        }
        Label free = new Label(FreeSpaceText.of(FreeSpace.of(session.regionSet()), MMAP_EXAMPLE, units.get()));
        free.setId("summaryFreeSpace");
        free.setWrapText(true);
        sums.getChildren().add(free);
    }
}
