package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.MemoryUserController;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The default view as the layout tests show it: a main window on a memory-user child, in a stage of
 * its own, with the app's style sheet, no ticks of its own, shown once its table has rows.
 * {@link #close} stops what {@link #show} started, also after a show that failed part way.
 */
final class ChildWindow {

    private MainWindow window;
    private Stage stage;
    private MemoryUserController child;

    /** Shows the window in the scene {@code scene} makes of it on a new stage; returns it once it has rows. */
    MainWindow show(FxRobot robot, BiFunction<MainWindow, Stage, Scene> scene) throws Exception {
        LinuxBackend backend = new LinuxBackend();
        child = MemoryUserController.start();
        robot.interact(() -> {
            window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), Theme.fixed(false));
            window.intervalProperty().set(Duration.hours(1));
            window.attachMemoryUser(child);
            stage = new Stage();
            Scene s = scene.apply(window, stage);
            s.getStylesheets().add(Theme.stylesheet());
            stage.setScene(s);
            stage.show();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.session().getSnapshot() != null
                && !window.table().table().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    Stage stage() {
        return stage;
    }

    void close(FxRobot robot) {
        if (window != null) {
            window.stop();
        }
        if (stage != null) {
            robot.interact(stage::close);
        }
        if (child != null) {
            child.close();
        }
    }

    /** Whether {@code n} is whole inside {@code area} of its scene, and not empty. */
    static boolean inside(Node n, Rectangle2D area) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getMinX() >= area.getMinX() - 0.5 && b.getMinY() >= area.getMinY() - 0.5
                && b.getMaxX() <= area.getMaxX() + 0.5 && b.getMaxY() <= area.getMaxY() + 0.5 && b.getWidth() > 0;
    }

    /** Adds to {@code wrong} unless {@code n} is shown and whole inside its scene. */
    static void inSight(Node n, String what, List<String> wrong) {
        if (n == null || !n.isVisible() || n.getScene() == null) {
            wrong.add(what + " is not shown");
            return;
        }
        Scene s = n.getScene();
        if (!inside(n, new Rectangle2D(0, 0, s.getWidth(), s.getHeight()))) {
            wrong.add(what + " at " + n.localToScene(n.getBoundsInLocal()) + " outside the window's " + s.getWidth() + "x"
                    + s.getHeight());
        }
    }
}
