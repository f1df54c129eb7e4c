package dev.aspace.ui.experiments;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.demo.AllocationGuard;
import dev.aspace.demo.Block;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.ChildExit;
import dev.aspace.demo.Experiment;
import dev.aspace.demo.ExperimentResult;
import dev.aspace.demo.Experiments;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.demo.MemoryUserListener;
import dev.aspace.demo.Sizes;
import dev.aspace.model.AspaceException;
import dev.aspace.ui.view.ChoiceMenu;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The allocation controls: change the memory-user child's address space and read what changed.
 * Each action says what to expect, runs off the FX thread, then shows the measured result and
 * tells the {@link Listener} (which refreshes the ribbon and highlights {@code result.focus()}).
 */
public final class AllocationPanel extends VBox {

    /** What the main window hears. Called on the FX thread. */
    public interface Listener {
        /** Something changed: refresh, and highlight {@code result.focus()} (the result holds the new snapshot). */
        void changed(ExperimentResult result);

        /** The child died (OOM kill, kill -9, ...). */
        default void childExited(ChildExit exit) {
        }
    }

    private final MemoryUserController controller;
    private final Experiments experiments;
    private final Listener listener;
    private final Executor executor;

    private final ObservableList<Block> blocks = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ExperimentResult> lastResult = new ReadOnlyObjectWrapper<>(this, "lastResult");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** About the lower rows' height, kept for them until they join (see attachLowerWhenSeen). */
    private static final double LOWER_HEIGHT_GUESS = 420;
    private final VBox lower = new VBox();
    private final javafx.scene.layout.Region lowerSlot = new javafx.scene.layout.Region();
    private final TextField sizeField = new TextField("64");
    private final ChoiceMenu<BlockKind> viaChoice = new ChoiceMenu<>(List.of(BlockKind.MMAP, BlockKind.MALLOC,
            BlockKind.BRK), BlockKind::name);
    private final ChoiceMenu<String> touchChoice = new ChoiceMenu<>(List.of("touch none", "touch once",
            "touch first K %"), t -> t);
    private final Spinner<Integer> percentSpinner = new Spinner<>(0, 100, 50, 10);
    private final CheckBox overcommitBox = new CheckBox("allow overcommit");
    private final ListView<Block> blockList = new ListView<>(blocks);
    private final TextField rateField = new TextField("4");
    private final TextField pageField = new TextField("1");
    private final TextField libraryField = new TextField("libz.so.1");
    private final Label expectLabel = new Label();
    private final Label errorLabel = new Label();
    private final Label rateLabel = new Label();
    private final TextArea resultArea = new TextArea();

