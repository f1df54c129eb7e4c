package dev.aspace.ui.vm;

/**
 * A cheap reading of a live process (a few numbers from /proc/PID/stat) taken every tick; when two
 * fingerprints are equal the address space is taken as unchanged and smaps is not re-read.
 */
@FunctionalInterface
public interface ChangeProbe {

    /**
     * @return a value whose equality means "nothing changed"
     * @throws dev.aspace.model.ProcessGoneException when the process is gone
     */
    Object fingerprint(int pid);
}
