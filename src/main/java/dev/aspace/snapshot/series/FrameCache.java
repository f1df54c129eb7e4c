package dev.aspace.snapshot.series;

import dev.aspace.model.Snapshot;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The frames decoded lately, least recently used first out, bounded by the rows they hold rather
 * than by their number: a frame rebuilt from a delta shares its unchanged regions with the frame
 * before, so it costs the rows its delta brought, while a key frame costs all of its rows. A
 * count alone let 64 frames of a 60,000-region process that changes a third of its regions a
 * second fill a 512 MiB heap.
 */
final class FrameCache {

    /**
     * About 28 MiB of regions with their smaps (some 400 bytes a row): a key frame of a 60,000-region
     * process and the changes after it. Decoding a frame's rows is cheap (a 60,000-row key frame in
     * about 12 ms), while every row held is copied and marked by each collection: on a 2 GiB series
     * of such a process with 512 MiB of heap, holding 250,000 rows made a jump's 95th percentile
     * 280 ms (40 full collections in 620 reads), this 67 to 104 ms (10).
     */
    static final long ROWS = 70_000;
    /** However small they are: enough to step back over a minute of frames at once. */
    static final int MAX_FRAMES = 64;

    private record Entry(Snapshot snapshot, long rows) {
    }

    private final long budget;
    private final Map<Integer, Entry> entries = new LinkedHashMap<>(MAX_FRAMES * 2, 0.75f, true);
    private long rows;

    FrameCache() {
        this(ROWS);
    }

    FrameCache(long budget) {
        this.budget = budget;
    }

    Snapshot get(int frame) {
        Entry e = entries.get(frame);
        return e == null ? null : e.snapshot;
    }

    boolean contains(int frame) {
        return entries.containsKey(frame);
    }

    /**
     * @param fresh the rows decoded for this frame (all of a key frame's, a delta's changed rows);
     *              its list of regions counts too, at one row per 16 entries
     */
    void put(int frame, Snapshot s, long fresh) {
        Entry old = entries.remove(frame);
        if (old != null) {
            rows -= old.rows;
        }
        long weight = fresh + s.regions().size() / 16 + 1;
        entries.put(frame, new Entry(s, weight));
        rows += weight;
        Iterator<Entry> eldest = entries.values().iterator();
        while (entries.size() > 1 && (rows > budget || entries.size() > MAX_FRAMES)) {
            rows -= eldest.next().rows;
            eldest.remove();
        }
    }

    int size() {
        return entries.size();
    }
}
