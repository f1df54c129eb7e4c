package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The main window as the window tests show it. */
public final class MainWindows {

    private MainWindows() {
    }

    /**
     * Shows a main window on {@code stage}: the light theme and the app's style sheet, work run at
     * once on the FX thread, no ticks of its own (a test refreshes by hand), and a size inside
     * Monocle's 1280x800 headless screen.
     */
    public static MainWindow show(Stage stage, MemoryBackend backend) {
        Theme theme = Theme.fixed(false);
        MainWindow window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), theme);
        window.intervalProperty().set(Duration.hours(1));
        Scene scene = new Scene(window, 1260, 780);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
