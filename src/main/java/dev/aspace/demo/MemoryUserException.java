package dev.aspace.demo;

import dev.aspace.model.AspaceException;

/** The memory-user child refused a command, could not start, or died. */
public final class MemoryUserException extends AspaceException {

    public MemoryUserException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
