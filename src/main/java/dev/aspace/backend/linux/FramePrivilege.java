package dev.aspace.backend.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Whether this process may see frame numbers: the kernel zeroes pagemap's PFN field for readers
 * without CAP_SYS_ADMIN, and kpagecount / kpageflags are root's alone (mode 0400).
 */
public final class FramePrivilege {

    /** CAP_SYS_ADMIN's bit in the CapEff mask (include/uapi/linux/capability.h). */
    static final int CAP_SYS_ADMIN = 21;

    private FramePrivilege() {
    }

    /** Whether the reading process has CAP_SYS_ADMIN and can read both kpage files. */
    public static boolean granted(ProcPath proc) {
        byte[] status;
        try {
            status = ProcFiles.read(proc.proc("self/status"));
        } catch (IOException e) {
            return false;
        }
        return hasCapSysAdmin(new String(status, StandardCharsets.US_ASCII)) && new KpageReader(proc).readable();
    }

    /** Whether the {@code CapEff:} line of a status file has CAP_SYS_ADMIN. */
    static boolean hasCapSysAdmin(String statusText) {
        for (String line : statusText.split("\n")) {
            if (line.startsWith("CapEff:")) {
                long mask = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                return (mask & (1L << CAP_SYS_ADMIN)) != 0;
            }
        }
        return false;
    }

}
