package dev.aspace.ui.vm;

import dev.aspace.model.AspaceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where the window's unexpected errors go: a typed error (process gone, access denied, malformed
 * input, an I/O failure) is told in one line; anything else is a bug, logged with its stack trace
 * to a file under the user's state directory, and the one line says which file.
 */
public final class ErrorLog {

    private static final Logger LOG = Logger.getLogger("dev.aspace");
    /** The file the log goes to, once {@link #toFile} has been called; null before. */
    private static volatile Path file;

    private ErrorLog() {
    }

    /** {@code $XDG_STATE_HOME/aspace}, or {@code ~/.local/state/aspace} when unset or relative. */
    public static Path stateDir(Map<String, String> env, String home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home, ".local", "state");
        return base.resolve("aspace");
    }

    /**
     * Sends the app's log records to {@code aspace.log} in {@code dir} (made if missing),
     * appending; returns that file. Called once at start.
     */
    public static synchronized Path toFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve("aspace.log");
        FileHandler handler = new FileHandler(log.toString(), 1 << 20, 1, true);
        handler.setFormatter(new SimpleFormatter());
        for (var h : LOG.getHandlers()) {
            LOG.removeHandler(h);
            h.close();
        }
        LOG.addHandler(handler);
        LOG.setUseParentHandlers(false);
        file = log;
        return log;
    }

    /** The log file, or null when none was set up (tests, or the directory could not be made). */
    public static Path file() {
        return file;
    }

    /** True for the errors a user can meet in normal use; false for a bug. */
    public static boolean expected(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof AspaceException || e instanceof IOException || e instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line for the banner: a typed error's message; for an unexpected one, its class and
     * message and where its stack trace was logged.
     */
    public static String describe(Throwable t) {
        String line = SessionModel.messageOf(t);
        if (expected(t)) {
            return line;
        }
        LOG.log(Level.SEVERE, "unexpected error in the window: " + line, t);
        Path f = file;
        return "Unexpected error: " + line + (f == null ? " (stack trace logged)" : " — stack trace in " + f);
    }
}
