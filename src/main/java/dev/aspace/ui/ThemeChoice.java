package dev.aspace.ui;

import java.util.Locale;
import java.util.Optional;

/** The user's theme choice: follow the system's preference, or always light, or always dark. */
public enum ThemeChoice {
    SYSTEM, LIGHT, DARK;

    /** "System", "Light", "Dark": what the toolbar shows. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The choice a saved word names ("system", "light", "dark", any case), if any. */
    public static Optional<ThemeChoice> parse(String word) {
        String w = word == null ? "" : word.strip().toUpperCase(Locale.ROOT);
        for (ThemeChoice c : values()) {
            if (c.name().equals(w)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
