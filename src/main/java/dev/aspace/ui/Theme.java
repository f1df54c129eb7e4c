package dev.aspace.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import javafx.application.Application;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Light or dark for the app, in one call (AtlantaFX's user-agent stylesheet, which JavaFX keeps
 * for the whole app): the user's choice (System, Light, Dark; remembered across runs when given a
 * {@link ThemeChoiceStore}) and, for System, what {@link ThemePreference} detected. The app makes
 * one and hands it to its windows, which give their views {@link #darkProperty()}. FX thread only.
 */
public final class Theme {

    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    private final ObjectProperty<ThemePreference.Detected> system;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(false);
    /** Where choices are remembered; null: not remembered. */
    private final ThemeChoiceStore store;

    /**
     * At start: where choices are remembered (null: nowhere), the saved choice and the system's
     * preference; shown at once.
     */
    public Theme(ThemeChoiceStore remembered, ThemeChoice saved, ThemePreference.Detected systemPreference) {
        store = remembered;
        system = new SimpleObjectProperty<>(systemPreference);
        choice.set(saved);
        InvalidationListener show = o -> show();
        choice.addListener(show);
        system.addListener(show);
        show();
    }

    /** Light or dark, shown at once and not remembered (tests and tools). */
    public static Theme fixed(boolean dark) {
        return new Theme(null, dark ? ThemeChoice.DARK : ThemeChoice.LIGHT,
                new ThemePreference.Detected(false, "not asked"));
    }

    /** Light or dark now, not remembered (tests and tools). */
    public void apply(boolean dark) {
        choice.set(dark ? ThemeChoice.DARK : ThemeChoice.LIGHT);
    }

    /** The user chose: shown at once, remembered in the background; {@code failed} hears why not. */
    public void choose(ThemeChoice chosen, Background background, Consumer<? super Throwable> failed) {
        choice.set(chosen);
        ThemeChoiceStore s = store;
        if (s != null) {
            background.submit(() -> {
                s.save(chosen);
                return chosen;
            }, c -> { }, failed);
        }
    }

    /** The system's preference changed or was read late (gsettings answers off the FX thread). */
    public void systemDetected(ThemePreference.Detected detected) {
        system.set(detected);
    }

    public ReadOnlyObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    public ReadOnlyObjectProperty<ThemePreference.Detected> systemProperty() {
        return system;
    }

    /** True while the dark theme is on (the canvas views pick their palette from it). */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** The app's own stylesheet, on top of the theme. */
    public static String stylesheet() {
        return Theme.class.getResource("aspace.css").toExternalForm();
    }

    /**
     * The toolbar's three-way choice (ids themeSystem, themeLight, themeDark): one is always
     * selected; a click is the user's choice, remembered through {@code background}.
     */
    public Node chooser(Background background, Consumer<? super Throwable> failed) {
        ToggleGroup group = new ToggleGroup();
        // no caption: System / Light / Dark say what they choose, and the toolbar keeps one row at 1280
        HBox box = new HBox();
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("themeChooser");
        for (ThemeChoice c : ThemeChoice.values()) {
            ToggleButton b = new ToggleButton(c.label());
            b.setId("theme" + c.label());
            b.setUserData(c);
            b.setToggleGroup(group);
            b.setSelected(c == choice.get());
            b.getStyleClass().add(c == ThemeChoice.SYSTEM ? Styles.LEFT_PILL
                    : c == ThemeChoice.DARK ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            Tooltip tip = new Tooltip();
            if (c == ThemeChoice.SYSTEM) {
                tip.textProperty().bind(Bindings.createStringBinding(
                        () -> "Follow the system: " + system.get().describe(), system));
            } else {
                tip.setText("Always " + c.label().toLowerCase(Locale.ROOT) + " (remembered)");
            }
            b.setTooltip(tip);
            box.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one choice is always on
            } else if (now.getUserData() != choice.get()) {
                choose((ThemeChoice) now.getUserData(), background, failed);
            }
        });
        // follow choices made elsewhere (another window, start options); weak, so a closed window goes
        ChangeListener<ThemeChoice> follow = (o, was, now) -> {
            for (Toggle t : group.getToggles()) {
                if (t.getUserData() == now) {
                    group.selectToggle(t); // selecting the new one first: the group is never empty
                }
            }
        };
        box.getProperties().put(Theme.class, follow);
        choice.addListener(new WeakChangeListener<>(follow));
        return box;
    }

    private void show() {
        boolean isDark = ThemePreference.dark(choice.get(), system.get());
        // the binary form AtlantaFX ships beside the text one: the same 1,013 rules, read in 40 ms
        // where parsing the CSS took 130 ms of the FX thread at every start (docs/PERFORMANCE.md)
        String css = isDark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        if (!css.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(css);
        }
        dark.set(isDark);
    }
}
