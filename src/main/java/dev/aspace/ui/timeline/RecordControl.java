package dev.aspace.ui.timeline;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.ByteSize;
import dev.aspace.snapshot.series.Recording;
import dev.aspace.snapshot.series.SeriesRecorder;
import dev.aspace.ui.Background;
import dev.aspace.ui.view.Tips;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import javafx.util.Duration;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The toolbar's Record… toggle: records the live process into a series file.
 * Each frame is one {@link SeriesRecorder#step} submitted through the {@link Background} seam on
 * an FX timer, so /proc is never read on the FX thread and a slow read skips ticks instead of
 * piling them up. Toggling it off (or the process exiting, or the size cap) ends the recording;
 * the frames written are kept, and the banner says where. While recording, the toggle shows the
 * frames and bytes so far ("● 12 · 340 KiB"); pressing it stops.
 */
public final class RecordControl {

    private final MemoryBackend backend;
    private final Background background;
    private final IntSupplier livePid;
    private final Consumer<String> message;
    private final Supplier<Window> owner;
    /** The record dot alone while idle (its tooltip and accessible text say Record…): the toolbar is full. */
    static final String IDLE = "●";
    private final ToggleButton button = new ToggleButton(IDLE);
    private final ReadOnlyObjectWrapper<Recording> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final Timeline ticker = new Timeline();
    private SeriesRecorder recorder;
    private Consumer<Path> finished = f -> { };
    private boolean stepping;

    /**
     * @param livePid the pid on screen, or -1 when the view is not live
     * @param message shows one line in the banner
     */
    public RecordControl(MemoryBackend backend, Background background, IntSupplier livePid, Consumer<String> message,
                         Supplier<Window> owner) {
        this.backend = Objects.requireNonNull(backend);
        this.background = Objects.requireNonNull(background);
        this.livePid = livePid;
        this.message = message;
        this.owner = owner;
        button.setId("record");
        Tips.install(button, "Record…: the live process, a snapshot every few seconds into one file,"
                + " to scrub on a timeline later (Open…); press again to stop");
        button.setStyle("-fx-text-fill: #c62828;");
        button.setAccessibleText("Record…");
        button.setOnAction(e -> {
            if (button.isSelected()) {
                ask();
            } else {
                stop();
            }
        });
    }

    /** Told the file of each recording that ended with frames in it (the window's recent files). */
    public void setOnFinished(Consumer<Path> then) {
        this.finished = Objects.requireNonNull(then);
    }

    public ToggleButton button() {
        return button;
    }

    /** The state after the last frame, or how the last recording ended; null before any. */
    public ReadOnlyObjectProperty<Recording> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public boolean isRecording() {
        return recorder != null;
    }

    private void ask() {
        int pid = livePid.getAsInt();
        if (pid <= 0) {
            button.setSelected(false);
            message.accept("Record needs a live process: choose one with Process… first");
            return;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path suggested = Path.of(System.getProperty("user.home"), "aspace-" + pid + "-" + stamp + ".series");
        RecordDialog dialog = new RecordDialog(suggested, "process " + pid);
        dialog.initOwner(owner.get());
        dialog.showAndWait().ifPresentOrElse(s -> start(pid, s), () -> button.setSelected(false));
    }

    /** Starts recording {@code pid} now (the dialog's OK; tests call it directly). */
    public void start(int pid, RecordSettings settings) {
        if (recorder != null) {
            return;
        }
        recorder = new SeriesRecorder(settings.file(), () -> backend.snapshot(pid, MemoryBackend.Detail.SMAPS),
                settings.every(), settings.maxBytes());
        button.setSelected(true);
        button.setText("● …");
        ticker.getKeyFrames().setAll(new KeyFrame(Duration.millis(settings.every().toMillis()), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        tick();
    }

    private void tick() {
        SeriesRecorder r = recorder;
        if (r == null || stepping) {
            return; // the last frame is still being read: skip this tick rather than queue it
        }
        stepping = true;
        background.submit(r::step, rec -> {
            stepping = false;
            if (r != recorder) {
                return;
            }
            state.set(rec);
            if (rec.stopped()) {
                ended(rec);
            } else {
                button.setText("● " + rec.frames() + " · " + ByteSize.format(rec.bytes()));
            }
        }, t -> {
            stepping = false;
            message.accept(t.getMessage());
        });
    }

    /** Ends the recording; the frames written are kept. */
    public void stop() {
        SeriesRecorder r = recorder;
        if (r == null) {
            return;
        }
        ticker.stop();
        r.requestStop();
        background.submit(r::finish, rec -> {
            if (r == recorder) {
                state.set(rec);
                ended(rec);
            }
        }, t -> message.accept(t.getMessage()));
    }

    private void ended(Recording rec) {
        ticker.stop();
        recorder = null;
        button.setSelected(false);
        button.setText(IDLE);
        message.accept(rec.describe() + (rec.frames() > 0 ? " (Open… shows it on a timeline)" : ""));
        if (rec.frames() > 0) {
            finished.accept(rec.file());
        }
    }
}