    /** Runs experiments on one background thread (in order). */
    public AllocationPanel(MemoryUserController controller, MemoryBackend backend, Listener listener) {
        this(controller, backend, listener, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "allocation-panel");
            t.setDaemon(true);
            return t;
        }));
    }

    /** @param executor where experiments run (never the FX thread: they read /proc and wait for the child) */
    public AllocationPanel(MemoryUserController controller, MemoryBackend backend, Listener listener, Executor executor) {
        this.controller = controller;
        this.experiments = new Experiments(controller, backend, AllocationGuard.DEFAULT);
        this.listener = listener;
        this.executor = executor;
        getStyleClass().add("allocation-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        build();
        controller.addListener(new MemoryUserListener() {
            @Override
            public void event(String name, Map<String, String> fields) {
                if (name.equals("rate")) {
                    Platform.runLater(() -> rateLabel.setText("block " + fields.get("block") + " walking at "
                            + fields.get("mbps") + " MB/s"));
                } else if (name.equals("walked")) {
                    Platform.runLater(() -> rateLabel.setText("block " + fields.get("block") + ": walk done"));
                }
            }

            @Override
            public void exited(ChildExit exit) {
                Platform.runLater(() -> {
                    if (!exit.expected()) {
                        error.set(exit.describe());
                    }
                    setDisable(true);
                    listener.childExited(exit);
                });
            }
        });
    }

    private void build() {
        Label title = new Label("memory-user " + controller.pid());
        title.getStyleClass().add("title-4");
        sizeField.setId("sizeField");
        sizeField.setPrefColumnCount(6);
        viaChoice.setId("viaChoice");
        viaChoice.setValue(BlockKind.MMAP);
        touchChoice.setId("touchChoice");
        touchChoice.setValue("touch once");
        percentSpinner.setId("percentSpinner");
        percentSpinner.setPrefWidth(80);
        percentSpinner.setEditable(true);
        overcommitBox.setId("overcommitBox");
        Button allocate = button("allocateButton", "Allocate", this::allocate);
        FlowPane allocRow = row(new Label("Size (MB)"), sizeField, viaChoice, touchChoice, percentSpinner,
                overcommitBox, allocate);

        blockList.setId("blockList");
        blockList.setPrefHeight(110);
        blockList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Block b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.describe());
            }
        });
        rateField.setPrefColumnCount(4);
        rateField.setId("rateField");
        pageField.setPrefColumnCount(4);
        pageField.setId("pageField");
        FlowPane blockRow = row(
                button("touchButton", "Touch K %", () -> onBlock(b -> experiments.touch(b, percentSpinner.getValue()),
                        Experiment.TOUCH)),
                new Label("rate MB/s"), rateField,
                button("walkButton", "Walk slowly", () -> onBlock(b -> experiments.walk(b, rate(),
                        percentSpinner.getValue()), Experiment.WALK)),
                button("streamButton", "Stream", () -> onBlock(experiments::stream, Experiment.STREAM)),
                button("stopButton", "Stop", () -> onBlock(experiments::stop, Experiment.STOP)),
                button("freeButton", "Free", () -> onBlock(experiments::free, Experiment.FREE)),
                button("mlockButton", "mlock", () -> onBlock(experiments::mlock, Experiment.MLOCK)),
                button("dontNeedButton", "MADV_DONTNEED", () -> onBlock(experiments::dontNeed, Experiment.DONTNEED)),
                new Label("page"), pageField,
                button("protectButton", "mprotect page", () -> onBlock(b -> experiments.protectPage(b, page()),
                        Experiment.PROTECT)));

        libraryField.setId("libraryField");
        libraryField.setPrefColumnCount(10);
        FlowPane otherRow = row(
                button("mapFileButton", "Map file", () -> allocateOther(BlockKind.FILE)),
                button("shmButton", "Shared memory", () -> allocateOther(BlockKind.SHM)),
                button("forkButton", "Fork", () -> run(Experiment.FORK, 0, experiments::fork)),
                button("threadButton", "Thread", () -> run(Experiment.THREAD, 0, experiments::startThread)),
                libraryField,
                button("dlopenButton", "dlopen", () -> {
                    String lib = libraryField.getText().trim();
                    run(Experiment.LOAD_LIBRARY, 0, () -> experiments.loadLibrary(lib));
                }));

        expectLabel.setId("expectLabel");
        expectLabel.setWrapText(true);
        errorLabel.setId("errorLabel");
        errorLabel.setWrapText(true);
        errorLabel.setStyle("-fx-text-fill: -color-danger-fg;");
        errorLabel.textProperty().bind(error);
        errorLabel.visibleProperty().bind(error.isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        rateLabel.setId("rateLabel");
        resultArea.setId("resultArea");
        resultArea.setEditable(false);
        resultArea.setWrapText(false);
        resultArea.setPrefRowCount(9);
        resultArea.setStyle("-fx-font-family: monospace;");
        for (FlowPane p : new FlowPane[] {allocRow, blockRow, otherRow}) {
            p.disableProperty().bind(busy);
        }
        lower.getChildren().addAll(blockList, blockRow, otherRow, rateLabel, resultArea);
        lowerSlot.setPrefHeight(LOWER_HEIGHT_GUESS);
        getChildren().addAll(title, allocRow, errorLabel, expectLabel, lowerSlot);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                attachLowerWhenSeen();
            }
        });
    }

    /**
     * The rows below the allocation row (blocks, walks, other mappings, the log) join the panel
     * when the side column is scrolled to them, or at the first action: at start they lie below
     * the window's edge, and making and styling their list, text area and dozen buttons was part
     * of the first frame's wait (docs/PERFORMANCE.md, start to first frame). A panel that is not
     * in a scroll pane shows them at once.
     */
    private void attachLowerWhenSeen() {
        javafx.scene.Parent p = getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        if (!(p instanceof javafx.scene.control.ScrollPane scroll)) {
            attachLower();
            return;
        }
        // judged after each layout pass (the bounds are final then) until they are in
        javafx.scene.Scene scene = getScene();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            javafx.geometry.Bounds slot = lowerSlot.localToScene(lowerSlot.getLayoutBounds());
            javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
            boolean seen = view.getHeight() > 0 && slot.getMinY() < view.getMaxY();
            if (seen || lowerAttached() || getScene() != scene) {
                Platform.runLater(() -> {
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
            getChildren().addAll(at, java.util.List.copyOf(lower.getChildren()));
        }
    }

    /** Whether the rows below the allocation row are in the panel yet. */
    boolean lowerAttached() {
        return !getChildren().contains(lowerSlot);
    }

    // ---- public API --------------------------------------------------------------------------

    public MemoryUserController controller() {
        return controller;
    }

    /** The blocks the child holds, as shown. */
    public ObservableList<Block> blocks() {
        return FXCollections.unmodifiableObservableList(blocks);
    }

    public ReadOnlyObjectProperty<ExperimentResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    /** The last refusal or failure, "" when the last action went well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while an experiment runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ---- actions -----------------------------------------------------------------------------

    private void allocate() {
        BlockKind kind = viaChoice.getValue();
        long bytes = size();
        if (bytes <= 0) {
            return;
        }
        int percent = switch (touchChoice.getValue()) {
            case "touch none" -> 0;
            case "touch once" -> 100;
            default -> percentSpinner.getValue();
        };
        boolean overcommit = overcommitBox.isSelected();
        run(Experiment.allocating(kind), bytes, () -> experiments.allocate(kind, bytes, percent, overcommit));
    }

    private void allocateOther(BlockKind kind) {
        long bytes = size();
        if (bytes > 0) {
            boolean overcommit = overcommitBox.isSelected();
            run(Experiment.allocating(kind), bytes, () -> experiments.allocate(kind, bytes, 100, overcommit));
        }
    }

    private interface BlockAction {
        ExperimentResult apply(Block b);
    }

    private void onBlock(BlockAction action, Experiment e) {
        Block b = blockList.getSelectionModel().getSelectedItem();
        if (b == null) {
            error.set("Select a block in the list first (allocate one if there is none).");
            return;
        }
        run(e, b.size(), () -> action.apply(b));
    }

    private void run(Experiment e, long bytes, Callable<ExperimentResult> work) {
        attachLower(); // the log and the blocks answer the action
        error.set("");
        expectLabel.setText("Expect: " + e.expectation(bytes));
        busy.set(true);
        executor.execute(() -> {
            try {
                ExperimentResult r = work.call();
                Platform.runLater(() -> show(r));
            } catch (AspaceException ex) {
                Platform.runLater(() -> fail(ex.getMessage()));
            } catch (Exception ex) {
                Platform.runLater(() -> fail(e.title() + " failed: " + ex));
            }
        });
    }

    private void show(ExperimentResult r) {
        busy.set(false);
        Block selected = blockList.getSelectionModel().getSelectedItem();
        blocks.setAll(controller.blocks());
        if (selected != null && blocks.contains(selected)) {
            blockList.getSelectionModel().select(selected);
        } else if (!blocks.isEmpty()) {
            blockList.getSelectionModel().selectLast();
        }
        resultArea.setText("Expected: " + r.expectation() + "\nMeasured:\n" + String.join("\n", r.lines()));
        lastResult.set(r);
        listener.changed(r);
    }

    private void fail(String message) {
        busy.set(false);
        blocks.setAll(controller.blocks());
        error.set(message);
    }

    private long size() {
        try {
            return Sizes.parseMegabytes(sizeField.getText(), "Size");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return -1;
        }
    }

    private double rate() {
        try {
            double r = Double.parseDouble(rateField.getText().trim());
            if (r > 0 && !Double.isInfinite(r)) {
                return r;
            }
        } catch (NumberFormatException e) {
            // fall through to the default
        }
        rateField.setText("4");
        return 4;
    }

    private long page() {
        try {
            return Long.parseLong(pageField.getText().trim());
        } catch (NumberFormatException e) {
            return -1;  // the child names the valid range
        }
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(ev -> action.run());
        return b;
    }

    private static FlowPane row(javafx.scene.Node... nodes) {
        FlowPane p = new FlowPane(6, 4, nodes);
        p.setPadding(new Insets(2, 0, 2, 0));
        return p;
    }
}
