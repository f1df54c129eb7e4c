package dev.aspace.ui.aslr;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.ui.Background;
import dev.aspace.ui.Theme;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;

/** The ASLR experiment in a window of its own beside the main window. */
public final class AslrWindow {

    private final Stage stage = new Stage();
    private final AslrViewModel model;
    private final AslrView view;

    private AslrWindow(Window owner, MemoryBackend backend, Background background, Consumer<List<Snapshot>> compare) {
        model = new AslrViewModel(backend, background);
        view = new AslrView(model, compare, () -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the run snapshots");
            File dir = chooser.showDialog(stage);
            return dir == null ? null : dir.toPath();
        });
        stage.initOwner(owner);
        stage.setTitle("aspace · ASLR experiment");
        // wide enough for five runs' bases and slides, but never past the screen
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene((Parent) view.node(), Math.min(1480, screen.getWidth() - 40),
                Math.min(900, screen.getHeight() - 60));
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        // a run in progress ends with its child killed by the runner; no more are started
        stage.setOnHidden(e -> model.cancel());
        stage.getProperties().put(AslrWindow.class, this); // found again from the stage (tests, screenshots)
    }

    /**
     * Opens the window and reads the machine's randomize_va_space.
     *
     * @param compare opens the compare view of the run snapshots (the main window's)
     */
    public static AslrWindow open(Window owner, MemoryBackend backend, Background background,
                                  Consumer<List<Snapshot>> compare) {
        AslrWindow w = create(owner, backend, background, compare);
        w.stage.show();
        w.model.readMachine();
        return w;
    }

    /** The window, not shown yet (its machine settings are read by {@link AslrViewModel#readMachine()}). */
    public static AslrWindow create(Window owner, MemoryBackend backend, Background background,
                                    Consumer<List<Snapshot>> compare) {
        return new AslrWindow(owner, backend, background, compare);
    }

    /** The ASLR window a stage made here shows, or null. */
    public static AslrWindow of(Stage stage) {
        return (AslrWindow) stage.getProperties().get(AslrWindow.class);
    }

    public Stage stage() {
        return stage;
    }

    public AslrViewModel model() {
        return model;
    }

    public AslrView view() {
        return view;
    }
}
