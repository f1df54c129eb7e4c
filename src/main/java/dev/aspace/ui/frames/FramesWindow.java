package dev.aspace.ui.frames;

import dev.aspace.backend.FrameBackend;
import dev.aspace.frames.FrameSummary;
import dev.aspace.model.Region;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.List;
import java.util.function.Supplier;

/**
 * Behind the abstraction: the selected region's pages, the physical frames under them and those
 * of another process (a fork of the memory-user: copy-on-write appears live, page by page, as one
 * side writes; or another process mapping the same library: one copy in RAM), with the sharing
 * line. Refreshed every second off the FX thread; without root it says what it cannot show.
 */
public final class FramesWindow {

    private static Stage open;

    private FramesWindow() {
    }

    private static int openPid;
    private static Region openRegion;

    /**
     * Opens (or retargets) the one physical-memory window.
     *
     * @param forks the memory-user's forks alive now (asked at each refresh, so a fork made later is found)
     */
    public static void show(Window owner, FrameBackend backend, int pid, Region region, Supplier<List<Integer>> forks) {
        if (open != null) {
            open.close();
        }
        openPid = pid;
        openRegion = region;
        Stage stage = new Stage();
        String title = "Frames — pid " + pid + " " + (region.path().isEmpty() ? region.label() : region.path());
        stage.setTitle(title + " (reading…)"); // until the first reading shows
        if (owner != null) {
            stage.initOwner(owner);
        }
        View view = new View(backend, pid, region, forks);
        stage.setScene(new Scene(view.root, 1000, 520));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setOnHidden(e -> view.refresher.cancel());
        view.refresher.lastValueProperty().addListener((o, a, b) -> stage.setTitle(title));
        open = stage;
        stage.show();
        view.refresher.start();
    }

    /** Raises the window when it shows this range of this process; false when it does not. */
    static boolean raise(int pid, Region region) {
        if (open == null || !open.isShowing() || openPid != pid || openRegion.start() != region.start()
                || openRegion.end() != region.end()) {
            return false;
        }
        open.toFront();
        return true;
    }

    /** The window's content; package-private for the tests. */
    static final class View {
        final BorderPane root = new BorderPane();
        final Label sharing = new Label();
        final Label summary = new Label();
        final Label privilege = new Label();
        final PhysicalCanvas canvas = new PhysicalCanvas();
        final TextField otherPid = new TextField();
        final ScheduledService<FramePair> refresher;
        private volatile int other;

        View(FrameBackend backend, int pid, Region region, Supplier<List<Integer>> forks) {
            sharing.setId("sharingLine");
            sharing.getStyleClass().add("title-4");
            summary.setId("framesSummary");
            summary.setWrapText(true);
            privilege.setWrapText(true);
            otherPid.setPromptText("PID");
            otherPid.setPrefColumnCount(7);
            Button apply = new Button("Compare");
            apply.setOnAction(e -> {
                try {
                    other = Integer.parseInt(otherPid.getText().strip());
                    summary.setText("reading pid " + other + "…");
                } catch (NumberFormatException ex) {
                    summary.setText("'" + otherPid.getText() + "' is not a process id: type a number, e.g. 4711");
                }
            });
            HBox controls = new HBox(8, new Label("Beside process:"), otherPid, apply);
            controls.setAlignment(Pos.CENTER_LEFT);
            Label legend = new Label("Top: this region's pages; middle: the machine's RAM frames, scaled; bottom: the other "
                    + "process's region. Lines join pages to frames; purple where both use the same frame. Pages: "
                    + SharingColors.legend() + ".");
            legend.setWrapText(true);
            legend.getStyleClass().add("text-small");
            if (region.inode() != 0 && region.path().startsWith("/")) {
                Button who = new Button("Who maps this file…");
                who.setId("framesSharingButton");
                who.setOnAction(e -> SharingWindow.show(root.getScene() == null ? null : root.getScene().getWindow(),
                        backend, pid, region));
                controls.getChildren().add(who);
            }
            VBox top = new VBox(6, sharing, controls, legend);
            VBox bottom = new VBox(4, summary, privilege);
            top.setPadding(new Insets(10));
            bottom.setPadding(new Insets(10));
            root.setTop(top);
            root.setCenter(canvas);
            root.setBottom(bottom);
            summary.setText("reading the frames of pid " + pid + "…");
            refresher = new ScheduledService<>() {
                @Override
                protected Task<FramePair> createTask() {
                    int o = other;
                    return new Task<>() {
                        @Override
                        protected FramePair call() {
                            return FramePair.read(backend, pid, region, forks.get(), o);
                        }
                    };
                }
            };
            refresher.setPeriod(Duration.seconds(1));
            refresher.setOnSucceeded(e -> show(refresher.getValue()));
            refresher.setOnFailed(e -> summary.setText("cannot read process " + pid + ": "
                    + (refresher.getException() == null ? "it is gone" : refresher.getException().getMessage())));
        }

        /** "pid 12: 246 pages in RAM (0 mapped once, 246 shared), 0 swapped". */
        private static String side(int pid, FrameSummary s) {
            return "pid " + pid + ": " + s.present() + " pages in RAM (" + s.exclusive() + " mapped once, " + s.shared()
                    + " shared), " + s.swapped() + " swapped";
        }

        void show(FramePair p) {
            if (p == null) {
                return;
            }
            canvas.show(p);
            sharing.setText(p.sharingLine());
            StringBuilder sb = new StringBuilder(side(p.pidA(), p.a().summary()));
            if (p.b() != null) {
                sb.append(".  ").append(side(p.pidB(), p.b().summary()));
                sb.append(p.a().privileged() ? ".  Frames used by both: " + p.shared()
                        : ".  Which frames both use needs the frame numbers");
            } else {
                sb.append(".  No other process to compare: fork the memory-user (Fork), or type a PID mapping the same file");
            }
            summary.setText(sb.toString());
            privilege.setText(p.a().privileged() ? "" : "Without root: " + FrameBackend.NO_FRAME_NUMBERS
                    + ". Run aspace as root (sudo) to see frames and which are shared.");
        }
    }
}
