package dev.aspace.ui.timeline;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.Recording;
import dev.aspace.snapshot.series.SeriesReader;
import dev.aspace.snapshot.series.StopReason;
import dev.aspace.testutil.GrowingProcess;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.CutLabels;
import dev.aspace.ui.MainWindow;
import dev.aspace.ui.StatProbe;
import dev.aspace.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline and the Record toggle in the main window (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {

    @TempDir
    static Path dir;
    private static Path file;
    private static List<Snapshot> written;

    private final LinuxBackend backend = new LinuxBackend();
    private MainWindow window;

    @BeforeAll
    static void record() {
        file = dir.resolve("grow.jsonl");
        written = GrowingProcess.recordSeries(file, 3);
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(backend, FrameBackend.live(), Background.direct(), new StatProbe(backend), Theme.fixed(false));
        Scene scene = new Scene(window, 1200, 760);
        scene.getStylesheets().add(Theme.stylesheet()); // the app's sheet, as AspaceApp adds it
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        window.stop();
    }

    @Test
    void theTimelinesHeaderShowsItsButtonsAndFiguresWhole(FxRobot robot) {
        robot.interact(() -> {
            window.getScene().getWindow().setWidth(1100); // narrower than a laptop: the recording here has short names
            window.open(file);
        });
        Slider slider = robot.lookup("#timelineSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(0));
        robot.interact(() -> window.timeline().model().markA());
        robot.interact(() -> slider.setValue(2));
        robot.interact(() -> window.timeline().model().markB());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            window.layout();
            cut.addAll(CutLabels.in(robot.lookup("#timeline").query()));
        });
        assertEquals(List.of(), cut, "cut in the timeline at 1100 px");
    }

    @Test
    void openingASeriesShowsTheTimelineAndScrubbingShowsEachFrame(FxRobot robot) {
        // the view is made when a series opens (the default view never shows one)
        assertTrue(robot.lookup("#timeline").tryQuery().isEmpty(), "no timeline before a series");
        robot.interact(() -> window.open(file));
        assertTrue(robot.lookup("#timeline").query().isVisible());
        Label title = robot.lookup("#timelineTitle").queryAs(Label.class);
        assertTrue(title.getText().startsWith("grow.jsonl · python3 (pid " + written.get(0).process().pid() + ") · 3 frames"),
                title.getText());
        Slider slider = robot.lookup("#timelineSlider").queryAs(Slider.class);
        assertEquals(2, slider.getMax());
        Axis<?> axis = (Axis<?>) slider.lookup(".axis");
        assertTrue(axis.getTickLabelFont().getSize() >= 11, "tick labels readable: " + axis.getTickLabelFont());
        assertEquals("— regions " + written.get(0).regions().size() + " to " + written.get(2).regions().size(),
                robot.lookup("#timelineRegions").queryAs(Label.class).getText());
        TimelineModel model = window.timeline().model();
        for (int k : new int[] {2, 1, 0, 2}) {
            robot.interact(() -> slider.setValue(k));
            Label status = robot.lookup("#timelineStatus").queryAs(Label.class);
            Snapshot frame = written.get(k);
            assertTrue(status.getText().startsWith("frame " + (k + 1) + " of 3 · " + model.time(frame.takenAt())),
                    status.getText());
            assertTrue(status.getText().contains(frame.regions().size() + " regions"), status.getText());
            Snapshot onScreen = window.session().getSnapshot();
            assertEquals(frame.takenAt(), onScreen.takenAt());
            assertEquals(frame.regions(), onScreen.regions());
            assertEquals(frame.regions().size(), window.table().table().rows().size(), "the table shows frame " + k);
        }
        Label badge = robot.lookup("#originBadge").queryAs(Label.class);
        assertTrue(badge.getText().endsWith("file · " + file + "@2"), badge.getText());

        // the keyboard moves one frame at a time
        robot.interact(slider::requestFocus);
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.shownProperty().get());
    }

    @Test
    void markingAAndBAndDiffingOpensTheCompareViewOnTheTwoFrames(FxRobot robot) {
        robot.interact(() -> window.open(file));
        Slider slider = robot.lookup("#timelineSlider").queryAs(Slider.class);
        assertTrue(robot.lookup("#diffAB").query().isDisabled());
        robot.clickOn("#markA");
        robot.interact(() -> slider.setValue(2));
        robot.clickOn("#markB");
        assertEquals("A 1 · B 3", robot.lookup("#timelineMarks").queryAs(Label.class).getText());
        robot.clickOn("#diffAB");
        WaitForAsyncUtils.waitForFxEvents();
        Stage compare = (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && "aspace · compare 2 snapshots".equals(s.getTitle()))
                .findFirst().orElseThrow(() -> new AssertionError("no compare window"));
        Node view = compare.getScene().getRoot();
        ChoiceBox<?> from = (ChoiceBox<?>) view.lookup("#compare-from");
        assertEquals(2, from.getItems().size(), "two ribbons: frames A and B");
        Label summary = (Label) view.lookup("#compare-summary");
        int added = written.get(2).regions().size() - written.get(0).regions().size();
        assertTrue(summary.getText().contains(added + " added"), summary.getText());
        robot.interact(compare::close);
    }

    @Test
    void openingALiveProcessHidesTheTimeline(FxRobot robot) {
        robot.interact(() -> window.open(file));
        assertTrue(robot.lookup("#timeline").query().isVisible());
        try (LiveProcess p = LiveProcess.sleep()) {
            robot.interact(() -> window.openLive(p.pid()));
            assertFalse(robot.lookup("#timeline").query().isVisible());
        }
    }

    @Test
    void recordTogglesRecordingOfTheLiveProcessAndKeepsTheFrames(FxRobot robot) throws Exception {
        robot.clickOn("#record");
        assertFalse(robot.lookup("#record").queryAs(ToggleButton.class).isSelected());
        assertTrue(window.session().errorProperty().get().startsWith("Record needs a live process"));

        Path rec = dir.resolve("live.jsonl");
        try (LiveProcess p = LiveProcess.sleep()) {
            robot.interact(() -> window.openLive(p.pid()));
            robot.interact(() -> window.recorder().start(p.pid(),
                    new RecordSettings(rec, Duration.ofMillis(100), 50L << 20)));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                Recording r = window.recorder().stateProperty().get();
                return r != null && r.frames() >= 3;
            });
            String text = robot.lookup("#record").queryAs(ToggleButton.class).getText();
            assertTrue(text.matches("● \\d+ · \\d.*"), text);
            robot.clickOn("#record");
            WaitForAsyncUtils.waitForFxEvents();
            // while the process still runs: once it is gone, the banner says so instead
            Recording end = window.recorder().stateProperty().get();
            assertEquals(StopReason.STOPPED, end.stop());
            assertFalse(window.recorder().isRecording());
            assertEquals(end.frames(), SeriesReader.open(rec).size());
            assertTrue(window.session().errorProperty().get().startsWith("stopped: recorded " + end.frames() + " frames"),
                    window.session().errorProperty().get());
            assertEquals(RecordControl.IDLE, robot.lookup("#record").queryAs(ToggleButton.class).getText());
            assertEquals(rec, window.recents().get().entries().get(0), "a finished recording joins the recent files");
        }
    }
}
