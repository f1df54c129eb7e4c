package dev.aspace.model;

/** The process does not exist, or exited while it was being read. */
public final class ProcessGoneException extends AspaceException {

    private final int pid;

    public ProcessGoneException(int pid, String message, Throwable cause) {
        super(message, cause);
        this.pid = pid;
    }

    public static ProcessGoneException noSuchProcess(int pid) {
        return new ProcessGoneException(pid, "no such process: " + pid + " (check the PID with 'aspace ps')", null);
    }

    public static ProcessGoneException exitedWhileReading(int pid) {
        return new ProcessGoneException(pid, "process " + pid + " exited while it was being read", null);
    }

    public int pid() {
        return pid;
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
