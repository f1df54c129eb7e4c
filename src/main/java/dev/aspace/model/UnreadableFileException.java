package dev.aspace.model;

/** A file the user named exists but this user may not read it: a runtime condition, not bad input. */
public final class UnreadableFileException extends AspaceException {

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
