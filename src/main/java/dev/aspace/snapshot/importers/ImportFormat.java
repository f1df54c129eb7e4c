package dev.aspace.snapshot.importers;

/** The text formats aspace imports, with the name a person would recognise. */
public enum ImportFormat {
    PMAP("pmap (default format)"),
    PMAP_D("pmap -d"),
    PMAP_X("pmap -x"),
    PMAP_X_FULL("pmap -X"),
    PMAP_XX("pmap -XX"),
    PMAP_CUSTOM("pmap -c/-C (columns from a pmaprc)"),
    BUSYBOX_PMAP("BusyBox pmap"),
    BUSYBOX_PMAP_X("BusyBox pmap -x"),
    TOYBOX_PMAP_X("toybox pmap -x"),
    PROC_MAPS("/proc/PID/maps"),
    PROC_SMAPS("/proc/PID/smaps"),
    PROC_SMAPS_ROLLUP("/proc/PID/smaps_rollup"),
    VMMAP("macOS vmmap (default or -wide)"),
    VMMAP_INTERLEAVED("macOS vmmap -interleaved"),
    VMMAP_SUMMARY("macOS vmmap -summary"),
    WINDOWS_VMMAP_CSV("Sysinternals VMMap CSV"),
    FREE("free"),
    MEMINFO("/proc/meminfo");

    private final String displayName;

    ImportFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Every format by name, for "expected one of ..." messages. */
    public static String expectedList() {
        StringBuilder sb = new StringBuilder();
        for (ImportFormat f : values()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(f.displayName);
        }
        return sb.toString();
    }
}
