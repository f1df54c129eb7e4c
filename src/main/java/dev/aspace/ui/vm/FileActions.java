package dev.aspace.ui.vm;

import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.snapshot.importers.CoreImporter;
import dev.aspace.snapshot.importers.ImportResult;
import dev.aspace.snapshot.series.SeriesReader;
import dev.aspace.ui.Background;
import dev.aspace.ui.files.DropPlan;
import dev.aspace.ui.files.Recents;
import dev.aspace.ui.timeline.TimelineModel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the window does with files, without the window: open (a snapshot, captured text or a
 * recorded series), drop, save and compare, each through the {@link Background} seam, with the
 * outcome in the session's banner and the file in the recent list.
 */
public final class FileActions {

    /** Reads captured text (pmap, smaps, vmmap, free) into a snapshot. */
    @FunctionalInterface
    public interface TextReader {
        ImportResult read(Path file) throws Exception;
    }

    private final Background background;
    private final SessionModel session;
    private final TimelineModel timeline;
    private final Recents recents;
    private final TextReader text;
    private final Consumer<List<Snapshot>> compareView;

    /**
     * @param compareView shows two or more snapshots side by side, oldest first
     */
    public FileActions(Background background, SessionModel session, TimelineModel timeline, Recents recents,
                       TextReader text, Consumer<List<Snapshot>> compareView) {
        this.background = Objects.requireNonNull(background);
        this.session = Objects.requireNonNull(session);
        this.timeline = Objects.requireNonNull(timeline);
        this.recents = Objects.requireNonNull(recents);
        this.text = Objects.requireNonNull(text);
        this.compareView = Objects.requireNonNull(compareView);
    }

    /**
     * Opens a file and shows it: a recorded series on the timeline (known by its first line,
     * whatever its name), a saved snapshot (.json) as it was saved, anything else as captured
     * text (format detected), with unreadable lines reported.
     */
    public void open(Path file) {
        background.submit(() -> SeriesReader.isSeries(file), series -> {
            if (series) {
                timeline.open(file, () -> {
                    recents.add(file);
                    String cut = timeline.seriesProperty().get().truncation();
                    if (!cut.isEmpty()) {
                        session.showMessage(file.getFileName() + ": " + cut);
                    }
                });
            } else {
                timeline.close();
                openSnapshot(file);
            }
        }, session::reportError);
    }

    private void openSnapshot(Path file) {
        if (file.getFileName().toString().endsWith(".json")) {
            background.submit(() -> SnapshotStore.load(file), s -> {
                session.show(s);
                recents.add(file);
            }, session::reportError);
            return;
        }
        background.submit(() -> CoreImporter.isElf(file) ? CoreImporter.read(file) : text.read(file), read -> {
            recents.add(file);
            if (read instanceof Snapshot core) {
                session.show(core);
                if (core.source().description().contains("TRUNCATED")) {
                    session.showMessage(file.getFileName() + ": " + core.source().description());
                }
                return;
            }
            ImportResult result = (ImportResult) read;
            session.show(result.snapshot());
            if (result.unreadableLines() > 0) {
                session.showMessage(file.getFileName() + ": " + result.format() + ", " + result.regionCount()
                        + " regions; " + result.unreadableLines() + " lines could not be read, first: "
                        + result.warnings().get(0));
            }
        }, session::reportError);
    }

    /** Files dropped on the window: one opens, several snapshots are compared, the rest is refused in the banner. */
    public void drop(DropPlan plan) {
        if (plan instanceof DropPlan.Open o) {
            open(o.file());
        } else if (plan instanceof DropPlan.Compare c) {
            compare(c.files(), false);
        } else if (plan instanceof DropPlan.Refuse r) {
            session.showMessage(r.why());
        }
    }

    /** Saves the snapshot on screen (atomically, in the background); the banner says where. */
    public void save(Path file) {
        Snapshot s = session.getSnapshot();
        if (s == null) {
            return;
        }
        background.submit(() -> {
            SnapshotStore.save(s, file);
            return file;
        }, f -> {
            recents.add(f);
            session.showMessage("saved " + s.regions().size() + " regions of pid " + s.process().pid() + " to " + f);
        }, session::reportError);
    }

    /**
     * Compares snapshot files, with what is on screen when {@code withScreen}, in the order they
     * were taken: the oldest is "before", whichever was chosen first.
     */
    public void compare(List<Path> files, boolean withScreen) {
        Snapshot current = withScreen ? session.getSnapshot() : null;
        background.submit(() -> {
            List<Snapshot> all = new ArrayList<>();
            if (current != null) {
                all.add(current);
            }
            for (Path f : files) {
                all.add(SnapshotStore.load(f));
            }
            return inTimeOrder(all);
        }, all -> {
            if (all.size() < 2) {
                session.showMessage("choose at least one snapshot to compare with what is on screen");
                return;
            }
            compareView.accept(all);
        }, session::reportError);
    }

    /** Oldest first; snapshots with no time keep their place after those with one (stable). */
    public static List<Snapshot> inTimeOrder(List<Snapshot> snapshots) {
        List<Snapshot> sorted = new ArrayList<>(snapshots);
        sorted.sort(Comparator.comparing(Snapshot::takenAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
        return sorted;
    }
}
