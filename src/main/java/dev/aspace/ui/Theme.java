package dev.aspace.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Light or dark, in one call for the whole app (AtlantaFX's user-agent stylesheet). */
public final class Theme {

    private static final ReadOnlyBooleanWrapper DARK = new ReadOnlyBooleanWrapper(false);

    private Theme() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        DARK.set(dark);
    }

    /** True while the dark theme is on (the canvas views pick their palette from it). */
    public static ReadOnlyBooleanProperty darkProperty() {
        return DARK.getReadOnlyProperty();
    }

    /** The app's own stylesheet, on top of the theme. */
    public static String stylesheet() {
        return Theme.class.getResource("aspace.css").toExternalForm();
    }
}
