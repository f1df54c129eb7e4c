package dev.aspace.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The windows opened from the main one (lab, ASLR, compare): one of each kind, a second ask
 * raises the open one; each closes on Escape or Ctrl+W, and Ctrl+Q quits the app from any of them.
 */
public final class Secondary {

    private final Map<String, Stage> open = new HashMap<>();
    private final Runnable quit;

    /** @param quit what Ctrl+Q does (the app ends; tests count it) */
    public Secondary(Runnable quit) {
        this.quit = quit;
    }

    /**
     * The window of this kind: the showing one, raised, or one made by {@code make}, given the
     * close and quit keys and shown. {@code make} returns a stage not shown yet.
     */
    public Stage show(String kind, Supplier<Stage> make) {
        Stage s = open.get(kind);
        if (s != null && s.isShowing()) {
            s.setIconified(false);
            s.toFront();
            s.requestFocus();
            return s;
        }
        s = make.get();
        closeKeys(s, quit);
        open.put(kind, s);
        if (!s.isShowing()) {
            s.show();
        }
        return s;
    }

    /** The showing window of this kind, or null. */
    public Stage showing(String kind) {
        Stage s = open.get(kind);
        return s != null && s.isShowing() ? s : null;
    }

    /** Escape and Ctrl+W close {@code stage}; Ctrl+Q runs {@code quit}. */
    public static void closeKeys(Stage stage, Runnable quit) {
        Scene scene = stage.getScene();
        KeyCombination closeW = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
        KeyCombination quitQ = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
        // a handler, not an accelerator: Escape first goes to what has focus (a menu, a combo
        // box's popup, an editing field), and closes the window only if nothing used it
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || closeW.match(e)) {
                e.consume();
                stage.close();
            } else if (quitQ.match(e)) {
                e.consume();
                quit.run();
            }
        });
    }

    /**
     * Places {@code stage} (sized already) beside {@code owner} on the owner's screen: right of it
     * when there is room, else left, else against the screen's right edge, never past the screen.
     */
    public static void placeBeside(Stage stage, Window owner) {
        double w = stage.getWidth() > 0 ? stage.getWidth() : stage.getScene().getWidth();
        double h = stage.getHeight() > 0 ? stage.getHeight() : stage.getScene().getHeight();
        Rectangle2D screen = screenOf(owner);
        double[] xy = beside(owner == null ? null : new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(),
                owner.getHeight()), w, h, screen);
        stage.setX(xy[0]);
        stage.setY(xy[1]);
    }

    /** Where a w x h window goes beside {@code owner} within {@code screen}: {x, y}. */
    static double[] beside(Rectangle2D owner, double w, double h, Rectangle2D screen) {
        double x;
        double y;
        if (owner == null) {
            x = screen.getMaxX() - w;
            y = screen.getMinY();
        } else if (owner.getMaxX() + w <= screen.getMaxX()) {
            x = owner.getMaxX();
            y = owner.getMinY();
        } else if (owner.getMinX() - w >= screen.getMinX()) {
            x = owner.getMinX() - w;
            y = owner.getMinY();
        } else {
            x = screen.getMaxX() - w; // over the owner's right edge, its ribbon left in view
            y = owner.getMinY();
        }
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
        return new double[] {x, y};
    }

    /** The visual bounds of the screen a window is on (the primary screen when none). */
    public static Rectangle2D screenOf(Window w) {
        if (w != null && w.getWidth() > 0) {
            List<Screen> on = Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(), w.getHeight());
            if (!on.isEmpty()) {
                return on.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
