package dev.aspace.ui.experiments;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.demo.Block;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.Experiment;
import dev.aspace.demo.ExperimentResult;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.ui.Background;
import dev.aspace.ui.frames.ForkFrames;
import dev.aspace.ui.view.ChoiceMenu;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The allocation controls, a view of an {@link AllocationModel}: change the memory-user child's
 * address space and read what changed. Every field is labelled with what it is and its unit; the
 * log wraps, newest result first, so the "Measured" lines are in view.
 */
public final class AllocationPanel extends VBox {

    /** What the main window hears. Called on the FX thread. */
    public interface Listener extends AllocationModel.Listener {
    }

    private final AllocationModel model;
    private final FrameBackend frames;

    /** About the lower rows' height, kept for them until they join (see attachLowerWhenSeen). */
    private static final double LOWER_HEIGHT_GUESS = 420;
    private final VBox lower = new VBox(6);
    private final Region lowerSlot = new Region();
    private final TextField sizeField = new TextField();
    private final ChoiceMenu<BlockKind> viaChoice = new ChoiceMenu<>(List.of(BlockKind.MMAP, BlockKind.MALLOC,
            BlockKind.BRK), BlockKind::name);
    private final ChoiceMenu<AllocationModel.TouchChoice> touchChoice = new ChoiceMenu<>(
            List.of(AllocationModel.TouchChoice.values()), AllocationModel.TouchChoice::label);
    private final Spinner<Integer> percentSpinner = new Spinner<>(0, 100, 50, 10);
    private final CheckBox overcommitBox = new CheckBox("allow overcommit");
    private final ListView<Block> blockList = new ListView<>();
    private final TextField rateField = new TextField();
    private final TextField pageField = new TextField();
    private final TextField libraryField = new TextField();
    private final Label expectLabel = new Label();
    private final Label errorLabel = new Label();
    private final Label rateLabel = new Label();
    private final TextArea resultArea = new TextArea();
    private final CheckBox limitBox = new CheckBox("run under a limit of");
    private final TextField limitField = new TextField();

