package dev.aspace.cli;

import java.util.Locale;

/**
 * Text from processes and files (mapping names, command lines, lines of imported text) made safe
 * for a terminal: control characters (C0, DEL, C1) and the bidirectional overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069) that would move the cursor, recolour the screen or reorder
 * what is shown become '?', one per byte of their UTF-8 form as procps pmap prints a name's
 * unprintable bytes. Every other character, non-ASCII letters included, is left as it is, so an
 * ordinary name prints byte for byte as procps prints it.
 */
final class Printable {

    private Printable() {
    }

    /** True for a character that must not reach a terminal as it is. */
    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** One line: every unsafe character escaped, line breaks included; {@code s} itself when it is clean. */
    static String line(String s) {
        return escape(s, false);
    }

    /** Text of many lines: as {@link #line}, but its '\n' line breaks kept. */
    static String text(CharSequence s) {
        return escape(s, true);
    }

    private static String escape(CharSequence s, boolean keepNewlines) {
        int n = s.length();
        int i = 0;
        while (i < n && (!unsafe(s.charAt(i)) || (keepNewlines && s.charAt(i) == '\n'))) {
            i++;
        }
        if (i == n) {
            return s.toString();
        }
        StringBuilder out = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!unsafe(c) || (keepNewlines && c == '\n')) {
                out.append(c);
            } else {
                out.append("???", 0, c < 0x80 ? 1 : c < 0x800 ? 2 : 3); // its UTF-8 bytes
            }
        }
        return out.toString();
    }

    /**
     * JSON text for a terminal: characters that {@link #unsafe} names and the JSON writer left as
     * they are (C1 controls, bidirectional overrides; it escapes C0 itself) become {@code \\uXXXX}
     * escapes, which stand for the same string. JSON's own syntax is ASCII, so they can only be
     * inside strings.
     */
    static String json(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x7f && unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
