package dev.aspace.snapshot;

import dev.aspace.model.AspaceException;

/** A snapshot could not be saved; any file that was there before is unchanged. */
public final class SaveFailedException extends AspaceException {

    public SaveFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A runtime condition (permissions, disk space), not bad input. */
    @Override
    public int exitCode() {
        return 1;
    }
}
