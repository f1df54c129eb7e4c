package dev.aspace.model;

/**
 * The process remapped its memory during every attempt to read it, so no read was whole. The
 * reader would rather fail than present a torn address space.
 */
public final class ProcessChangedException extends AspaceException {

    private final int pid;

    public ProcessChangedException(int pid, int attempts) {
        super("process " + pid + " changed its mappings during each of " + attempts
                + " reads, so no whole picture could be taken: try again", null);
        this.pid = pid;
    }

    public int pid() {
        return pid;
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
