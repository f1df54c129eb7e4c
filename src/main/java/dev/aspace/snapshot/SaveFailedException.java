package dev.aspace.snapshot;

import dev.aspace.model.AspaceException;

/** A file could not be written; any file that was there before is unchanged. */
public final class SaveFailedException extends AspaceException {

    private final int exitCode;

    /** A runtime condition (permissions, disk space): exit code 1. */
    public SaveFailedException(String message, Throwable cause) {
        this(message, cause, 1);
    }

    /** With exit code 2 when the output named is itself the problem (a device, a directory). */
    public SaveFailedException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
