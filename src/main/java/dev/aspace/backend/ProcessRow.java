package dev.aspace.backend;

/**
 * One line of {@code ps auxw}.
 *
 * @param pid        process id
 * @param user       owner's name (or uid)
 * @param cpuPercent %CPU as ps computes it (CPU time over elapsed time)
 * @param memPercent %MEM: resident size over MemTotal
 * @param vsz        virtual size in KiB
 * @param rss        resident size in KiB
 * @param tty        controlling terminal or "?"
 * @param stat       state letters with ps's flags (e.g. "Ss", "R+", "Sl")
 * @param start      start time as ps prints it ("04:18", "Nov24", "2025")
 * @param time       cumulative CPU time, "M:SS"
 * @param command    command line, or [comm] for kernel threads
 * @param readable   whether this user may read the process's memory maps
 * @param whyNot     when not readable, the reason and what grants it; else ""
 */
public record ProcessRow(int pid, String user, double cpuPercent, double memPercent, long vsz, long rss,
                         String tty, String stat, String start, String time, String command,
                         boolean readable, String whyNot) {
}
