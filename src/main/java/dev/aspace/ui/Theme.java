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
 * Light or dark for the whole app, in one call (AtlantaFX's user-agent stylesheet): the user's
 * choice (System, Light, Dark; remembered across runs when the app gave a {@link ThemeChoiceStore})
 * and, for System, what {@link ThemePreference} detected. FX thread only.
 */
public final class Theme {

    private static final ObjectProperty<ThemeChoice> CHOICE = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    private static final ObjectProperty<ThemePreference.Detected> SYSTEM =
            new SimpleObjectProperty<>(new ThemePreference.Detected(false, "not asked yet"));
    private static final ReadOnlyBooleanWrapper DARK = new ReadOnlyBooleanWrapper(false);
    /** Where choices are remembered; null (tests, unless they set one): not remembered. */
    private static ThemeChoiceStore store;

    static {
        InvalidationListener show = o -> show();
        CHOICE.addListener(show);
        SYSTEM.addListener(show);
    }

    private Theme() {
    }

    /** At start: where choices are remembered, the saved choice and the system's preference. */
    public static void start(ThemeChoiceStore remembered, ThemeChoice saved, ThemePreference.Detected system) {
        store = remembered;
        SYSTEM.set(system);
        CHOICE.set(saved);
        show();
    }

    /** Light or dark now, not remembered (tests and tools). */
    public static void apply(boolean dark) {
        CHOICE.set(dark ? ThemeChoice.DARK : ThemeChoice.LIGHT);
        show();
    }

    /** The user chose: shown at once, remembered in the background; {@code failed} hears why not. */
    public static void choose(ThemeChoice choice, Background background, Consumer<? super Throwable> failed) {
        CHOICE.set(choice);
        ThemeChoiceStore s = store;
        if (s != null) {
            background.submit(() -> {
                s.save(choice);
                return choice;
            }, c -> { }, failed);
        }
    }

    /** The system's preference changed or was read late (gsettings answers off the FX thread). */
    public static void systemDetected(ThemePreference.Detected system) {
        SYSTEM.set(system);
    }

    public static ReadOnlyObjectProperty<ThemeChoice> choiceProperty() {
        return CHOICE;
    }

    public static ReadOnlyObjectProperty<ThemePreference.Detected> systemProperty() {
        return SYSTEM;
    }

    /** True while the dark theme is on (the canvas views pick their palette from it). */
    public static ReadOnlyBooleanProperty darkProperty() {
        return DARK.getReadOnlyProperty();
    }

    /** The app's own stylesheet, on top of the theme. */
    public static String stylesheet() {
        return Theme.class.getResource("aspace.css").toExternalForm();
    }

    /**
     * The toolbar's three-way choice (ids themeSystem, themeLight, themeDark): one is always
     * selected; a click is the user's choice, remembered through {@code background}.
     */
    public static Node chooser(Background background, Consumer<? super Throwable> failed) {
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
            b.setSelected(c == CHOICE.get());
            b.getStyleClass().add(c == ThemeChoice.SYSTEM ? Styles.LEFT_PILL
                    : c == ThemeChoice.DARK ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            Tooltip tip = new Tooltip();
            if (c == ThemeChoice.SYSTEM) {
                tip.textProperty().bind(Bindings.createStringBinding(
                        () -> "Follow the system: " + SYSTEM.get().describe(), SYSTEM));
            } else {
                tip.setText("Always " + c.label().toLowerCase(Locale.ROOT) + " (remembered)");
            }
            b.setTooltip(tip);
            box.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one choice is always on
            } else if (now.getUserData() != CHOICE.get()) {
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
        CHOICE.addListener(new WeakChangeListener<>(follow));
        return box;
    }

    private static void show() {
        boolean dark = ThemePreference.dark(CHOICE.get(), SYSTEM.get());
        // the binary form AtlantaFX ships beside the text one: the same 1,013 rules, read in 40 ms
        // where parsing the CSS took 130 ms of the FX thread at every start (docs/PERFORMANCE.md)
        String css = dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        if (!css.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(css);
        }
        DARK.set(dark);
    }
}
