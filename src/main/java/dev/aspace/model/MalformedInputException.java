package dev.aspace.model;

/**
 * Input that is not what it claims to be: a snapshot file, imported text, or /proc text. The
 * message names where (file and line, or file and JSON path) and the form that was expected.
 */
public final class MalformedInputException extends AspaceException {

    private final String source;
    private final String location;

    /**
     * @param source   the file (or "/proc/4711/smaps")
     * @param location "line 12" or a JSON path like "$.regions[3].start"; may be empty
     * @param problem  what is wrong and what was expected
     */
    public MalformedInputException(String source, String location, String problem, Throwable cause) {
        super(source + (location.isEmpty() ? "" : ":" + location) + ": " + problem, cause);
        this.source = source;
        this.location = location;
    }

    public MalformedInputException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public String source() {
        return source;
    }

    public String location() {
        return location;
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
