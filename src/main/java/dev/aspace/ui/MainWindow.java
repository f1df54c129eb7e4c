package dev.aspace.ui;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import dev.aspace.demo.ChildExit;
import dev.aspace.demo.ExperimentResult;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.ui.aslr.AslrWindow;
import dev.aspace.ui.compare.CompareView;
import dev.aspace.ui.experiments.AllocationModel;
import dev.aspace.ui.experiments.AllocationPanel;
import dev.aspace.ui.experiments.ResidencyStrip;
import dev.aspace.ui.files.ConfigFile;
import dev.aspace.ui.files.DropPlan;
import dev.aspace.ui.files.DropTarget;
import dev.aspace.ui.files.RecentMenu;
import dev.aspace.ui.files.Recents;
import dev.aspace.ui.files.WindowPlace;
import dev.aspace.ui.files.WindowTitle;
import dev.aspace.ui.frames.FramesControls;
import dev.aspace.ui.frames.FramesWindow;
import dev.aspace.ui.frames.SharingWindow;
import dev.aspace.ui.lab.LabWindow;
import dev.aspace.ui.ribbon.RibbonView;
import dev.aspace.ui.timeline.RecordControl;
import dev.aspace.ui.timeline.TimelineModel;
import dev.aspace.ui.timeline.TimelineView;
import dev.aspace.ui.view.Banner;
import dev.aspace.ui.view.ChoiceMenu;
import dev.aspace.ui.view.DetailsPane;
import dev.aspace.ui.view.ElfSections;
import dev.aspace.ui.view.GaugeView;
import dev.aspace.ui.view.GoToAddress;
import dev.aspace.ui.view.PickerDialog;
import dev.aspace.ui.view.PointerPins;
import dev.aspace.ui.view.RegionTable;
import dev.aspace.ui.view.SummaryPane;
import dev.aspace.ui.view.Tips;
import dev.aspace.ui.vm.ChangeProbe;
import dev.aspace.ui.vm.FileActions;
import dev.aspace.ui.vm.GaugeModel;
import dev.aspace.ui.vm.Highlights;
import dev.aspace.ui.vm.PickerModel;
import dev.aspace.ui.vm.SessionModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Pos;

/**
 * The main window's content: toolbar and banner on top; the ribbon, the region table with the
 * details of the selected region, and a side column with the summary and the memory gauge.
 */
public final class MainWindow extends BorderPane {

    private final MemoryBackend backend;
    private final FrameBackend frames;
    private final Background background;
    private final Theme theme;
    /** The toolbar: a flow that wraps onto a second row on a narrow window instead of hiding controls. */
    private FlowPane toolbar;
    private final SessionModel session;
    private final GaugeModel gauge;
    private final RegionTable table;
    private final RibbonView ribbon;
    private final VBox side;
    private final TabPane sideTabs;
    /** Ribbon | table and details | side column; and table over details. */
    private final SplitPane center;
    private final SplitPane middle;
    /** The dividers' first positions: center's two, then middle's one. */
    public static final List<Double> DIVIDERS = List.of(0.29, 0.773, 0.55);
    private final TimelineModel timelineModel;
    private final VBox top;
    /** Made when a series is first opened: the default view never shows one. */
    private TimelineView timeline;
    private final RecordControl recorder;
    private final ObjectProperty<Duration> interval = new SimpleObjectProperty<>(this, "interval", Duration.seconds(1));
    private final Timeline ticker = new Timeline();
    private final Recents recents;
    private final FileActions files;
    private final StringBinding title;
    /** The lab, ASLR and compare windows: one of each. */
    private final Secondary secondary = new Secondary(this::quit);
    private Runnable onQuit = () -> {
        if (getScene() != null && getScene().getWindow() != null) {
            getScene().getWindow().hide();
        }
    };
    private Choosers choosers = Choosers.FILE_CHOOSER;
    private PickerDialog picker;
    private ConfigFile pickerSize; // null: the picker's size is not kept (tests)
    private MemoryUserController child;
    private MemoryUserController restarted; // the last child this window started itself: it ends it
    private boolean restarting;
    private final ScrollPane panelScroll = new ScrollPane();
    private final GoToAddress goTo;

