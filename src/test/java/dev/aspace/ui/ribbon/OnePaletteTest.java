package dev.aspace.ui.ribbon;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.aspace.model.Perms;
import dev.aspace.snapshot.export.ExportPalette;
import dev.aspace.ui.grid.GridPalette;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One palette: the ribbon's (and so the compare view's) and the region table's colours are the pure palette's that the
 * export and CLI render use, and its theme colours are what AtlantaFX's Primer light and dark
 * resolve for their looked-up colours.
 */
@ExtendWith(ApplicationExtension.class)
class OnePaletteTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void ribbonAndExportFillEveryPermissionAlike() {
        for (String perms : new String[] {"---p", "r--p", "rw-p", "r-xp", "rwxp", "-w-p", "--xp", "-wxs", "rw-s"}) {
            Perms p = Perms.parse(perms);
            assertEquals(Color.web(ExportPalette.fill(p)), RibbonPalette.LIGHT.fill(p), perms);
            assertEquals(Color.web(ExportPalette.LIGHT.fill(p)), RibbonPalette.LIGHT.fill(p), perms);
            assertEquals(Color.web(ExportPalette.DARK.fill(p)), RibbonPalette.DARK.fill(p), perms);
        }
        for (RibbonPalette.KindGroup k : RibbonPalette.KindGroup.values()) {
            assertEquals(k.word(), ExportPalette.KINDS.get(k.ordinal())[0]);
            assertEquals(Color.web(ExportPalette.KINDS.get(k.ordinal())[1]), k.color(), k.word());
        }
    }

    @Test
    void ribbonAndTableColoursAreTheThemesLookedUpColours(FxRobot robot) {
        assertEquals(RibbonPalette.LIGHT, RibbonPalette.current(false));
        assertEquals(RibbonPalette.DARK, RibbonPalette.current(true));
        for (boolean dark : new boolean[] {false, true}) {
            RibbonPalette pal = RibbonPalette.current(dark);
            GridPalette grid = GridPalette.current(dark);
            Map<String, Color> resolved = resolve(robot, dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            String theme = dark ? "dark " : "light ";
            assertEquals(resolved.get("-color-bg-default"), pal.background(), theme + "background");
            assertEquals(resolved.get("-color-fg-default"), pal.text(), theme + "text");
            assertEquals(resolved.get("-color-fg-muted"), pal.muted(), theme + "muted");
            assertEquals(resolved.get("-color-accent-fg"), pal.selection(), theme + "selection");
            assertEquals(resolved.get("-color-bg-subtle"), pal.gap(), theme + "gap");
            assertEquals(resolved.get("-color-fg-subtle"), pal.gapMark(), theme + "gap mark");
            // the region table, painted on a canvas, as the controls around it
            same(resolved.get("-color-bg-default"), grid.background(), theme + "table background");
            same(resolved.get("-color-bg-subtle"), grid.stripe(), theme + "table stripe");
            same(resolved.get("-color-bg-subtle"), grid.header(), theme + "table header");
            same(resolved.get("-color-fg-default"), grid.text(), theme + "table text");
            same(resolved.get("-color-fg-muted"), grid.muted(), theme + "table muted");
            same(resolved.get("-color-border-default"), grid.lines(), theme + "table lines");
            same(resolved.get("-color-accent-subtle"), grid.selection(), theme + "table selected row");
            same(resolved.get("-color-accent-fg"), grid.accent(), theme + "table accent");
        }
    }

    /** Equal, the opacity to the 1/255 a hex colour can say (the dark theme's 0.15 is 0x26). */
    private static void same(Color want, Color got, String what) {
        assertEquals(want.getRed(), got.getRed(), 1e-9, what + " " + got + " against the theme's " + want);
        assertEquals(want.getGreen(), got.getGreen(), 1e-9, what);
        assertEquals(want.getBlue(), got.getBlue(), 1e-9, what);
        assertEquals(want.getOpacity(), got.getOpacity(), 1.0 / 255, what);
    }

    /**
     * No view keeps a copy of the palette: a colour literal in the window's code that is one of the
     * palette's colours (light or dark, fills, kinds or theme colours) means a second table that will
     * not follow when the palette changes.
     */
    @Test
    void noViewKeepsItsOwnCopyOfThePalette() throws IOException {
        Set<String> palette = new HashSet<>();
        for (ExportPalette.Colors c : new ExportPalette.Colors[] {ExportPalette.LIGHT, ExportPalette.DARK}) {
            for (var component : ExportPalette.Colors.class.getRecordComponents()) {
                try {
                    palette.add(((String) component.getAccessor().invoke(c)).toLowerCase());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        ExportPalette.KINDS.forEach(k -> palette.add(k[1].toLowerCase()));
        Pattern literal = Pattern.compile("\"(#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?)\"");
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/aspace/ui"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (palette.contains(m.group(1).toLowerCase())) {
                        copies.add(f.getFileName() + " " + m.group(1));
                    }
                }
            }
        }
        assertTrue(copies.isEmpty(), "palette colours copied into views instead of taken from ExportPalette: " + copies);
    }

    /** The theme's looked-up colours as a node under it resolves them (the scene-level sheet, not the global one). */
    private Map<String, Color> resolve(FxRobot robot, String themeSheet) {
        Map<String, Color> out = new LinkedHashMap<>();
        robot.interact(() -> {
            VBox root = new VBox();
            Map<String, Region> probes = new LinkedHashMap<>();
            for (String name : new String[] {"-color-bg-default", "-color-fg-default", "-color-fg-muted", "-color-accent-fg",
                "-color-bg-subtle", "-color-fg-subtle", "-color-border-default", "-color-accent-subtle"}) {
                Region r = new Region();
                r.setStyle("-fx-background-color: " + name + ";");
                probes.put(name, r);
                root.getChildren().add(r);
            }
            Scene scene = new Scene(root, 100, 100);
            scene.getStylesheets().add(themeSheet);
            stage.setScene(scene);
            stage.show();
            root.applyCss();
            probes.forEach((name, r) -> {
                Background b = r.getBackground();
                out.put(name, (Color) b.getFills().get(0).getFill());
            });
        });
        return out;
    }
}
