package dev.aspace.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for the memory-user line protocol (docs/memory-user-protocol.md). */
public final class Protocol {

    private Protocol() {
    }

    /** Values never contain spaces on the wire: a space is sent as %20, a % as %25. */
    static String unescape(String v) {
        return v.replace("%20", " ").replace("%25", "%");
    }

    /** The key=value tokens of a line after its first {@code skip} words. */
    static Map<String, String> fields(String[] words, int skip) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = skip; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                m.put(words[i].substring(0, eq), unescape(words[i].substring(eq + 1)));
            }
        }
        return m;
    }
}
