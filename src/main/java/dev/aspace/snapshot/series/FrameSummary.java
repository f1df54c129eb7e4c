package dev.aspace.snapshot.series;

import dev.aspace.model.Snapshot;

import java.time.Instant;

/**
 * What a timeline shows of one frame without keeping the frame itself.
 *
 * @param index   the frame's number, from 0
 * @param takenAt when the snapshot was taken
 * @param regions how many regions it has
 * @param rss     the process's resident size (VmRSS), bytes
 * @param vmSize  its virtual size (VmSize), bytes
 */
public record FrameSummary(int index, Instant takenAt, int regions, long rss, long vmSize) {

    public static FrameSummary of(int index, Snapshot s) {
        return new FrameSummary(index, s.takenAt(), s.regions().size(), s.process().vmRss(), s.process().vmSize());
    }
}
