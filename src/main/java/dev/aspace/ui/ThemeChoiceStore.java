package dev.aspace.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * Remembers the user's theme choice across runs: one word in {@code $XDG_CONFIG_HOME/aspace/theme}
 * (by default {@code ~/.config/aspace/theme}). No JavaFX; tests point it at a temporary folder.
 */
public final class ThemeChoiceStore {

    private final Path file;

    public ThemeChoiceStore(Path file) {
        this.file = file;
    }

    /**
     * The user's file: under XDG_CONFIG_HOME when it is set to an absolute path (the XDG spec says
     * to ignore a relative one), else under {@code home/.config}.
     */
    public static ThemeChoiceStore forUser(Map<String, String> env, String home) {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path config = !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return new ThemeChoiceStore(config.resolve("aspace").resolve("theme"));
    }

    public Path file() {
        return file;
    }

    /** The saved choice; SYSTEM when nothing (readable) was saved, so a bad file never stops the app. */
    public ThemeChoice load() {
        try {
            return ThemeChoice.parse(Files.readString(file, StandardCharsets.UTF_8)).orElse(ThemeChoice.SYSTEM);
        } catch (IOException | RuntimeException e) {
            return ThemeChoice.SYSTEM;
        }
    }

    /** Saves the choice: written to a temporary file, then renamed over the old one. */
    public void save(ThemeChoice choice) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".theme.", ".tmp");
        try {
            Files.writeString(temp, choice.name().toLowerCase(Locale.ROOT) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
