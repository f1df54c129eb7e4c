package dev.aspace.procfs;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.SystemMemory;

import java.util.Arrays;

/**
 * Reads {@code /proc/meminfo} into what {@code free} shows. kB become bytes; a line the kernel
 * does not print is -1 (no {@code MemAvailable} before Linux 3.14). Lines that are not
 * {@code Key: N kB} (the old byte-table header) are skipped.
 */
public final class MeminfoParser {

    private MeminfoParser() {
    }

    public static SystemMemory parse(String source, byte[] text) {
        long[] v = new long[KEYS.length];
        Arrays.fill(v, -1);
        KeyValueText.walk(text, text.length, (key, b, from, to, line) -> {
            for (int i = 0; i < KEYS.length; i++) {
                if (KEYS[i].equals(key)) {
                    v[i] = KeyValueText.number(b, from, to);
                    return;
                }
            }
        });
        if (v[0] < 0) {
            throw new MalformedInputException(source, "", "expected a 'MemTotal:  N kB' line of /proc/meminfo");
        }
        return new SystemMemory(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                v[11], v[12], v[13], v[14]);
    }

    private static final String[] KEYS = {"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached",
            "SReclaimable", "Shmem", "SwapTotal", "SwapFree", "CommitLimit", "Committed_AS",
            "LowTotal", "LowFree", "HighTotal", "HighFree"};
}
