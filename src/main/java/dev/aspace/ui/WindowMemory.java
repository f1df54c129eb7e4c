package dev.aspace.ui;

import dev.aspace.ui.files.ConfigFile;
import dev.aspace.ui.files.WindowPlace;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The main window's place between runs: size, position, maximized and its dividers, in a small
 * file in aspace's config folder. A remembered place is brought onto today's screens; the first
 * start fits the screen's usable area.
 */
public final class WindowMemory {

    /** The size the window asks for on a screen large enough. */
    public static final double PREF_WIDTH = 1500;
    public static final double PREF_HEIGHT = 940;

    private final ConfigFile file;

    public WindowMemory(ConfigFile file) {
        this.file = file;
    }

    /** The user's: {@code $XDG_CONFIG_HOME/aspace/main-window}. */
    public static WindowMemory forUser() {
        return new WindowMemory(ConfigFile.forUser("main-window"));
    }

    /** Where the window goes now: the remembered place on a screen it overlaps, or the first place. */
    public WindowPlace place(List<Double> defaultDividers) {
        WindowPlace saved = file.read().flatMap(WindowPlace::parse).orElse(null);
        if (saved != null) {
            List<Screen> on = Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height());
            Screen screen = on.isEmpty() ? Screen.getPrimary() : on.get(0);
            WindowPlace p = saved.within(area(screen.getVisualBounds()));
            return p.dividers().size() == defaultDividers.size() ? p
                    : new WindowPlace(p.x(), p.y(), p.width(), p.height(), p.maximized(), defaultDividers);
        }
        return WindowPlace.first(PREF_WIDTH, PREF_HEIGHT, area(Screen.getPrimary().getVisualBounds()), defaultDividers);
    }

    /**
     * A scene of the place's size for {@code root}, and the stage (not shown yet; null: only the
     * dividers) and the split panes put where {@code p} says.
     */
    public static Scene apply(WindowPlace p, Stage stage, Parent root, List<SplitPane> splits) {
        Scene scene = root == null ? null : new Scene(root, p.width(), p.height());
        if (stage != null) {
            stage.setScene(scene);
            stage.setX(p.x());
            stage.setY(p.y());
            stage.setMaximized(p.maximized());
            // a window manager's frame comes on top of the scene: once shown, the whole stays on screen
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> keepOnScreen(stage));
        }
        int k = 0;
        for (SplitPane s : splits) {
            int n = s.getDividers().size();
            if (k + n <= p.dividers().size()) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = p.dividers().get(k + i);
                }
                s.setDividerPositions(d);
            }
            k += n;
        }
        return scene;
    }

    /** Shrinks and moves a shown stage so that all of it, frame included, lies on its screen. */
    static void keepOnScreen(Stage stage) {
        WindowPlace now = new WindowPlace(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false,
                List.of());
        WindowPlace fit = now.within(area(Secondary.screenOf(stage)));
        if (!fit.equals(now)) {
            stage.setWidth(fit.width());
            stage.setHeight(fit.height());
            stage.setX(fit.x());
            stage.setY(fit.y());
        }
    }

    /** The place of a showing stage and its split panes now. */
    public static WindowPlace of(Stage stage, List<SplitPane> splits) {
        return new WindowPlace(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                dividers(splits));
    }

    /** The split panes' divider positions, in order. */
    public static List<Double> dividers(List<SplitPane> splits) {
        List<Double> d = new ArrayList<>();
        for (SplitPane s : splits) {
            for (double v : s.getDividerPositions()) {
                d.add(v);
            }
        }
        return d;
    }

    /** Remembers the place (a small file, written at once: called as the window closes). */
    public void save(WindowPlace p, Consumer<? super IOException> failed) {
        try {
            file.write(p.format());
        } catch (IOException e) {
            failed.accept(e);
        }
    }

    static WindowPlace.Area area(Rectangle2D r) {
        return new WindowPlace.Area(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
