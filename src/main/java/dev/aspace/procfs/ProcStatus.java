package dev.aspace.procfs;

/**
 * The parts of {@code /proc/PID/status} aspace uses. Memory figures are bytes; a figure the
 * kernel did not print (a kernel thread has no Vm lines) is -1.
 *
 * @param name      Name (the comm, with the kernel's escapes)
 * @param state     State, e.g. "S (sleeping)"
 * @param tgid      Tgid
 * @param ppid      PPid
 * @param uid       real uid (first of the four Uid values)
 * @param euid      effective uid
 * @param vmPeak    VmPeak
 * @param vmSize    VmSize
 * @param vmLck     VmLck
 * @param vmHwm     VmHWM
 * @param vmRss     VmRSS
 * @param rssAnon   RssAnon
 * @param rssFile   RssFile
 * @param rssShmem  RssShmem
 * @param vmData    VmData
 * @param vmStk     VmStk
 * @param vmExe     VmExe
 * @param vmLib     VmLib
 * @param vmSwap    VmSwap
 * @param threads   Threads
 * @param kthread   Kthread: 1 for a kernel thread, 0 not, -1 when the kernel does not print it
 */
public record ProcStatus(String name, String state, int tgid, int ppid, int uid, int euid,
                         long vmPeak, long vmSize, long vmLck, long vmHwm, long vmRss,
                         long rssAnon, long rssFile, long rssShmem, long vmData, long vmStk,
                         long vmExe, long vmLib, long vmSwap, int threads, int kthread) {

    /** True when the process has an address space (user process, not a zombie). */
    public boolean hasMemory() {
        return vmSize >= 0;
    }
}
