package dev.aspace.model;

/** A cgroup could not be made or used here: the message says what is needed instead. */
public final class CgroupUnavailableException extends AspaceException {

    public CgroupUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
