package dev.aspace.ui.files;

import dev.aspace.ui.ThemeChoiceStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * A small remembered setting: one text file in aspace's config folder ({@code
 * $XDG_CONFIG_HOME/aspace/}, else {@code ~/.config/aspace/}). Reading never fails the app (a
 * missing or unreadable file is "nothing remembered"); writing replaces the file in one step.
 * No JavaFX; tests give their own path.
 */
public final class ConfigFile {

    private final Path file;

    public ConfigFile(Path file) {
        this.file = file;
    }

    /** The file {@code name} in the user's aspace config folder (the XDG rule as ThemeChoiceStore applies it). */
    public static ConfigFile forUser(String name) {
        return forUser(System.getenv(), System.getProperty("user.home"), name);
    }

    static ConfigFile forUser(Map<String, String> env, String home, String name) {
        return new ConfigFile(ThemeChoiceStore.forUser(env, home).file().resolveSibling(name));
    }

    public Path file() {
        return file;
    }

    /** What was saved, or empty when nothing (readable) was. */
    public Optional<String> read() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Saves {@code text}: written to a temporary file beside it, then moved over the old one. */
    public void write(String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
