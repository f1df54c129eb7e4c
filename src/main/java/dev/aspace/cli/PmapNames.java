package dev.aspace.cli;

import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** How procps-ng 4.0.2 pmap names a process and its mappings. */
final class PmapNames {

    /** procps reads the -X mapping column with {@code %127[^\n]}: longer names are cut. */
    private static final int EXTENDED_NAME_BYTES = 127;

    private PmapNames() {
    }

    /**
     * The first line for each process, {@code "4711:   sleep 600"}: the command line as the
     * procps library gives it (arguments joined by spaces, trailing empty arguments dropped,
     * control characters as '?'), or {@code [comm]} when there is none.
     */
    static StringBuilder header(StringBuilder sb, ProcessInfo p) {
        sb.append(p.pid()).append(":   ");
        List<String> args = p.cmdline();
        int last = args.size();
        while (last > 0 && args.get(last - 1).isEmpty()) {
            last--;
        }
        if (last == 0) {
            sb.append('[').append(p.comm()).append(']');
            if (p.state() != null && p.state().startsWith("Z")) {
                sb.append(" <defunct>");
            }
        } else {
            for (int i = 0; i < last; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                String a = args.get(i);
                for (int j = 0; j < a.length(); j++) {
                    char c = a.charAt(j);
                    sb.append(c == '\n' ? ' ' : c < 0x20 || c == 0x7f ? '?' : c);
                }
            }
        }
        return sb.append('\n');
    }

    /**
     * Appends the mapping column of the default, -x and -d formats (procps' mapping_name): SysV shared
     * memory as {@code [ shmid=0x… ]}; a name with a '/' by its last component (with -p: from the
     * first '/'); the main stack as {@code [ stack ]}; everything else, [heap] and [vdso]
     * included, as {@code [ anon ]}.
     *
     * <p>procps finds the stack by the start_stack address of /proc/PID/stat; the kernel names
     * the mapping holding that address {@code [stack]} by the same test, so the name is used.
     * procps recognises SysV segments by the device minor of its own test segment; here a
     * {@code /SYSV} name on a device with major 0 is taken as one.
     */
    static StringBuilder plain(StringBuilder sb, Region r, boolean showPath) {
        String path = r.path();
        int slash = path.lastIndexOf('/');
        if (slash >= 0 && path.contains("/SYSV") && deviceMajor(r.device()) == 0) {
            return sb.append("  [ shmid=0x").append(Long.toHexString(r.inode())).append(" ]");
        }
        if (slash >= 0) {
            int from = showPath ? path.indexOf('/') : slash + 1 < path.length() ? slash + 1 : slash;
            return sb.append(path, from, path.length());
        }
        return sb.append(path.equals("[stack]") ? "  [ stack ]" : "  [ anon ]");
    }

    /**
     * Appends the mapping column of -X and -XX: the kernel's name (cut to 127 bytes as procps
     * reads it), by its last path component unless -p, and nothing for anonymous memory.
     */
    static StringBuilder extended(StringBuilder sb, Region r, boolean showPath) {
        String path = r.path();
        if (path.length() > EXTENDED_NAME_BYTES / 3) {
            byte[] b = path.getBytes(StandardCharsets.UTF_8);
            if (b.length > EXTENDED_NAME_BYTES) {
                path = new String(b, 0, EXTENDED_NAME_BYTES, StandardCharsets.UTF_8);
            }
        }
        int from = showPath ? 0 : path.lastIndexOf('/') + 1;
        return sb.append(path, from, path.length());
    }

    /** Major number of a kernel device string such as {@code fe:00}. */
    static int deviceMajor(String device) {
        int colon = device.indexOf(':');
        return colon <= 0 ? 0 : parseHex(device, 0, colon);
    }

    /** Minor number of a kernel device string such as {@code fe:00}. */
    static int deviceMinor(String device) {
        int colon = device.indexOf(':');
        return colon < 0 ? 0 : parseHex(device, colon + 1, device.length());
    }

    private static int parseHex(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return v;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
