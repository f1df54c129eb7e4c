package dev.aspace.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code aspace} with no arguments opens the window; without a display that cannot work, and
 * the answer is one line, not JavaFX's stack trace. Loads nothing but itself (start-up time).
 */
public final class NoDisplay {

    static final String MESSAGE = "no display: set DISPLAY, or use a subcommand: aspace --help";

    private NoDisplay() {
    }

    /**
     * @return 1 after saying so when there is no display to open the window on, else 0
     */
    public static int check(Map<String, String> env, String glassPlatform) {
        return check(env, glassPlatform, System.err);
    }

    static int check(Map<String, String> env, String glassPlatform, PrintStream err) {
        boolean headless = "Monocle".equalsIgnoreCase(glassPlatform); // tests and headless runs bring their own
        if (headless || !isBlank(env.get("DISPLAY")) || !isBlank(env.get("WAYLAND_DISPLAY"))) {
            return 0;
        }
        err.println("aspace: " + MESSAGE);
        err.flush();
        return 1;
    }

    /** The window could not start (a DISPLAY that cannot be opened): one line, exit 1. */
    public static int failed(RuntimeException e, Map<String, String> env) {
        return failed(e, env, System.err);
    }

    static int failed(RuntimeException e, Map<String, String> env, PrintStream err) {
        String display = env.get("DISPLAY");
        err.println("aspace: cannot open the window"
                + (isBlank(display) ? "" : " on DISPLAY=" + display)
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                + ": check DISPLAY, or use a subcommand: aspace --help");
        err.flush();
        return 1;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
