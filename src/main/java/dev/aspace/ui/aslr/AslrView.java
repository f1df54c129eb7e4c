package dev.aspace.ui.aslr;

import atlantafx.base.theme.Styles;
import dev.aspace.model.ByteSize;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.aslr.AslrDistance;
import dev.aspace.snapshot.aslr.AslrEntropy;
import dev.aspace.snapshot.aslr.AslrGroup;
import dev.aspace.snapshot.aslr.AslrObject;
import dev.aspace.snapshot.aslr.AslrReport;
import dev.aspace.snapshot.aslr.AslrText;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The ASLR experiment: the setup on top (runs, command, delay or ready line, ASLR off), then the
 * machine's randomize_va_space beside the result: per object its base in every run, the slide
 * from the first run, the entropy configured beside the spread seen, and the alignment; below, distances between
 * objects per run. "Compare ribbons" shows the runs side by side; "Save runs…" keeps them.
 */
public final class AslrView {

    private final AslrViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<AslrObject> objects = new TableView<>();
    private final TableView<AslrDistance> distances = new TableView<>();
    private final TableView<String[]> groups = new TableView<>();

    /**
     * @param compare  opens the compare view of the run snapshots
     * @param chooseDir asks the user for a folder to save the runs in (null: cancelled)
     */
    public AslrView(AslrViewModel model, Consumer<List<Snapshot>> compare, Supplier<Path> chooseDir) {
        this.model = model;
        root.setId("aslr-view");
        root.setTop(new VBox(setup(), machine()));
        objects.setId("aslr-objects");
        distances.setId("aslr-distances");
        objects.setPlaceholder(new Label("Run the experiment to see where each object lands"));
        distances.setPlaceholder(new Label("Distances between objects per run"));
        objects.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        distances.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        groups.setId("aslr-groups");
        groups.setPlaceholder(new Label("Objects whose distances stay the same in every run"));
        groups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (int c = 0; c < 3; c++) {
            int col = c;
            TableColumn<String[], String> column = text(new String[] {"group", "object", "offset from the first"}[c],
                    row -> row[col]);
            column.setPrefWidth(c == 1 ? 220 : c == 2 ? 160 : 110);
            if (c == 2) {
                column.setMinWidth(150); // its header whole ("offset from the first")
            }
            groups.getColumns().add(column);
        }
        model.entropyProperty().addListener(o -> objects.refresh());
        SplitPane lower = new SplitPane(titled("Distances between objects (to − from)", distances),
                titled("Leak one, know all: distances fixed in every run", groups));
        SplitPane tables = new SplitPane(titled("Objects: configured entropy, spread seen, base per run, slide from run 1",
                objects), lower);
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.64);
        // dense rows: every object (exe to vdso) shows at 1280x800 without scrolling
        for (TableView<?> t : List.of(objects, distances, groups)) {
            t.getStyleClass().add(Styles.DENSE);
        }
        root.setCenter(tables);
        root.setBottom(actions(compare, chooseDir));
        model.reportProperty().addListener((o, a, r) -> show(r));
    }

    public Node node() {
        return root;
    }

    public TableView<AslrObject> objectsTable() {
        return objects;
    }

    public TableView<AslrDistance> distancesTable() {
        return distances;
    }

    private Node setup() {
        Spinner<Integer> runs = new Spinner<>(1, AslrSetup.MAX_RUNS, model.runsProperty().get());
        runs.setId("aslr-runs");
        runs.setEditable(true);
        runs.setPrefWidth(90);
        runs.valueProperty().addListener((o, a, b) -> model.runsProperty().set(b));
        model.runsProperty().addListener((o, a, b) -> runs.getValueFactory().setValue(b.intValue()));

        TextField command = new TextField();
        command.setId("aslr-command");
        command.setPromptText("empty: the memory-user child; or a command line, e.g. /bin/sleep 600");
        command.textProperty().bindBidirectional(model.commandProperty());
        HBox.setHgrow(command, Priority.ALWAYS);

        Spinner<Integer> delay = new Spinner<>(0, (int) AslrSetup.MAX_DELAY_MS, (int) model.delayMsProperty().get(), 100);
        delay.setId("aslr-delay");
        delay.setEditable(true);
        delay.setPrefWidth(110);
        delay.valueProperty().addListener((o, a, b) -> model.delayMsProperty().set(b));
        model.delayMsProperty().addListener((o, a, b) -> delay.getValueFactory().setValue(b.intValue()));
        delay.setTooltip(new Tooltip("Milliseconds after the exec before each snapshot; a program that stops"
                + " itself (SIGSTOP) is snapshotted at once"));

        TextField ready = new TextField();
        ready.setId("aslr-ready");
        ready.setPromptText("or when it prints a line starting with…");
        ready.textProperty().bindBidirectional(model.readyLineProperty());
        ready.disableProperty().bind(model.commandProperty().isEmpty());

        CheckBox off = new CheckBox("ASLR off for the child (personality ADDR_NO_RANDOMIZE, as setarch -R)");
        off.setId("aslr-off");
        off.setMnemonicParsing(false); // ADDR_NO_RANDOMIZE keeps its underscores
        off.selectedProperty().bindBidirectional(model.noAslrProperty());

        Button run = new Button("Run");
        run.setId("aslr-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.start());
        Button cancel = new Button("Cancel");
        cancel.setId("aslr-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        // the app's busy sign (the screenshot waits until no window shows one)
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("aslr-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("aslr-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(160);
        Label status = new Label();
        status.setId("aslr-status");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("Command"), command);
        GridPane.setColumnSpan(command, 5);
        GridPane.setHgrow(command, Priority.ALWAYS);
        g.addRow(1, new Label("Runs"), runs, new Label("Snapshot after (ms)"), delay, ready);
        GridPane.setHgrow(ready, Priority.ALWAYS);
        g.add(off, 1, 2, 5, 1);
        HBox controls = new HBox(8, run, cancel, progress, busy, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        g.add(controls, 1, 3, 5, 1);
        return g;
    }

    /** The machine's setting beside the result: what randomization the children could get at all. */
    private Node machine() {
        Label l = new Label();
        l.setId("aslr-machine");
        l.getStyleClass().add("badge");
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            int v = model.randomizeVaSpaceProperty().get();
            AslrReport r = model.reportProperty().get();
            String machine = "this machine: randomize_va_space = " + AslrReport.meaning(v);
            return r == null ? machine : machine + "   ·   runs: " + (r.randomizationOff()
                    ? "ASLR off for the children (ADDR_NO_RANDOMIZE)" : "ASLR as the machine sets it");
        }, model.randomizeVaSpaceProperty(), model.reportProperty()));
        HBox box = new HBox(l);
        box.setPadding(new Insets(0, 10, 8, 10));
        return box;
    }

    private static Node titled(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("text-bold");
        VBox box = new VBox(4, l, content);
        box.setPadding(new Insets(4, 10, 4, 10));
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private Node actions(Consumer<List<Snapshot>> compare, Supplier<Path> chooseDir) {
        Button ribbons = new Button("Compare ribbons");
        ribbons.setId("aslr-compare");
        ribbons.setTooltip(new Tooltip("The runs side by side as parallel ribbons, matched regions joined"));
        ribbons.setOnAction(e -> compare.accept(model.snapshotsProperty().get()));
        ribbons.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.runningProperty().get() || model.snapshotsProperty().get().size() < 2,
                model.runningProperty(), model.snapshotsProperty()));
        Button save = new Button("Save runs…");
        save.setId("aslr-save");
        save.setTooltip(new Tooltip("Save each run's snapshot as a .json file in a folder"));
        save.setOnAction(e -> {
            Path dir = chooseDir.get();
            if (dir != null) {
                model.saveRuns(dir);
            }
        });
        save.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.runningProperty().get() || model.snapshotsProperty().get().isEmpty(),
                model.runningProperty(), model.snapshotsProperty()));
        HBox box = new HBox(8, ribbons, save);
        box.setPadding(new Insets(8, 10, 10, 10));
        return box;
    }

    private void show(AslrReport r) {
        showGroups(r);
        objects.getColumns().clear();
        distances.getColumns().clear();
        if (r == null) {
            objects.getItems().clear();
            distances.getItems().clear();
            return;
        }
        TableColumn<AslrObject, String> name = text("Object", o -> AslrText.shortName(o.name()));
        name.setId("aslr-col-object");
        name.setPrefWidth(190);
        objects.getColumns().add(name);
        // how random first (configured bits, spread seen, flag): the bases per run may need scrolling
        TableColumn<AslrObject, String> configured = text("configured bits", o -> entropyOf(o)
                .map(e -> e.configured() < 0 ? "?" : e.effective() == e.configured() ? Integer.toString(e.configured())
                        : e.effective() + " of " + e.configured()).orElse(""));
        configured.setId("aslr-col-configured");
        configured.setPrefWidth(140);
        configured.setMinWidth(140); // its header whole, in bold
        objects.getColumns().add(configured);
        TableColumn<AslrObject, Integer> bits = new TableColumn<>("spread bits");
        bits.setId("aslr-col-bits");
        bits.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                AslrEntropy.spreadBits(c.getValue(), Math.max(4096, c.getValue().alignment()))));
        bits.setPrefWidth(115);
        bits.setMinWidth(115);
        objects.getColumns().add(bits);
        TableColumn<AslrObject, String> flag = text("less than configured", o -> entropyOf(o)
                .map(e -> e.flag().isEmpty() ? "-" : e.flag()).orElse(""));
        flag.setId("aslr-col-flag");
        flag.setPrefWidth(190);
        objects.getColumns().add(flag);
        TableColumn<AslrObject, String> align = text("alignment", o -> o.alignment() == 0 ? "-"
                : ByteSize.formatUnsigned(o.alignment()));
        align.setId("aslr-col-alignment");
        align.setPrefWidth(110);
        objects.getColumns().add(align);
        for (int i = 0; i < r.runs(); i++) {
            int run = i;
            TableColumn<AslrObject, String> group = new TableColumn<>(
                    "Run " + (i + 1) + (i < r.pids().size() ? " (pid " + r.pids().get(i) + ")" : ""));
            TableColumn<AslrObject, Long> base = hex("base", o -> o.bases().get(run), false);
            base.setId("aslr-base-" + run);
            if (i == 0) {
                base.setPrefWidth(175); // alone under its "Run 1 (pid N)" header
            }
            group.getColumns().add(base);
            if (i > 0) {
                TableColumn<AslrObject, Long> slide = hex("slide", o -> o.slide(run), true);
                slide.setId("aslr-slide-" + run);
                group.getColumns().add(slide);
            }
            objects.getColumns().add(group);
        }
        objects.setItems(FXCollections.observableArrayList(r.objects()));

        TableColumn<AslrDistance, String> pair = new TableColumn<>("from → to");
        pair.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(AslrText.shortName(c.getValue().from()) + " → "
                + AslrText.shortName(c.getValue().to())));
        pair.setPrefWidth(260);
        distances.getColumns().add(pair);
        for (int i = 0; i < r.runs(); i++) {
            int run = i;
            TableColumn<AslrDistance, Long> d = hex("Run " + (i + 1), x -> x.distances().get(run), true);
            d.setId("aslr-distance-" + run);
            distances.getColumns().add(d);
        }
        TableColumn<AslrDistance, String> fixed = new TableColumn<>("fixed");
        fixed.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fixed() ? "yes" : "no"));
        fixed.setPrefWidth(70);
        distances.getColumns().add(fixed);
        distances.setItems(FXCollections.observableArrayList(r.distances()));
    }

    private Optional<AslrEntropy> entropyOf(AslrObject o) {
        return model.entropyProperty().get().stream().filter(e -> e.object().equals(o.name())).findFirst();
    }

    /** "Leak one, know all": each group's members with their offsets from the first. */
    private void showGroups(AslrReport r) {
        List<String[]> rows = new ArrayList<>();
        int n = 1;
        for (AslrGroup g : r == null ? List.<AslrGroup>of() : AslrGroup.of(r)) {
            for (int i = 0; i < g.members().size(); i++) {
                rows.add(new String[] {i == 0 ? "group " + n : "", AslrText.shortName(g.members().get(i)),
                    i == 0 ? "known" : AslrText.signedHex(g.offsets().get(i))});
            }
            n++;
        }
        groups.setItems(FXCollections.observableArrayList(rows));
    }

    private static <S> TableColumn<S, String> text(String title, Function<S, String> f) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        return c;
    }

    /** An address (0x7f…) or a signed distance (+0x1000), in the mono font; "-" where a run lacks it. */
    private static <S> TableColumn<S, Long> hex(String title, Function<S, Long> f, boolean signed) {
        TableColumn<S, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? "-" : signed ? AslrText.signedHex(v) : "0x" + Long.toHexString(v));
            }
        });
        c.getStyleClass().add("mono");
        c.setPrefWidth(150); // 0x7ffd12345000 and -0x15c06c000 whole
        return c;
    }
}
