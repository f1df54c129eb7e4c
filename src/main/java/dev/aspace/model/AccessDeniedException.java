package dev.aspace.model;

/** The kernel refused to show a process's memory to this user. */
public final class AccessDeniedException extends AspaceException {

    private final int pid;

    public AccessDeniedException(int pid, String what, Throwable cause) {
        super("permission denied reading " + what + " of process " + pid
                + ": run as the same user as the process, as root, or with CAP_SYS_PTRACE", cause);
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
