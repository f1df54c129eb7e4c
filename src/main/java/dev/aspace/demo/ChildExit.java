package dev.aspace.demo;

/**
 * How the memory-user child ended.
 *
 * @param pid       its pid
 * @param exitCode  as Java reports it: 128 + N when killed by signal N
 * @param oomKilled true when it died of SIGKILL while the kernel's oom_kill counter rose
 * @param expected  true when the app asked it to end (close, exit)
 */
public record ChildExit(int pid, int exitCode, boolean oomKilled, boolean expected) {

    public boolean killedBySigkill() {
        return exitCode == 128 + 9;
    }

    /** One line for a banner or the terminal. */
    public String describe() {
        if (oomKilled) {
            return "memory-user " + pid + " was killed by the kernel's OOM killer (SIGKILL; oom_kill in /proc/vmstat rose)."
                    + " It runs with oom_score_adj 1000 so that it, not the app, is chosen.";
        }
        if (killedBySigkill()) {
            return "memory-user " + pid + " was killed by SIGKILL (kill -9, or the OOM killer).";
        }
        if (exitCode > 128) {
            return "memory-user " + pid + " was killed by signal " + (exitCode - 128) + ".";
        }
        return "memory-user " + pid + " exited with status " + exitCode + (expected ? " (as asked)." : ".");
    }
}
