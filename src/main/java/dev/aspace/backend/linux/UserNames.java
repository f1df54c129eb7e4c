package dev.aspace.backend.linux;

import dev.aspace.procfs.KeyValueText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * User names for uids, from {@code /etc/passwd} (as ps shows them; a uid without a name is shown
 * as its number). Read once per instance.
 */
public final class UserNames {

    private final Map<Integer, String> names;

    private UserNames(Map<Integer, String> names) {
        this.names = names;
    }

    /** The names in {@code /etc/passwd} of this machine. */
    public static UserNames system() {
        return load(Path.of("/etc/passwd"));
    }

    /** The names in a passwd file; an unreadable file gives numbers only. */
    public static UserNames load(Path passwd) {
        try {
            return new UserNames(parse(ProcFiles.read(passwd)));
        } catch (IOException e) {
            return new UserNames(Map.of());
        }
    }

    /** name:password:uid:gid:... per line; the first line of a uid wins, as getpwuid finds it. */
    static Map<Integer, String> parse(byte[] text) {
        Map<Integer, String> m = new HashMap<>();
        int p = 0;
        while (p < text.length) {
            int eol = p;
            while (eol < text.length && text[eol] != '\n') {
                eol++;
            }
            int c1 = indexOf(text, (byte) ':', p, eol);
            int c2 = c1 < 0 ? -1 : indexOf(text, (byte) ':', c1 + 1, eol);
            int c3 = c2 < 0 ? -1 : indexOf(text, (byte) ':', c2 + 1, eol);
            if (c3 > c2 + 1) {
                long uid = KeyValueText.number(text, c2 + 1, c3);
                if (uid >= 0) {
                    m.putIfAbsent((int) uid, new String(text, p, c1 - p, StandardCharsets.UTF_8));
                }
            }
            p = eol + 1;
        }
        return m;
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The name of a uid, or the uid as a number when it has none. */
    public String name(int uid) {
        String n = names.get(uid);
        return n != null ? n : Integer.toString(uid);
    }
}
