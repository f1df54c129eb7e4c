package dev.aspace.share;

import java.util.List;

/**
 * One mapped file across processes: which processes map it and their RSS and PSS of it summed
 * over all their mappings of it, in bytes. The PSS sum is the file's share of RAM charged to
 * those processes; RSS counts a shared page once per process.
 */
public record FileShare(String path, List<Integer> pids, long rss, long pss) {

    public FileShare {
        pids = List.copyOf(pids);
    }
}
