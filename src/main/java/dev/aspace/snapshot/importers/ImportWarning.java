package dev.aspace.snapshot.importers;

/**
 * A line that could not be read. Imports never drop a line silently: each one lands here.
 *
 * @param line    1-based line number in the file
 * @param text    the line as read (cut to 120 characters)
 * @param problem why it was not read
 */
public record ImportWarning(long line, String text, String problem) {

    @Override
    public String toString() {
        return "line " + line + ": " + problem + (text.isEmpty() ? "" : ": '" + text + "'");
    }
}
