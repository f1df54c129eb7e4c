package dev.aspace.model;

import java.util.List;

/**
 * Who the process is: from {@code /proc/PID/status}, {@code cmdline} and {@code comm}.
 *
 * @param pid      process id
 * @param ppid     parent process id (0 when unknown)
 * @param comm     the short name ({@code comm}), e.g. "sleep"
 * @param cmdline  arguments as the process set them; empty for kernel threads and zombies
 * @param uid      real user id (-1 when unknown)
 * @param user     user name for the uid, or the number when it has no name
 * @param state    state from status, e.g. "S (sleeping)"
 * @param vmSize   VmSize in bytes (0 when unknown)
 * @param vmRss    VmRSS in bytes (0 when unknown)
 */
public record ProcessInfo(int pid, int ppid, String comm, List<String> cmdline, int uid, String user,
                          String state, long vmSize, long vmRss) {

    public ProcessInfo {
        cmdline = List.copyOf(cmdline);
    }

    /** The command line joined by spaces, or {@code [comm]} when it has none (as ps shows it). */
    public String commandLine() {
        return cmdline.isEmpty() ? "[" + comm + "]" : String.join(" ", cmdline);
    }
}
