package dev.aspace.backend.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The machine's physical frame space from {@code /proc/zoneinfo}: each zone's {@code start_pfn}
 * and {@code spanned} pages; the highest frame number any zone reaches bounds the frame space
 * the physical view draws (holes included, as the kernel numbers frames).
 */
public final class ZoneInfo {

    private ZoneInfo() {
    }

    /** One past the highest frame number of any zone, or 0 when the file cannot be read. */
    public static long frameLimit(ProcPath proc) {
        try {
            return frameLimit(new String(ProcFiles.read(proc.proc("zoneinfo")), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return 0;
        }
    }

    /** The same from the file's text: zones list {@code spanned} before {@code start_pfn}. */
    static long frameLimit(String text) {
        long limit = 0;
        long spanned = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("Node ")) {
                spanned = 0;
            } else if (line.startsWith("spanned ")) {
                spanned = Long.parseLong(line.substring("spanned".length()).strip());
            } else if (line.startsWith("start_pfn:")) {
                long start = Long.parseLong(line.substring("start_pfn:".length()).strip());
                limit = Math.max(limit, start + spanned);
            }
        }
        return limit;
    }
}
