package dev.aspace.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.aspace.ui.ThemePreference.Detected;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The toolbar's System / Light / Dark choice: what it applies, and what it remembers. */
@ExtendWith(ApplicationExtension.class)
class ThemeChooserTest {

    private static final String DARK_CSS = new PrimerDark().getUserAgentStylesheetBSS();
    private static final String LIGHT_CSS = new PrimerLight().getUserAgentStylesheetBSS();

    private final List<Throwable> failures = new ArrayList<>();
    private Label text;
    private Path config;
    private ThemeChoiceStore store;
    private Theme theme;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        config = Files.createTempDirectory("aspace-theme-test");
        store = new ThemeChoiceStore(config.resolve("aspace/theme"));
        theme = new Theme(store, ThemeChoice.SYSTEM, new Detected(false, "no system preference found"));
        text = new Label("0x7ffe0efbf000");
        stage.setScene(new Scene(new VBox(theme.chooser(Background.direct(), failures::add), text), 400, 200));
        stage.show();
    }

    @AfterEach
    void forget() throws IOException {
        Theme.fixed(false); // the stylesheet is the whole app's: light again for the next test
        Files.deleteIfExists(store.file());
        Files.deleteIfExists(store.file().getParent());
        Files.deleteIfExists(config);
    }

    /** The label's text colour as the theme's CSS set it: light text on a dark theme. */
    private double textBrightness() {
        return ((Color) text.getTextFill()).getBrightness();
    }

    @Test
    void choosingDarkAppliesTheDarkStylesheetAndRemembersIt(FxRobot robot) throws IOException {
        assertEquals(LIGHT_CSS, Application.getUserAgentStylesheet());
        assertTrue(textBrightness() < 0.5, "dark text on the light theme");

        robot.clickOn("#themeDark");

        assertEquals(DARK_CSS, Application.getUserAgentStylesheet());
        assertTrue(theme.darkProperty().get());
        assertTrue(textBrightness() > 0.5, "light text on the dark theme");
        assertEquals(ThemeChoice.DARK, theme.choiceProperty().get());
        assertEquals("dark\n", Files.readString(store.file()));
        assertEquals(ThemeChoice.DARK, store.load()); // what the next run starts with
        assertEquals(List.of(), failures);
    }

    @Test
    void systemFollowsTheDetectedValue(FxRobot robot) throws IOException {
        robot.interact(() -> {
            theme = new Theme(store, ThemeChoice.LIGHT, new Detected(true, "GTK_THEME=Adwaita:dark"));
            stage.getScene().setRoot(new VBox(theme.chooser(Background.direct(), failures::add), text));
        });
        assertEquals(LIGHT_CSS, Application.getUserAgentStylesheet()); // the user's Light beats the system
        assertTrue(robot.lookup("#themeLight").queryAs(ToggleButton.class).isSelected());

        robot.clickOn("#themeSystem");
        assertEquals(DARK_CSS, Application.getUserAgentStylesheet());
        assertEquals("system\n", Files.readString(store.file()));
        assertEquals("Follow the system: dark (GTK_THEME=Adwaita:dark)",
                robot.lookup("#themeSystem").queryAs(ToggleButton.class).getTooltip().getText());

        // the desktop's answer arrives (or changes): System follows it
        robot.interact(() -> theme.systemDetected(new Detected(false, "GNOME color-scheme 'prefer-light'")));
        assertEquals(LIGHT_CSS, Application.getUserAgentStylesheet());
        assertFalse(theme.darkProperty().get());
        assertTrue(textBrightness() < 0.5);
        assertEquals(List.of(), failures);
    }

    @Test
    void clickingTheChosenButtonAgainKeepsOneChoiceOn(FxRobot robot) {
        robot.clickOn("#themeSystem");
        assertTrue(robot.lookup("#themeSystem").queryAs(ToggleButton.class).isSelected());
        assertEquals(ThemeChoice.SYSTEM, theme.choiceProperty().get());
    }
}
