package dev.aspace.procfs;

import dev.aspace.model.MalformedInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure parsers of the cgroup files aspace reads: {@code /proc/PID/cgroup} and the memory
 * controller's files of cgroup v1 and v2 (the kernel's Documentation/admin-guide/cgroup-v2.rst
 * and cgroup-v1/memory.rst give their forms).
 */
public final class CgroupText {

    /**
     * v1 prints "no limit" as the largest page-aligned counter (9223372036854771712 on 4 KiB
     * pages); anything at or above 2^62 is that.
     */
    private static final long V1_UNLIMITED = 1L << 62;

    private CgroupText() {
    }

    /**
     * The lines of /proc/PID/cgroup ("hierarchy-ID:controller-list:path"): controller to path,
     * with "" for the v2 (unified) hierarchy's line "0::/path".
     */
    public static Map<String, String> controllers(String source, List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            int a = line.indexOf(':');
            int b = a < 0 ? -1 : line.indexOf(':', a + 1);
            if (b < 0) {
                throw new MalformedInputException(source, "line " + n,
                        "expected 'hierarchy-ID:controllers:path' as /proc/PID/cgroup prints it");
            }
            String path = line.substring(b + 1);
            String list = line.substring(a + 1, b);
            if (list.isEmpty()) {
                out.put("", path);
            } else {
                for (String c : list.split(",")) {
                    out.put(c, path);
                }
            }
        }
        return out;
    }

    /** A limit file's value: "max" (v2) or v1's huge "unlimited" number give -1. */
    public static long limit(String source, String text) {
        String t = text.strip();
        if (t.equals("max")) {
            return -1;
        }
        long v = number(source, t);
        return v >= V1_UNLIMITED ? -1 : v;
    }

    /** A single-number file such as memory.current or memory.usage_in_bytes. */
    public static long number(String source, String text) {
        String t = text.strip();
        try {
            long v = Long.parseLong(t);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new MalformedInputException(source, "line 1", "expected a byte count, got '" + shorten(t) + "'");
        }
    }

    /** "key value" lines (memory.stat, memory.events, memory.oom_control), in the kernel's order. */
    public static Map<String, Long> flatKeyed(String source, List<String> lines) {
        Map<String, Long> out = new LinkedHashMap<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] kv = line.strip().split("\\s+");
            if (kv.length != 2) {
                throw new MalformedInputException(source, "line " + n, "expected 'key value', got '" + shorten(line) + "'");
            }
            try {
                out.put(kv[0], Long.parseLong(kv[1]));
            } catch (NumberFormatException e) {
                throw new MalformedInputException(source, "line " + n,
                        "expected a number after '" + kv[0] + "', got '" + shorten(kv[1]) + "'");
            }
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