    private static final DateTimeFormatter TAKEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /**
     * @param backend the address spaces
     * @param frames  the pages, frames and file sharing behind them (the residency strip, the
     *                physical and sharing views)
     * @param theme   the app's light or dark theme, which the views paint with and the toolbar chooses
     */
    public MainWindow(MemoryBackend backend, FrameBackend frames, Background background, ChangeProbe probe, Theme theme) {
        this.backend = backend;
        this.frames = frames;
        this.theme = theme;
        this.background = background;
        this.session = new SessionModel(backend, background, probe, System::nanoTime);
        this.gauge = new GaugeModel(backend::systemMemory, session::livePid, backend::cgroup, background,
                session::reportError);
        getStyleClass().add("main-window");
        this.recents = new Recents(background, session::reportError);
        this.title = Bindings.createStringBinding(() -> WindowTitle.of(session.getSnapshot(), session.exitedProperty().get()),
                session.snapshotProperty(), session.exitedProperty());
        DropTarget.install(this, this::drop);
        // a file's view shows the memory saved with it, not this machine's now
        session.snapshotProperty().addListener((o, a, snap) -> {
            if (snap != null && !session.liveProperty().get()) {
                gauge.showSaved(snap.memory(), snap.cgroup(), snap.source() == null ? "the file" : snap.source().description()
                        + (snap.takenAt() == null ? "" : ", taken " + TAKEN.format(snap.takenAt())));
            }
        });

        table = new RegionTable(session, theme.darkProperty());
        ribbon = new RibbonView(session, theme.darkProperty());
        DetailsPane details = new DetailsPane(session);
        details.setOnSharing(r -> SharingWindow.show(getScene() == null ? null : getScene().getWindow(), frames,
                session.getSnapshot().process().pid(), r));
        goTo = new GoToAddress(session, ribbon, details, background);
        ElfSections.install(session, ribbon, details, background);
        SummaryPane summary = new SummaryPane(session, gauge.unitsProperty());
        GaugeView gaugeView = new GaugeView(gauge, theme.darkProperty());

        middle = new SplitPane(table, withResidency(details));
        middle.setOrientation(Orientation.VERTICAL);

        side = new VBox(summary);
        side.setMinWidth(280);
        // the side column as tabs: on a laptop screen the memory-user panel, the summary and the
        // gauge do not fit one above the other (summary and gauge together are ~980 px), and each
        // stays one click away, whole
        Tab figures = new Tab("Summary", scrolled(side));
        figures.setId("summaryTab");
        Tab gaugeTab = new Tab("Gauge", scrolled(gaugeView));
        gaugeTab.setId("gaugeTab");
        sideTabs = new TabPane(figures, gaugeTab);
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sideTabs.getStyleClass().add("side-tabs");
        sideTabs.setMinWidth(290);

        ribbon.setMinWidth(370);
        center = new SplitPane(ribbon, middle, sideTabs);
        WindowMemory.apply(new WindowPlace(0, 0, 0, 0, false, DIVIDERS), null, null, splits());
        SplitPane.setResizableWithParent(ribbon, false);
        SplitPane.setResizableWithParent(sideTabs, false);
        setCenter(center);
        toolbar = toolbar();
        // recording a series and scrubbing one: a toggle in the toolbar, a timeline below it
        recorder = new RecordControl(backend, background, session::livePid, session::showMessage,
                () -> getScene() == null ? null : getScene().getWindow());
        recorder.setOnFinished(recents::add);
        int beside = 1 + toolbar.getChildren().stream().map(Node::getId).toList().indexOf("compare");
        toolbar.getChildren().add(beside, recorder.button());
        timelineModel = new TimelineModel(background, session::show, session::reportError);
        files = new FileActions(background, session, timelineModel, recents, f -> TextImports.read(f, 1024),
                this::showCompare);
        timelineModel.seriesProperty().addListener((o, a, series) -> {
            if (series != null) {
                timeline();
            }
        });
        top = new VBox(toolbar, new Banner(session));
        setTop(top);

        interval.addListener((o, a, d) -> restartTicker());
        restartTicker();
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                installKeys();
            }
        });
    }

    /**
     * The details pane under a strip of the selected region's pages (pagemap: present, swapped,
     * absent), kept live while the process is; hidden for files and imported text.
     */
    private Node withResidency(DetailsPane details) {
        ResidencyStrip strip = new ResidencyStrip(frames);
        strip.setId("residencyStrip");
        Label caption = new Label("Pages of the selected region (pagemap): green present, orange swapped, grey not in RAM");
        caption.getStyleClass().add("text-small");
        caption.setWrapText(true);
        caption.setMinHeight(Control.USE_PREF_SIZE);
        VBox box = new VBox(2, FramesControls.captionRow(caption, strip, this::openFrames), strip);
        box.setPadding(new Insets(4, 8, 4, 8));
        box.managedProperty().bind(box.visibleProperty());
        box.setVisible(false);
        Runnable follow = () -> {
            Snapshot s = session.getSnapshot();
            Region r = session.selectedProperty().get();
            boolean live = s != null && r != null && s.source().type() == Source.Type.LIVE
                    && !session.exitedProperty().get();
            box.setVisible(live);
            if (live) {
                strip.show(s.process().pid(), r.start(), r.end());
            } else {
                strip.clear();
            }
        };
        session.selectedProperty().addListener((o, a, b) -> follow.run());
        session.exitedProperty().addListener((o, a, b) -> follow.run());
        VBox column = new VBox(box, details);
        VBox.setVgrow(details, Priority.ALWAYS);
        return column;
    }

    /** The physical-memory view of the selected region beside another process (a fork, or one sharing the file). */
    private void openFrames() {
        Snapshot s = session.getSnapshot();
        Region r = session.selectedProperty().get();
        if (s != null && r != null) {
            MemoryUserController c = child;
            FramesWindow.show(getScene() == null ? null : getScene().getWindow(), frames,
                    s.process().pid(), r, c == null ? List::of : c::forks);
        }
    }

    public SessionModel session() {
        return session;
    }

    public GaugeModel gauge() {
        return gauge;
    }

    /** From now on the picker opens at the size it had when last closed, kept in {@code file}. */
    public void rememberPickerSizeIn(ConfigFile file) {
        pickerSize = file;
    }

    public RegionTable table() {
        return table;
    }

    /** Go to address: what the Ctrl+G dialog does once the address is typed. */
    public void goToAddress(long address) {
        goTo.go(address);
    }

    public RibbonView ribbon() {
        return ribbon;
    }

    /** The side column's tabs: the memory-user panel (when there is a child), the summary and the gauge. */
    public TabPane sideTabs() {
        return sideTabs;
    }

    /** The split panes whose dividers the window remembers, in a fixed order. */
    public List<SplitPane> splits() {
        return List.of(center, middle);
    }

    private static ScrollPane scrolled(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    /** The side column's summary (the memory-user panel and the gauge are tabs of their own beside it). */
    public VBox side() {
        return side;
    }

    /** The files opened and saved lately (the app keeps them in the user's config directory). */
    public Recents recents() {
        return recents;
    }

    /** The title the window should have: where the view came from (live pid, file, imported text). */
    public StringExpression titleProperty() {
        return title;
    }

    /** The refresh interval of live views. */
    public ObjectProperty<Duration> intervalProperty() {
        return interval;
    }

    /** The timeline of an opened series (hidden while none is open); made at the first call. */
    public TimelineView timeline() {
        if (timeline == null) {
            timeline = new TimelineView(timelineModel, this::showCompare);
            top.getChildren().add(1, timeline); // below the toolbar
        }
        return timeline;
    }

    /** The Record… toggle of the toolbar. */
    public RecordControl recorder() {
        return recorder;
    }

    /** Watches a live process. */
    public void openLive(int pid) {
        timelineModel.close();
        session.openLive(pid);
        gauge.sample();
    }

    /** Watches a live process whose first full read was started earlier (at start-up). */
    public void openLive(int pid, CompletableFuture<SessionModel.FullRead> first) {
        timelineModel.close();
        session.openLive(pid, first);
        gauge.sample();
    }

    /**
     * Shows the memory-user child: watches it live, and puts its allocation panel below the
     * gauge; each experiment's result is shown at once with its region selected.
     */
    public void attachMemoryUser(MemoryUserController child) {
        attachMemoryUser(child, null);
    }

    /** As above, showing {@code first} (a read of the child started earlier) when it is done. */
    public void attachMemoryUser(MemoryUserController child,
                                 CompletableFuture<SessionModel.FullRead> first) {
        // the first tab, shown at start: what a student uses first
        panelScroll.setFitToWidth(true);
        Tab allocate = new Tab("memory-user", panelScroll);
        allocate.setId("allocateTab");
        sideTabs.getTabs().add(0, allocate);
        sideTabs.getSelectionModel().select(allocate);
        Button lab = new Button("Lab…");
        lab.setId("openLab");
        Tips.install(lab, "The Address Spaces homework, step by step: predict, act, see the numbers");
        lab.setOnAction(e -> openLab(0, false));
        toolbar.getChildren().add(1 + toolbar.getChildren().stream().map(Node::getId).toList().indexOf("openAslr"), lab);
        showChild(child, first, null);
    }

    /** The child's allocation panel in the tab, the child watched live; {@code before}'s limit settings kept. */
    private void showChild(MemoryUserController c, CompletableFuture<SessionModel.FullRead> first,
                           AllocationModel before) {
        AllocationPanel panel = new AllocationPanel(c, backend, frames, new AllocationPanel.Listener() {
            @Override
            public void changed(ExperimentResult result) {
                session.showLiveRead(result.after());
                result.focus().ifPresent(f -> session.selectedProperty().set(SessionModel.find(result.after(), f.start())));
            }

            @Override
            public void childExited(ChildExit exit) {
                if (!exit.expected()) {
                    session.explainExit(exit.pid(), exit.describe());
                    panelScroll.setVvalue(0); // the line and the row that starts the next child are on top
                }
            }

            @Override
            public void restart(long limitBytes) {
                restartMemoryUser(limitBytes);
            }
        });
        panel.setId("allocationPanel");
        if (before != null) {
            panel.model().limitedProperty().set(before.limitedProperty().get());
            panel.model().limitProperty().set(before.limitProperty().get());
        }
        panelScroll.setContent(panel);
        this.child = c;
        PointerPins.install(session, ribbon, c);
        if (first != null) {
            openLive(c.pid(), first);
        } else {
            openLive(c.pid());
        }
    }

    /**
     * Ends the memory-user child and starts another, in a memory cgroup of its own with this
     * limit (0: none). When no cgroup can be made the panel says what is needed and the child stays.
     */
    private void restartMemoryUser(long limitBytes) {
        AllocationModel from = ((AllocationPanel) panelScroll.getContent()).model();
        MemoryUserController old = child;
        if (restarting || old == null) {
            return;
        }
        restarting = true;
        background.submit(() -> {
            return MemoryUserController.restart(old, limitBytes);
        }, c -> {
            restarting = false;
            restarted = c;
            showChild(c, null, from);
        }, t -> {
            restarting = false;
            from.report(t.getMessage() == null ? t.toString() : t.getMessage());
        });
    }

    /** The memory-user child shown now (a restart replaces it), or null. */
    public MemoryUserController memoryUser() {
        return child;
    }

    /**
     * The lab on the memory-user child, beside this window (raised if open), at step {@code first}
     * (0-based); with {@code act}, the step's action starts at once. Null without the child.
     */
    public Stage openLab(int first, boolean act) {
        if (child == null) {
            return null;
        }
        boolean[] made = {false};
        Stage lab = secondary.show("lab", () -> {
            made[0] = true;
            return LabWindow.make(owner(), child, backend, background, () -> {
                session.refreshNow();
                gauge.sample();
            }, first);
        });
        if (made[0] && act) {
            LabWindow.act(lab);
        }
        return lab;
    }

    /** What Ctrl+Q does, from this window or any it opened (the app sets: quit). */
    public void setOnQuit(Runnable quit) {
        this.onQuit = Objects.requireNonNull(quit);
    }

    private void quit() {
        onQuit.run();
    }

    /** Asks the user for files (a seam: tests count the asks instead of showing a file dialog). */
    public interface Choosers {
        Path open(Window owner);

        Path save(Window owner, String suggestedName);

        List<Path> compare(Window owner);

        /** JavaFX's file dialogs. */
        Choosers FILE_CHOOSER = new Choosers() {
            @Override
            public Path open(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open a snapshot (.json) or captured text (pmap -X/-x, vmmap, smaps, free)");
                File f = chooser.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path save(Window owner, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Save snapshot");
                chooser.setInitialFileName(suggestedName);
                File f = chooser.showSaveDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public List<Path> compare(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Snapshots to compare with what is on screen");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("aspace snapshots", "*.json"));
                List<File> chosen = chooser.showOpenMultipleDialog(owner);
                return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
            }
        };
    }

    public void setChoosers(Choosers c) {
        this.choosers = Objects.requireNonNull(c);
    }

    /** The file actions (open, drop, save, compare) this window runs. */
    public FileActions files() {
        return files;
    }

    private Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Stops the ticker (window closing). */
    public void stop() {
        ticker.stop();
        if (restarted != null) {
            restarted.close();
        }
    }

    private void restartTicker() {
        ticker.stop();
        ticker.getKeyFrames().setAll(new KeyFrame(interval.get(), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private void tick() {
        if (!session.pausedProperty().get() && session.liveProperty().get()) {
            session.tick();
            gauge.sample();
        }
        if (session.highlightsProperty().get().anyLive(System.nanoTime() - Highlights.HOLD_NANOS / 2)) {
            ribbon.repaint(); // let highlights fade
        }
    }

    private FlowPane toolbar() {
        RecentMenu open = new RecentMenu(recents, this::open, this::openFile);
        Button saveButton = new Button("Save…");
        saveButton.setId("saveFile");
        Tips.install(saveButton, "Save what is on screen as a snapshot (Ctrl+S)");
        saveButton.setOnAction(e -> saveFile());
        saveButton.disableProperty().bind(session.snapshotProperty().isNull());

        Button pick = new Button("Process…");
        pick.setId("openProcess");
        Tips.install(pick, "Choose a process to watch (ps auxw)");
        pick.setOnAction(e -> pickProcess());

        Label badge = new Label();
        badge.setId("originBadge");
        badge.getStyleClass().add("badge");
        badge.textProperty().bind(Bindings.createStringBinding(() -> {
            Snapshot s = session.getSnapshot();
            String who = s == null ? "" : s.process().comm() + " ";
            return who + session.originProperty().get() + (session.exitedProperty().get() ? " · exited" : "")
                    + (s != null && s.torn() ? " · torn" : "");
        }, session.snapshotProperty(), session.originProperty(), session.exitedProperty()));
        session.snapshotProperty().addListener((o, a, s) -> badge.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("torn"), s != null && s.torn()));
        session.exitedProperty().addListener((o, a, gone) -> badge.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("exited"), gone));

        ChoiceMenu<Duration> every = new ChoiceMenu<>(List.of(Duration.millis(500), Duration.seconds(1),
                Duration.seconds(2), Duration.seconds(5), Duration.seconds(10)),
                d -> d.toMillis() < 1000 ? "every " + (long) d.toMillis() + " ms"
                        : "every " + (long) d.toSeconds() + " s");
        every.setId("refreshInterval");
        // a file does not change: the live view's controls rest while one is shown
        every.disableProperty().bind(session.liveProperty().not());
        every.valueProperty().bindBidirectional(interval);
        Tips.install(every, "How often a live view checks the process");

        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("pause");
        pause.selectedProperty().bindBidirectional(session.pausedProperty());
        pause.disableProperty().bind(session.liveProperty().not());

        Button refresh = new Button("Refresh");
        refresh.setId("refresh");
        Tips.install(refresh, "Read the process again now (F5)");
        refresh.setOnAction(e -> session.refreshNow());
        refresh.disableProperty().bind(session.busyProperty().or(session.liveProperty().not()));

        Button compare = new Button("Compare…");
        compare.setId("compare");
        Tips.install(compare, "Compare what is on screen with saved snapshots (e.g. two ASLR runs)");
        compare.setOnAction(e -> compareWithFiles());

        Button aslr = new Button("ASLR…");
        aslr.setId("openAslr");
        Tips.install(aslr, "Run a program several times and see where each object lands (with or without ASLR)");
        aslr.setOnAction(e -> openAslr());

        FlowPane bar = new FlowPane(4, 4, pick, open, saveButton, compare, aslr, badge, every, pause, refresh,
                theme.chooser(background, session::reportError));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar");
        bar.setId("toolbar");
        return bar;
    }

    private void pickProcess() {
        if (picker != null && picker.isShowing()) {
            picker.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        PickerDialog d = new PickerDialog(new PickerModel(backend::processes, background, pickerSize));
        picker = d;
        d.initOwner(owner());
        d.showAndWait().ifPresent(row -> {
            if (row.readable()) {
                openLive(row.pid());
            } else {
                session.showMessage("process " + row.pid() + " is not readable: " + row.whyNot());
            }
        });
    }

    /** Ctrl+O: a file chosen by the user, imported in the background and shown with its source. */
    private void openFile() {
        Path f = choosers.open(owner());
        if (f != null) {
            open(f);
        }
    }

    /** Opens a file and shows it (see {@link FileActions#open}). */
    public void open(Path file) {
        files.open(file);
    }

    /** Chooses saved snapshots and compares them with what is on screen, in the order they were taken. */
    private void compareWithFiles() {
        List<Path> chosen = choosers.compare(owner());
        if (!chosen.isEmpty()) {
            compare(chosen);
        }
    }

    /** Files dropped on the window: one opens, several snapshots are compared, the rest is refused in the banner. */
    public void drop(DropPlan plan) {
        files.drop(plan);
    }

    /** Opens the compare view of what is on screen (if anything) and the given snapshot files. */
    public void compare(List<Path> files) {
        this.files.compare(files, true);
    }

    /** Opens the ASLR experiment; its "Compare ribbons" opens the compare view of its runs. */
    public AslrWindow openAslr() {
        boolean[] made = {false};
        Stage s = secondary.show("aslr", () -> {
            made[0] = true;
            return AslrWindow.create(owner(), backend, background, this::showCompare).stage();
        });
        AslrWindow w = AslrWindow.of(s);
        if (made[0]) {
            w.model().readMachine();
        }
        return w;
    }

    /** A window with the compare view of these snapshots (two or more) as parallel ribbons. */
    public Stage showCompare(List<Snapshot> all) {
        BorderPane content = new BorderPane(new CompareView(all, theme.darkProperty()).node());
        Stage open = secondary.showing("compare");
        if (open != null) {
            open.getScene().setRoot(content); // the one compare window shows the new comparison
        }
        Stage stage = secondary.show("compare", () -> {
            Stage made = new Stage();
            made.initOwner(owner());
            Rectangle2D screen = Secondary.screenOf(owner());
            Scene scene = new Scene(content, Math.min(1200, screen.getWidth() - 40),
                    Math.min(760, screen.getHeight() - 40));
            scene.getStylesheets().add(Theme.stylesheet());
            made.setScene(scene);
            return made;
        });
        stage.setTitle("aspace · compare " + all.size() + " snapshots");
        return stage;
    }

    /** Ctrl+S: saves what is on screen as a snapshot file the CLI and the app can open again. */
    private void saveFile() {
        Snapshot s = session.getSnapshot();
        if (s == null) {
            return;
        }
        Path f = choosers.save(owner(), s.process().comm() + "-" + s.process().pid() + ".json");
        if (f != null) {
            save(f);
        }
    }

    /** Saves the snapshot on screen (atomically, in the background); the banner says where. */
    public void save(Path file) {
        files.save(file);
    }

    private void installKeys() {
        getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveFile);
        getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openFile);
        getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F5), session::refreshNow);
        getScene().addEventFilter(KeyEvent.KEY_TYPED, e -> {
            boolean typing = getScene().getFocusOwner() instanceof TextInputControl;
            if (!typing && "/".equals(e.getCharacter())) {
                table.focusSearch();
                e.consume();
            }
        });
        getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::pickProcess);
        getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), this::quit);
        getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN),
                () -> goTo.ask(owner()));
        // keys nothing focused wanted go to the ribbon: + - zoom, arrows pan. Handled here, not
        // fired again at the ribbon: a copy fired from the scene travels the scene's dispatch
        // chain once more, and its shortcuts would run twice.
        getScene().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || e.getTarget() == ribbon.canvas()
                    || getScene().getFocusOwner() instanceof TextInputControl) {
                return;
            }
            if (ribbon.key(e)) {
                e.consume();
            }
        });
    }
}
