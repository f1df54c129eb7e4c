package dev.aspace.ui;

import dev.aspace.ui.ThemePreference.Detected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme detection order, with the environment and gsettings' answers given. */
class ThemePreferenceTest {

    /** gsettings as it answers on a desktop: each key's printed value, missing keys fail. */
    private static ThemePreference.Command gsettings(Map<String, String> answers, List<String> asked) {
        return argv -> {
            asked.add(String.join(" ", argv));
            return Optional.ofNullable(answers.get(argv.get(argv.size() - 1)));
        };
    }

    private static final ThemePreference.Command NO_GSETTINGS = argv -> Optional.empty();

    @Test
    void gnomeColorSchemePreferDarkIsDark() {
        List<String> asked = new ArrayList<>();
        Detected d = ThemePreference.detect(null, null,
                gsettings(Map.of("color-scheme", "'prefer-dark'\n", "gtk-theme", "'Adwaita'\n"), asked));
        assertTrue(d.dark());
        assertEquals(List.of("gsettings get org.gnome.desktop.interface color-scheme"), asked);
        assertEquals("GNOME color-scheme 'prefer-dark'", d.source());
    }

    @Test
    void colorSchemeDefaultFallsBackToTheGtkThemeName() {
        List<String> asked = new ArrayList<>();
        Detected dark = ThemePreference.detect(null, null,
                gsettings(Map.of("color-scheme", "'default'\n", "gtk-theme", "'Yaru-dark'\n"), asked));
        assertTrue(dark.dark());
        assertEquals(2, asked.size());
        // this machine's own answers (gsettings 2.x, no desktop): 'default' and 'Adwaita'
        Detected light = ThemePreference.detect(null, null,
                gsettings(Map.of("color-scheme", "'default'\n", "gtk-theme", "'Adwaita'\n"), new ArrayList<>()));
        assertFalse(light.dark());
        assertEquals("GNOME gtk-theme 'Adwaita'", light.source());
    }

    @Test
    void preferLightDecidesWithoutAskingForTheThemeName() {
        List<String> asked = new ArrayList<>();
        Detected d = ThemePreference.detect(null, null,
                gsettings(Map.of("color-scheme", "'prefer-light'", "gtk-theme", "'Adwaita-dark'"), asked));
        assertFalse(d.dark());
        assertEquals(1, asked.size());
    }

    @Test
    void gtkThemeEnvironmentComesBeforeGsettings() {
        List<String> asked = new ArrayList<>();
        ThemePreference.Command darkDesktop = gsettings(Map.of("color-scheme", "'prefer-dark'"), asked);
        assertTrue(ThemePreference.detect(null, "Adwaita:dark", darkDesktop).dark());
        assertTrue(ThemePreference.detect(null, "Arc-Dark", darkDesktop).dark());
        assertFalse(ThemePreference.detect(null, "Adwaita", darkDesktop).dark());
        assertFalse(ThemePreference.detect(null, "Darkish", darkDesktop).dark());
        assertEquals(List.of(), asked);
    }

    @Test
    void aspaceDarkPropertyComesFirst() {
        List<String> asked = new ArrayList<>();
        ThemePreference.Command darkDesktop = gsettings(Map.of("color-scheme", "'prefer-dark'"), asked);
        assertFalse(ThemePreference.detect("false", "Adwaita:dark", darkDesktop).dark());
        Detected d = ThemePreference.detect("true", "Adwaita", darkDesktop);
        assertTrue(d.dark());
        assertEquals("-Daspace.dark=true", d.source());
        assertEquals(List.of(), asked);
        // blank is unset: the environment decides
        assertTrue(ThemePreference.detect(" ", "Adwaita:dark", darkDesktop).dark());
    }

    @Test
    void nothingSaysDarkMeansLight() {
        Detected d = ThemePreference.detect(null, "", NO_GSETTINGS);
        assertFalse(d.dark());
        assertEquals("no system preference found", d.source());
        assertFalse(ThemePreference.detect(null, null,
                gsettings(Map.of("color-scheme", "'default'"), new ArrayList<>())).dark());
    }

    @Test
    void anExplicitChoiceWinsOverTheSystem() {
        Detected darkSystem = new Detected(true, "GTK_THEME=Adwaita:dark");
        Detected lightSystem = new Detected(false, "no system preference found");
        assertFalse(ThemePreference.dark(ThemeChoice.LIGHT, darkSystem));
        assertTrue(ThemePreference.dark(ThemeChoice.DARK, lightSystem));
        assertTrue(ThemePreference.dark(ThemeChoice.SYSTEM, darkSystem));
        assertFalse(ThemePreference.dark(ThemeChoice.SYSTEM, lightSystem));
    }

    @Test
    void realCommandsGiveTheirOutputAndNothingWhenMissingFailingOrSlow() {
        ThemePreference.Command run = ThemePreference.processes(Duration.ofSeconds(5));
        assertEquals(Optional.of("'prefer-dark'\n"), run.run(List.of("printf", "'prefer-dark'\\n")));
        assertEquals(Optional.empty(), run.run(List.of("/nonexistent/gsettings", "get", "x", "y")));
        assertEquals(Optional.empty(), run.run(List.of("sh", "-c", "echo 'prefer-dark'; exit 1")));
        ThemePreference.Command impatient = ThemePreference.processes(Duration.ofMillis(200));
        assertEquals(Optional.empty(), impatient.run(List.of("sleep", "30")));
    }

    @Test
    void theChoiceIsRememberedInTheConfigFolder(@TempDir Path dir) throws IOException {
        ThemeChoiceStore store = ThemeChoiceStore.forUser(Map.of("XDG_CONFIG_HOME", dir.toString()), "/nonexistent");
        assertEquals(dir.resolve("aspace/theme"), store.file());
        assertEquals(ThemeChoice.SYSTEM, store.load());
        store.save(ThemeChoice.DARK);
        assertEquals("dark\n", Files.readString(store.file()));
        assertEquals(ThemeChoice.DARK, new ThemeChoiceStore(store.file()).load());
        store.save(ThemeChoice.LIGHT);
        assertEquals(ThemeChoice.LIGHT, store.load());
        try (var left = Files.list(store.file().getParent())) {
            assertEquals(List.of(store.file()), left.toList()); // no temporary file left behind
        }
    }

    @Test
    void withoutXdgConfigHomeTheFileIsUnderHomeConfig(@TempDir Path dir) throws IOException {
        assertEquals(dir.resolve(".config/aspace/theme"),
                ThemeChoiceStore.forUser(Map.of(), dir.toString()).file());
        assertEquals(dir.resolve(".config/aspace/theme"),
                ThemeChoiceStore.forUser(Map.of("XDG_CONFIG_HOME", "relative/dir"), dir.toString()).file());
        ThemeChoiceStore store = ThemeChoiceStore.forUser(Map.of(), dir.toString());
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "purple\n");
        assertEquals(ThemeChoice.SYSTEM, store.load()); // a file it cannot read never stops the app
    }
}
