package dev.aspace.backend.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which processes map a file with given permissions (libc's text: {@code r-xp}), from every
 * readable {@code /proc/PID/maps}: the maps files are short, so all of them cost tens of
 * milliseconds. Processes that cannot be read or exit meanwhile are left out.
 */
public final class FileMappers {

    private FileMappers() {
    }

    /** The PIDs, ascending, whose maps has a line with these permissions and this exact path. */
    public static List<Integer> find(ProcPath proc, String path, String perms) {
        List<Integer> pids;
        try {
            pids = ProcFiles.numericEntries(proc.proc());
        } catch (IOException e) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int pid : pids) {
            try {
                if (maps(new String(ProcFiles.read(proc.file(pid, "maps")), StandardCharsets.UTF_8), path, perms)) {
                    out.add(pid);
                }
            } catch (IOException e) {
                // not readable or gone: not counted
            }
        }
        return out;
    }

    /** Whether maps text has a line with these permissions whose path is {@code path}. */
    static boolean maps(String mapsText, String path, String perms) {
        for (String line : mapsText.split("\n")) {
            if (line.endsWith(path) && line.length() > path.length()
                    && line.charAt(line.length() - path.length() - 1) == ' ') {
                int sp = line.indexOf(' ');
                if (sp > 0 && line.startsWith(perms, sp + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
