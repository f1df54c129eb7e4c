package dev.aspace.cli;

import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
    static Sink header(Sink sb, ProcessInfo p) {
        sb.dec(p.pid()).text(":   ");
        List<String> args = p.cmdline();
        int last = args.size();
        while (last > 0 && args.get(last - 1).isEmpty()) {
            last--;
        }
        if (last == 0) {
            sb.ch('[').text(p.comm()).ch(']');
            if (p.state() != null && p.state().startsWith("Z")) {
                sb.text(" <defunct>");
            }
        } else {
            for (int i = 0; i < last; i++) {
                if (i > 0) {
                    sb.ch(' ');
                }
                sb.text(printable(args.get(i), UTF8_LOCALE));
            }
        }
        return sb.ch('\n');
    }

    /**
     * An argument as procps prints it: a newline as a space, other control characters as '?',
     * and, unless the locale is UTF-8, every byte of a non-ASCII character as '?'. C1 controls
     * and bidirectional overrides, which procps leaves as they are, are '?' per byte too.
     */
    static String printable(String a, boolean utf8) {
        StringBuilder out = null;
        for (int j = 0; j < a.length(); j++) {
            char c = a.charAt(j);
            char shown = c == '\n' ? ' ' : c < 0x20 || c == 0x7f ? '?' : c;
            if (c >= 0x80 && (!utf8 || Printable.unsafe(c))) {
                out = out != null ? out : new StringBuilder(a.length() + 8).append(a, 0, j);
                int cp = a.codePointAt(j);
                out.append("????", 0, cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
                j += Character.charCount(cp) - 1;
                continue;
            }
            if (shown != c && out == null) {
                out = new StringBuilder(a.length()).append(a, 0, j);
            }
            if (out != null) {
                out.append(shown);
            }
        }
        return out == null ? a : out.toString();
    }

    /**
     * True when the C library would run in a UTF-8 locale (LC_ALL, else LC_CTYPE, else LANG):
     * procps then prints a command line's characters as they are, in any other locale each
     * byte beyond ASCII as '?'.
     */
    static boolean utf8Locale(Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                String codeset = v.contains(".") ? v.substring(v.indexOf('.') + 1).split("@", 2)[0] : "";
                return codeset.equalsIgnoreCase("UTF-8") || codeset.equalsIgnoreCase("utf8");
            }
        }
        return false;
    }

    private static final boolean UTF8_LOCALE = utf8Locale(System.getenv());

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
    static Sink plain(Sink sb, Region r, boolean showPath) {
        String path = r.path();
        int slash = path.lastIndexOf('/');
        if (slash >= 0 && path.contains("/SYSV") && deviceMajor(r.device()) == 0) {
            return sb.text("  [ shmid=0x").hex(r.inode(), 1).text(" ]");
        }
        if (slash >= 0) {
            int from = showPath ? path.indexOf('/') : slash + 1 < path.length() ? slash + 1 : slash;
            // procps' mapping_name prints each byte beyond ASCII as '?', in every locale
            return sb.text(printable(path.substring(from), false));
        }
        return sb.text(path.equals("[stack]") ? "  [ stack ]" : "  [ anon ]");
    }

    /**
     * Appends the mapping column of -X and -XX: the kernel's name (cut to 127 bytes as procps
     * reads it), by its last path component unless -p, and nothing for anonymous memory.
     */
    static Sink extended(Sink sb, Region r, boolean showPath) {
        String path = r.path();
        if (path.length() > EXTENDED_NAME_BYTES / 3) {
            byte[] b = path.getBytes(StandardCharsets.UTF_8);
            if (b.length > EXTENDED_NAME_BYTES) {
                path = new String(b, 0, EXTENDED_NAME_BYTES, StandardCharsets.UTF_8);
            }
        }
        int from = showPath ? 0 : path.lastIndexOf('/') + 1;
        // procps prints this column raw, escape sequences too; a terminal gets them as '?'
        return sb.text(Printable.line(path.substring(from)));
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
