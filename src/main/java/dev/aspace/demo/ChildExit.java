package dev.aspace.demo;

import java.util.Locale;

/**
 * How the memory-user child ended.
 *
 * @param pid       its pid
 * @param exitCode  as Java reports it: 128 + N when killed by signal N
 * @param oomKilled true when it died of SIGKILL while the kernel's oom_kill counter rose
 * @param expected  true when the app asked it to end (close, exit)
 * @param cgroupDeath what the memory cgroup it ran in says ended it ("killed by the cgroup's OOM
 *                  killer at ..."), or "" when it ran in none or simply exited
 */
public record ChildExit(int pid, int exitCode, boolean oomKilled, boolean expected, String cgroupDeath) {

    /** Linux's numbers (x86_64 and aarch64 agree on these). */
    private static final String[] SIGNALS = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM",
        "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    /** How a child ended, the OOM killer counted when it died of SIGKILL while oom_kill rose past {@code oomKillsBefore}. */
    public static ChildExit of(int pid, int exitCode, long oomKillsBefore, boolean expected) {
        boolean oom = exitCode == 128 + 9 && oomKillsBefore >= 0 && MemoryUserController.oomKills() > oomKillsBefore;
        return new ChildExit(pid, exitCode, oom, expected, "");
    }

    /** The same end, as the cgroup it ran in tells it (the cgroup's own counter is surer than the machine's). */
    public ChildExit inCgroup(String death) {
        return new ChildExit(pid, exitCode, oomKilled || death.contains("OOM killer"), expected, death);
    }

    public boolean killedBySigkill() {
        return exitCode == 128 + 9;
    }

    /** True when a signal ended it. */
    public boolean killedBySignal() {
        return exitCode > 128 && exitCode < 128 + 65;
    }

    /** SIGSEGV for 11, SIGRTMIN+N for real-time signals. */
    static String signalName(int n) {
        if (n > 0 && n < SIGNALS.length) {
            return SIGNALS[n];
        }
        return n >= 34 && n <= 64 ? "SIGRTMIN+" + (n - 34) : String.format(Locale.ROOT, "signal %d", n);
    }

    /** One line for a banner or the terminal. */
    public String describe() {
        if (cgroupDeath.contains("OOM killer")) {
            return "memory-user " + pid + " was " + cgroupDeath + ".";
        }
        if (oomKilled) {
            return "memory-user " + pid + " was killed by the kernel's OOM killer (SIGKILL; oom_kill in /proc/vmstat rose)."
                    + " It runs with oom_score_adj 1000 so that it, not the app, is chosen.";
        }
        if (killedBySigkill()) {
            return "memory-user " + pid + " was killed by SIGKILL (signal 9: kill -9, or the OOM killer).";
        }
        if (killedBySignal()) {
            int n = exitCode - 128;
            String why = switch (n) {
                case 7 -> ": a page of a file or shm block could not be backed (its filesystem is full?)";
                default -> "";
            };
            return "memory-user " + pid + " was killed by " + signalName(n) + " (signal " + n + ")" + why + ".";
        }
        return "memory-user " + pid + " exited with status " + exitCode + (expected ? " (as asked)." : ".");
    }
}
