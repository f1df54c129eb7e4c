package dev.aspace.ui.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a window was and how it was split: position and size in screen pixels, whether it was
 * maximized, and its split panes' divider positions (0..1, in the window's own order). Kept as
 * {@code key=value} lines a person can read. No JavaFX.
 */
public record WindowPlace(double x, double y, double width, double height, boolean maximized, List<Double> dividers) {

    /** A screen's usable area (its visual bounds: without panels and docks). */
    public record Area(double x, double y, double width, double height) {
    }

    /** Smaller than this a window is of no use; a remembered size below it is not restored. */
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 480;

    public WindowPlace {
        dividers = List.copyOf(dividers);
    }

    /**
     * The first place on a screen: the preferred size, or the screen's usable area where it is
     * smaller, centred in it.
     */
    public static WindowPlace first(double prefWidth, double prefHeight, Area screen, List<Double> dividers) {
        double w = Math.min(prefWidth, screen.width());
        double h = Math.min(prefHeight, screen.height());
        return new WindowPlace(screen.x() + (screen.width() - w) / 2, screen.y() + (screen.height() - h) / 2, w, h,
                false, dividers);
    }

    /**
     * This place made to lie on {@code screen}: no larger than its usable area and moved inside it
     * (a window remembered on a larger or a detached screen comes back whole and reachable).
     */
    public WindowPlace within(Area screen) {
        double w = Math.max(Math.min(width, screen.width()), Math.min(MIN_WIDTH, screen.width()));
        double h = Math.max(Math.min(height, screen.height()), Math.min(MIN_HEIGHT, screen.height()));
        double nx = Math.max(screen.x(), Math.min(x, screen.x() + screen.width() - w));
        double ny = Math.max(screen.y(), Math.min(y, screen.y() + screen.height() - h));
        return new WindowPlace(nx, ny, w, h, maximized, dividers);
    }

    /** The saved form: one {@code key=value} a line. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("x=").append(num(x)).append('\n');
        sb.append("y=").append(num(y)).append('\n');
        sb.append("width=").append(num(width)).append('\n');
        sb.append("height=").append(num(height)).append('\n');
        sb.append("maximized=").append(maximized).append('\n');
        List<String> d = new ArrayList<>();
        for (double v : dividers) {
            d.add(String.format(Locale.ROOT, "%.4f", v));
        }
        sb.append("dividers=").append(String.join(",", d)).append('\n');
        return sb.toString();
    }

    /** What {@link #format} wrote; empty when a value is missing or not a number (nothing is restored then). */
    public static Optional<WindowPlace> parse(String text) {
        Map<String, String> kv = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                kv.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        try {
            double x = Double.parseDouble(kv.get("x"));
            double y = Double.parseDouble(kv.get("y"));
            double w = Double.parseDouble(kv.get("width"));
            double h = Double.parseDouble(kv.get("height"));
            List<Double> dividers = new ArrayList<>();
            String d = kv.getOrDefault("dividers", "");
            for (String part : d.isBlank() ? new String[0] : d.split(",")) {
                double v = Double.parseDouble(part.strip());
                if (!(v >= 0 && v <= 1)) {
                    return Optional.empty();
                }
                dividers.add(v);
            }
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(w >= MIN_WIDTH / 2) || !(h >= MIN_HEIGHT / 2)
                    || !Double.isFinite(w) || !Double.isFinite(h)) {
                return Optional.empty();
            }
            return Optional.of(new WindowPlace(x, y, w, h, Boolean.parseBoolean(kv.get("maximized")), dividers));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
