package dev.aspace.model;

/**
 * A condition a user can understand and act on. The message is one line that names the thing
 * and the fix; the CLI prints it as is and exits with {@link #exitCode()}, the GUI shows it in a
 * banner. No stack trace reaches a user.
 */
public abstract class AspaceException extends RuntimeException {

    protected AspaceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 1: a runtime condition (no such process, permission); 2: bad usage or a bad input file. */
    public abstract int exitCode();
}
