package dev.aspace.procfs;

/**
 * The fields of {@code /proc/PID/stat} (or {@code task/TID/stat}) aspace uses, numbered as in
 * proc(5). Times are in clock ticks; {@code rss} is in pages.
 *
 * @param pid        (1) pid
 * @param comm       (2) comm, without the parentheses
 * @param state      (3) state letter
 * @param ppid       (4) parent pid
 * @param pgrp       (5) process group
 * @param session    (6) session id
 * @param ttyNr      (7) controlling terminal, dev_t encoded; 0 for none
 * @param tpgid      (8) foreground process group of the terminal, -1 for none
 * @param flags      (9) PF_* flags (PF_KTHREAD = 0x00200000)
 * @param utime      (14) user time
 * @param stime      (15) system time
 * @param priority   (18) priority
 * @param nice       (19) nice value
 * @param numThreads (20) threads
 * @param startTime  (22) start time after boot, in ticks
 * @param vsize      (23) virtual size in bytes (0 when the process has no address space any more)
 * @param rss        (24) resident pages
 * @param startCode  (26) start of the program text; changes when the process calls exec
 * @param kstkesp    (29) saved stack pointer; 0 on modern kernels unless the task is being dumped
 */
public record ProcStat(int pid, String comm, char state, int ppid, int pgrp, int session, int ttyNr, int tpgid,
                       long flags, long utime, long stime, long priority, long nice, int numThreads,
                       long startTime, long vsize, long rss, long startCode, long kstkesp) {

    public static final long PF_KTHREAD = 0x00200000L;

    public boolean isKernelThread() {
        return (flags & PF_KTHREAD) != 0;
    }
}
