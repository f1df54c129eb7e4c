package dev.aspace.ui.files;

import dev.aspace.model.MalformedInputException;
import dev.aspace.snapshot.SaveFailedException;
import dev.aspace.ui.ThemeChoiceStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Where the recent-files list lives between runs: {@code $XDG_CONFIG_HOME/aspace/recent-files},
 * or {@code ~/.config/aspace/recent-files} (the XDG base directory default). One path a line, so
 * a user can read and edit it. Tests give their own file.
 */
public final class RecentFilesStore {

    static final String FILE_NAME = "recent-files";

    private final Path file;

    public RecentFilesStore(Path file) {
        this.file = file;
    }

    /** The store of the user running the app. */
    public static RecentFilesStore forUser() {
        return new RecentFilesStore(defaultFile(System.getenv(), System.getProperty("user.home")));
    }

    /** Beside the theme choice, in aspace's config folder (ThemeChoiceStore applies the XDG rule). */
    static Path defaultFile(Map<String, String> env, String home) {
        return ThemeChoiceStore.forUser(env, home).file().resolveSibling(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved list; empty when nothing was saved yet. */
    public RecentFiles load() {
        try {
            return RecentFiles.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return RecentFiles.empty();
        } catch (IOException e) {
            throw new MalformedInputException(file.toString(), "", "cannot read the recent files list (" + e.getMessage()
                    + "): fix its permissions or delete it", e);
        }
    }

    /** Replaces the saved list in one step (a temporary file moved over it), so a crash never leaves half a list. */
    public void save(RecentFiles recent) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                Files.writeString(temp, recent.format(), StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new SaveFailedException("cannot save the recent files list to " + file + " (" + e.getMessage()
                    + "): check that the directory is writable", e);
        }
    }
}
