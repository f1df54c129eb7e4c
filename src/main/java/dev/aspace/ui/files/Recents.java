package dev.aspace.ui.files;

import dev.aspace.ui.Background;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The recent-files list of a window as a property, kept in a {@link RecentFilesStore} when one
 * is given (the app gives the user's; tests a temporary one or none). Reading and writing the
 * store go through {@link Background}; every change is saved at once.
 */
public final class Recents {

    private final ReadOnlyObjectWrapper<RecentFiles> list = new ReadOnlyObjectWrapper<>(this, "list", RecentFiles.empty());
    private final Background background;
    private final Consumer<Throwable> failed;
    private RecentFilesStore store;
    /** What the store should hold: saves run on pool threads in any order, each writes the latest list. */
    private volatile RecentFiles latest = RecentFiles.empty();

    public Recents(Background background, Consumer<Throwable> failed) {
        this.background = background;
        this.failed = failed;
    }

    public ReadOnlyObjectProperty<RecentFiles> listProperty() {
        return list.getReadOnlyProperty();
    }

    public RecentFiles get() {
        return list.get();
    }

    /** Keeps the list in {@code newStore} from now on, starting with what it holds (added to what is here). */
    public void useStore(RecentFilesStore newStore) {
        this.store = newStore;
        background.submit(newStore::load, saved -> {
            List<Path> all = new ArrayList<>(list.get().entries());
            all.addAll(saved.entries());
            change(RecentFiles.of(all));
        }, failed);
    }

    public RecentFilesStore store() {
        return store;
    }

    /** A file was opened or saved: it goes to the front. */
    public void add(Path file) {
        change(list.get().add(file));
    }

    public void remove(Path file) {
        change(list.get().remove(file));
    }

    /** Drops the files that no longer exist (checked in the background). */
    public void forgetMissing() {
        RecentFiles now = list.get();
        background.submit(() -> now.retain(Files::exists), this::change, failed);
    }

    public void clear() {
        change(RecentFiles.empty());
    }

    private void change(RecentFiles next) {
        if (next.equals(list.get())) {
            return;
        }
        list.set(next);
        latest = next;
        RecentFilesStore s = store;
        if (s != null) {
            background.submit(() -> {
                synchronized (s) {
                    s.save(latest);
                }
                return s;
            }, saved -> { }, failed);
        }
    }
}
