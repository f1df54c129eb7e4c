package dev.aspace.ui;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers a dark theme, on Linux, without JavaFX (its Platform.Preferences
 * arrived in JavaFX 22). Asked in order: {@code -Daspace.dark}, the GTK_THEME environment
 * variable, then GNOME's settings through {@code gsettings} (color-scheme, then the GTK theme's
 * name); light when nothing says dark. The inputs are passed in, so tests give them directly.
 */
public final class ThemePreference {

    /** Runs a command and returns what it printed, or empty if it is missing, fails or runs too long. */
    @FunctionalInterface
    public interface Command {
        Optional<String> run(List<String> argv);
    }

    /** The system's preference and where it was read (shown beside the "System" choice). */
    public record Detected(boolean dark, String source) {

        public String describe() {
            return (dark ? "dark" : "light") + " (" + source + ")";
        }
    }

    private static final List<String> COLOR_SCHEME = List.of("gsettings", "get", "org.gnome.desktop.interface",
            "color-scheme");
    private static final List<String> GTK_THEME = List.of("gsettings", "get", "org.gnome.desktop.interface",
            "gtk-theme");

    private ThemePreference() {
    }

    /**
     * The system's preference from these inputs.
     *
     * @param darkProperty the value of {@code -Daspace.dark}, or null
     * @param gtkThemeEnv  the value of GTK_THEME, or null
     * @param commands     runs {@code gsettings} (see {@link #processes(Duration)})
     */
    public static Detected detect(String darkProperty, String gtkThemeEnv, Command commands) {
        if (darkProperty != null && !darkProperty.isBlank()) {
            return new Detected(Boolean.parseBoolean(darkProperty.strip()), "-Daspace.dark=" + darkProperty.strip());
        }
        if (gtkThemeEnv != null && !gtkThemeEnv.isBlank()) {
            return new Detected(gtkThemeIsDark(gtkThemeEnv), "GTK_THEME=" + gtkThemeEnv.strip());
        }
        Optional<String> scheme = commands.run(COLOR_SCHEME).map(ThemePreference::unquote);
        if (scheme.isPresent() && (scheme.get().equals("prefer-dark") || scheme.get().equals("prefer-light"))) {
            return new Detected(scheme.get().equals("prefer-dark"), "GNOME color-scheme '" + scheme.get() + "'");
        }
        Optional<String> theme = commands.run(GTK_THEME).map(ThemePreference::unquote);
        if (theme.isPresent() && !theme.get().isEmpty()) {
            return new Detected(theme.get().toLowerCase(Locale.ROOT).contains("dark"),
                    "GNOME gtk-theme '" + theme.get() + "'");
        }
        return new Detected(false, "no system preference found");
    }

    /** The theme to show: the user's explicit choice, else what the system prefers. */
    public static boolean dark(ThemeChoice choice, Detected system) {
        return switch (choice) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> system.dark();
        };
    }

    /**
     * What the start option and this desktop say, each command given at most {@code timeout}.
     *
     * @param darkOption the value of {@code -Daspace.dark}, or null
     */
    public static Detected detectNow(String darkOption, Duration timeout) {
        return detect(darkOption, System.getenv("GTK_THEME"), processes(timeout));
    }

    /**
     * GTK_THEME is a theme name with an optional variant ("Adwaita:dark"); dark themes are also
     * named with a "-dark" suffix ("Adwaita-dark", "Yaru-dark").
     */
    static boolean gtkThemeIsDark(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.endsWith(":dark") || v.endsWith("-dark");
    }

    /** gsettings prints strings quoted: {@code 'prefer-dark'}. */
    static String unquote(String out) {
        String s = out.strip();
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Runs real programs, each killed after {@code timeout}; empty when missing, failed or killed. */
    public static Command processes(Duration timeout) {
        return argv -> {
            Process p;
            try {
                p = new ProcessBuilder(argv).redirectError(Redirect.DISCARD).redirectInput(Redirect.PIPE).start();
            } catch (IOException notInstalled) {
                return Optional.empty();
            }
            try (InputStream out = p.getInputStream()) {
                p.getOutputStream().close();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                return p.exitValue() == 0 ? Optional.of(text) : Optional.empty();
            } catch (IOException e) {
                p.destroyForcibly();
                return Optional.empty();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }
}
