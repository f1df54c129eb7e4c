package dev.aspace.ui.lab;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.demo.AllocationGuard;
import dev.aspace.demo.Experiments;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.lab.AddressSpacesLab;
import dev.aspace.lab.LiveLabRunner;
import dev.aspace.ui.Background;
import dev.aspace.ui.Secondary;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The guided lab in a window of its own beside the main window, so the map and the gauge stay
 * in view while the student predicts, acts and reads the reveal.
 */
public final class LabWindow {

    private LabWindow() {
    }

    /**
     * Opens the lab on the app's memory-user child.
     *
     * @param afterAction run on the FX thread after each action (the main window refreshes)
     */
    public static Stage open(Window owner, MemoryUserController child, MemoryBackend backend, Background background,
                             Runnable afterAction) {
        return open(owner, child, backend, background, afterAction, 0, false);
    }

    /**
     * Opens the lab at step {@code first} (0-based); with {@code act}, that step's action starts at
     * once, without a prediction (the screenshot script shows a reveal with this).
     */
    public static Stage open(Window owner, MemoryUserController child, MemoryBackend backend, Background background,
                             Runnable afterAction, int first, boolean act) {
        Stage stage = make(owner, child, backend, background, afterAction, first);
        stage.show();
        if (act) {
            act(stage);
        }
        return stage;
    }

    /**
     * The lab's window at step {@code first} (0-based), placed beside its owner and not shown yet.
     */
    public static Stage make(Window owner, MemoryUserController child, MemoryBackend backend, Background background,
                             Runnable afterAction, int first) {
        LiveLabRunner runner = new LiveLabRunner(new Experiments(child, backend, AllocationGuard.DEFAULT), backend);
        LabViewModel model = new LabViewModel(AddressSpacesLab.steps(), runner, background);
        model.afterActionProperty().set(afterAction);
        for (int i = 0; i < first && model.hasNext(); i++) {
            model.next();
        }
        ScrollPane scroll = new ScrollPane(new LabView(model).node());
        scroll.setFitToWidth(true);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("aspace · Address Spaces lab");
        Rectangle2D screen = Secondary.screenOf(owner);
        stage.setScene(new Scene(scroll, Math.min(560, screen.getWidth() / 2), Math.min(640, screen.getHeight() - 40)));
        stage.getProperties().put(LabViewModel.class, model);
        // beside the main window, so the map and the gauge stay in view while the step runs
        Secondary.placeBeside(stage, owner);
        return stage;
    }

    /** Starts the current step's action of a lab window made here. */
    public static void act(Stage lab) {
        ((LabViewModel) lab.getProperties().get(LabViewModel.class)).act();
    }
}
