package dev.aspace.backend.jna;

/** A libc call failed; the message names the call, its arguments and strerror(errno). */
public final class NativeCallException extends RuntimeException {

    private final int errno;

    public NativeCallException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