    /**
     * Runs experiments on the background threads of its own {@link Background}.
     *
     * @param frames where the fork's frames are read, shown beside the block after a fork
     */
    public AllocationPanel(MemoryUserController controller, MemoryBackend backend, FrameBackend frames,
                           Listener listener) {
        this.model = new AllocationModel(controller, backend, Background.threads(), listener);
        this.frames = frames;
        getStyleClass().add("allocation-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        build();
    }

    private void build() {
        Label title = new Label("memory-user " + model.controller().pid());
        title.getStyleClass().add("title-4");
        sizeField.setId("sizeField");
        sizeField.setPrefColumnCount(6);
        sizeField.textProperty().bindBidirectional(model.sizeProperty());
        Tooltip.install(sizeField, new Tooltip("A plain number is MiB (2^20 bytes); or with a unit: 512K, 64M, 1G,"
                + " 100MiB. MB and GB mean 10^6 and 10^9 bytes."));
        viaChoice.setId("viaChoice");
        viaChoice.valueProperty().bindBidirectional(model.viaProperty());
        touchChoice.setId("touchChoice");
        touchChoice.valueProperty().bindBidirectional(model.touchProperty());
        percentSpinner.setId("percentSpinner");
        percentSpinner.setPrefWidth(80);
        percentSpinner.setEditable(true);
        percentSpinner.getValueFactory().setValue(model.percentProperty().get());
        percentSpinner.valueProperty().addListener((o, a, v) -> model.percentProperty().set(v));
        overcommitBox.setId("overcommitBox");
        overcommitBox.selectedProperty().bindBidirectional(model.overcommitProperty());
        Button allocate = button("allocateButton", "Allocate", model::allocate);
        FlowPane allocRow = row(labelled("Size (MiB)", sizeField), labelled("via", viaChoice), touchChoice,
                percentGroup(), overcommitBox, allocate);

        blockList.setId("blockList");
        blockList.setItems(model.blocks());
        blockList.setPrefHeight(110);
        blockList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Block b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.describe());
            }
        });
        // the list's selection and the model's chosen block, kept in step both ways
        blockList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedBlockProperty().set(b);
            }
        });
        model.selectedBlockProperty().addListener((o, a, b) -> {
            if (b != blockList.getSelectionModel().getSelectedItem()) {
                blockList.getSelectionModel().select(b);
            }
        });
        Label blocksLabel = caption("Blocks memory-user holds", blockList);
        rateField.setPrefColumnCount(4);
        rateField.setId("rateField");
        rateField.textProperty().bindBidirectional(model.rateProperty());
        pageField.setPrefColumnCount(4);
        pageField.setId("pageField");
        pageField.textProperty().bindBidirectional(model.pageProperty());
        FlowPane blockRow = row(
                button("touchButton", "Touch K %", model::touch),
                labelled("rate (MiB/s)", rateField),
                button("walkButton", "Walk slowly", model::walk),
                button("streamButton", "Stream", model::stream),
                button("stopButton", "Stop", model::stop),
                button("freeButton", "Free", model::free),
                button("mlockButton", "mlock", model::mlock),
                button("dontNeedButton", "MADV_DONTNEED", model::dontNeed),
                labelled("page #", pageField),
                button("protectButton", "mprotect page", model::protectPage));

        libraryField.setId("libraryField");
        libraryField.setPrefColumnCount(10);
        libraryField.textProperty().bindBidirectional(model.libraryProperty());
        Button forkWrite = button("forkWriteButton", "Fork writes", model::forkWrite);
        forkWrite.setTooltip(new Tooltip("The newest fork writes its copy of the chosen block page by page at the rate"
                + " above: copy-on-write gives each page a frame of its own"));
        FlowPane otherRow = row(
                button("mapFileButton", "Map file", () -> model.allocateOther(BlockKind.FILE)),
                button("shmButton", "Shared memory", () -> model.allocateOther(BlockKind.SHM)),
                button("forkButton", "Fork", model::fork),
                forkWrite,
                button("threadButton", "Thread", model::startThread),
                labelled("library", libraryField),
                button("dlopenButton", "dlopen", model::loadLibrary));

        // a fork (and its writing) shows at the frame level: the block beside the fork's copy, live
        model.lastResultProperty().addListener((o, a, r) -> {
            Block b = model.selectedBlockProperty().get();
            if (r != null && b != null && getScene() != null
                    && (r.experiment() == Experiment.FORK || r.experiment() == Experiment.FORK_WRITE)) {
                ForkFrames.show(getScene().getWindow(), frames, model.controller(), b);
            }
        });
        expectLabel.setId("expectLabel");
        expectLabel.setWrapText(true);
        expectLabel.textProperty().bind(model.expectationProperty());
        errorLabel.setId("errorLabel");
        errorLabel.setWrapText(true);
        errorLabel.setStyle("-fx-text-fill: -color-danger-fg;");
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        rateLabel.setId("rateLabel");
        rateLabel.textProperty().bind(model.walkStatusProperty());
        resultArea.setId("resultArea");
        resultArea.setEditable(false);
        resultArea.setWrapText(true);
        resultArea.setPrefRowCount(12);
        resultArea.setStyle("-fx-font-family: monospace;");
        resultArea.textProperty().bind(model.logProperty());
        resultArea.textProperty().addListener((o, a, b) -> resultArea.setScrollTop(0)); // the newest is on top
        Label logLabel = caption("Log: expected, then measured (newest first)", resultArea);
        // once the child is gone only the limit row stays: it starts the next one
        for (Node n : new Node[] {allocRow, blockRow, otherRow, blockList}) {
            n.disableProperty().bind(model.busyProperty().or(model.exitedProperty()));
        }
        lower.getChildren().addAll(blocksLabel, blockList, blockRow, otherRow, rateLabel, logLabel, resultArea);
        lowerSlot.setPrefHeight(LOWER_HEIGHT_GUESS);
        getChildren().addAll(title, limitRow(), allocRow, errorLabel, expectLabel, lowerSlot);
        // the log and the blocks answer the first action
        model.expectationProperty().addListener(o -> attachLower());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                attachLowerWhenSeen();
            }
        });
    }

    /**
     * "run under a limit of N MiB" and Restart: the next child runs in a memory cgroup of its own
     * below aspace's, so allocating past N shows what the kernel does at a container's limit.
     */
    private Node limitRow() {
        limitBox.setId("limitBox");
        limitBox.selectedProperty().bindBidirectional(model.limitedProperty());
        limitField.setId("limitField");
        limitField.setPrefColumnCount(3);
        limitField.textProperty().bindBidirectional(model.limitProperty());
        limitField.disableProperty().bind(model.limitedProperty().not());
        Tooltip.install(limitField, new Tooltip("The memory cgroup's limit: a plain number is MiB; or 512K, 1G."
                + " Needs root or a delegated cgroup v2 subtree."));
        Label unit = new Label("MiB");
        unit.setLabelFor(limitField);
        Button restart = button("restartButton", "Restart memory-user", model::restart);
        Label status = new Label(model.limitStatus());
        status.setId("limitStatus");
        status.getStyleClass().add("text-muted");
        if (!model.cgroupPath().isEmpty()) {
            Tooltip.install(status, new Tooltip("cgroup " + model.cgroupPath() + ", removed when the child ends"));
        }
        HBox field = new HBox(4, limitBox, limitField, unit);
        field.setAlignment(Pos.CENTER_LEFT);
        return row(field, restart, status);
    }

    /** "touch first K %": the K of the choice is this spinner, in per cent of the block. */
    private Node percentGroup() {
        Label k = new Label("K");
        k.setLabelFor(percentSpinner);
        Label unit = new Label("%");
        HBox box = new HBox(4, k, percentSpinner, unit);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("percentGroup");
        Tooltip.install(percentSpinner, new Tooltip("K: the per cent of the block that \"touch first K %\","
                + " Touch K % and Walk slowly write"));
        return box;
    }

    /** A field with its name before it (and read by screen readers as its label). */
    private static Node labelled(String name, Control field) {
        Label l = new Label(name);
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(4, l, field);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A caption above a list or text area, its label for screen readers. */
    private static Label caption(String text, Control of) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setLabelFor(of);
        l.setWrapText(true);
        return l;
    }

    /**
     * The rows below the allocation row (blocks, walks, other mappings, the log) join the panel
     * when the side column is scrolled to them, or at the first action: at start they lie below
     * the window's edge, and making and styling their list, text area and dozen buttons was part
     * of the first frame's wait (docs/PERFORMANCE.md, start to first frame). A panel that is not
     * in a scroll pane shows them at once.
     */
    private void attachLowerWhenSeen() {
        Parent p = getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (!(p instanceof ScrollPane scroll)) {
            attachLower();
            return;
        }
        // judged after each layout pass (the bounds are final then) until they are in
        Scene scene = getScene();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            Bounds slot = lowerSlot.localToScene(lowerSlot.getLayoutBounds());
            Bounds view = scroll.localToScene(scroll.getLayoutBounds());
            boolean seen = view.getHeight() > 0 && slot.getMinY() < view.getMaxY();
            if (seen || lowerAttached() || getScene() != scene) {
                Background.onFx(() -> {
                    scene.removePostLayoutPulseListener(check[0]);
                    if (seen) {
                        attachLower();
                    }
                });
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    /** Puts the lower rows in place of the slot that stood for them (once). */
    void attachLower() {
        int at = getChildren().indexOf(lowerSlot);
        if (at >= 0) {
            getChildren().remove(at);
            getChildren().addAll(at, List.copyOf(lower.getChildren()));
        }
    }

    /** Whether the rows below the allocation row are in the panel yet. */
    boolean lowerAttached() {
        return !getChildren().contains(lowerSlot);
    }

    // ---- public API --------------------------------------------------------------------------

    public AllocationModel model() {
        return model;
    }

    public MemoryUserController controller() {
        return model.controller();
    }

    /** The blocks the child holds, as shown. */
    public ObservableList<Block> blocks() {
        return model.blocks();
    }

    public ReadOnlyObjectProperty<ExperimentResult> lastResultProperty() {
        return model.lastResultProperty();
    }

    /** The last refusal or failure, "" when the last action went well. */
    public ReadOnlyStringProperty errorProperty() {
        return model.errorProperty();
    }

    /** True while an experiment runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return model.busyProperty();
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(ev -> action.run());
        return b;
    }

    private static FlowPane row(Node... nodes) {
        FlowPane p = new FlowPane(6, 4, nodes);
        p.setPadding(new Insets(2, 0, 2, 0));
        return p;
    }
}
