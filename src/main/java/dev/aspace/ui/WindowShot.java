package dev.aspace.ui;

import dev.aspace.model.Snapshot;
import dev.aspace.ui.vm.SessionModel;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code -Daspace.screenshot=FILE.png}: saves the newest window's scene as a PNG (the compare
 * view or the lab when the start options opened one, else the main window), then quits. It waits
 * until the main view has read smaps, every window the options open is showing and none of them
 * shows a busy indicator (a lab action still measuring), then the delay (animations settle).
 */
final class WindowShot {

    /** Past this, the picture is taken anyway: a stuck window is better seen than waited for. */
    private static final Duration GIVE_UP = Duration.seconds(90);

    private final SessionModel session;
    private final int windows;
    private final Path file;
    private final Duration delay;

    private WindowShot(SessionModel session, int windows, Path file, Duration delay) {
        this.session = session;
        this.windows = windows;
        this.file = file;
        this.delay = delay;
    }

    /**
     * @param windows how many windows the start options open in all (1: the main window only)
     */
    static void whenReady(SessionModel session, int windows, Path file, long delayMs) {
        WindowShot shot = new WindowShot(session, windows, file, Duration.millis(delayMs));
        session.snapshotProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Snapshot> o, Snapshot a, Snapshot s) {
                if (s == null || s.regions().isEmpty() || s.regions().get(0).smaps() == null) {
                    return;
                }
                session.snapshotProperty().removeListener(this);
                shot.waitForWindows();
            }
        });
    }

    private void waitForWindows() {
        long since = System.nanoTime();
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(200), e -> {
            List<Stage> stages = stages();
            boolean late = (System.nanoTime() - since) / 1e6 > GIVE_UP.toMillis();
            if (late || stages.size() >= windows && !busy(stages.get(stages.size() - 1).getScene())) {
                poll.stop();
                PauseTransition wait = new PauseTransition(delay);
                wait.setOnFinished(done -> save(stages().get(stages().size() - 1).getScene()));
                wait.play();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    /** The showing stages, oldest first (tooltips and menus are windows too, but not stages). */
    private static List<Stage> stages() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).map(w -> (Stage) w)
                .toList();
    }

    private static boolean busy(Scene scene) {
        return scene.getRoot().lookupAll(".progress-indicator").stream().anyMatch(Node::isVisible);
    }

    private void save(Scene scene) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
        } catch (IOException ex) {
            session.reportError(ex);
            return;
        }
        Platform.exit();
    }
}
