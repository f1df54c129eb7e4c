package dev.aspace.ui;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.procfs.ProcStat;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.ui.vm.ChangeProbe;

import java.util.List;

/**
 * The live view's per-tick probe: vsize, rss and the program's start address from one read of
 * /proc/PID/stat. A mapping that appears, grows or goes moves vsize; touching or dropping pages
 * moves rss; an exec moves startCode. A zombie counts as gone.
 */
public final class StatProbe implements ChangeProbe {

    private final MemoryBackend backend;

    public StatProbe(MemoryBackend backend) {
        this.backend = backend;
    }

    @Override
    public Object fingerprint(int pid) {
        ProcStat s = backend.vitals(pid);
        if (s.state() == 'Z' || s.state() == 'X') {
            throw ProcessGoneException.exitedWhileReading(pid);
        }
        return List.of(s.vsize(), s.rss(), s.startCode());
    }
}
