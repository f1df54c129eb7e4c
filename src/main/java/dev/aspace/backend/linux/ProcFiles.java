package dev.aspace.backend.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads whole small /proc files. Their stat size is 0, so they are read until end of file. */
final class ProcFiles {

    private ProcFiles() {
    }

    /** The bytes of a small file (status, stat, cmdline: a few KiB). */
    static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[4096];
            int n = 0;
            while (true) {
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    return n == buf.length ? buf : Arrays.copyOf(buf, n);
                }
                n += r;
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
        }
    }

    /** The numeric entries of a directory (the PIDs of /proc, the TIDs of task/), sorted. */
    static List<Integer> numericEntries(Path dir) throws IOException {
        List<Integer> ids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (isNumber(name)) {
                    ids.add(Integer.parseInt(name));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The first line of a one-line file such as /proc/sys/vm/overcommit_memory, without the newline. */
    static String firstLine(Path file) throws IOException {
        byte[] b = read(file);
        int end = 0;
        while (end < b.length && b[end] != '\n') {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
