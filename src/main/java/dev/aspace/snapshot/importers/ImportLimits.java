package dev.aspace.snapshot.importers;

/**
 * Bounds on imported text, so a huge or hostile file stops with a message instead of eating
 * the heap.
 *
 * @param maxBytes     total bytes read before the import stops
 * @param maxLineBytes bytes in one line (real dumps stay far below: paths are at most PATH_MAX)
 * @param maxRegions   regions in one file (the kernel's default vm.max_map_count is 65530)
 * @param maxWarnings  unreadable lines listed one by one; the rest are only counted
 */
public record ImportLimits(long maxBytes, int maxLineBytes, int maxRegions, int maxWarnings) {

    /** 512 MiB of text, 64 KiB per line, 524288 regions (8 x max_map_count), 200 listed lines. */
    public static final ImportLimits DEFAULT = new ImportLimits(512L << 20, 64 << 10, 524_288, 200);

    public ImportLimits {
        if (maxBytes <= 0 || maxLineBytes <= 0 || maxRegions <= 0 || maxWarnings < 0) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }
}
