package dev.aspace.ui.vm;

import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes of the last few seconds, each with the time it was seen, so the views can highlight a
 * change for a while after the refresh that found it and then let it fade.
 *
 * @param marks    change of a current region, by start address
 * @param vanished regions that are gone, still drawn as ghosts until they expire
 */
public record Highlights(Map<Long, Mark> marks, List<Ghost> vanished) {

    /** How long a change stays highlighted. */
    public static final long HOLD_NANOS = 4_000_000_000L;

    public static final Highlights NONE = new Highlights(Map.of(), List.of());

    public record Mark(RegionChange change, long atNanos) {
    }

    public record Ghost(Region region, long atNanos) {
    }

    public Highlights {
        marks = Map.copyOf(marks);
        vanished = List.copyOf(vanished);
    }

    /** These highlights plus the changes of one more refresh, with the expired ones dropped. */
    public Highlights plus(RegionChanges changes, long nowNanos) {
        Map<Long, Mark> m = new HashMap<>();
        marks.forEach((start, mark) -> {
            if (nowNanos - mark.atNanos() < HOLD_NANOS) {
                m.put(start, mark);
            }
        });
        changes.changed().forEach((start, c) -> m.put(start, new Mark(c, nowNanos)));
        List<Ghost> g = new ArrayList<>();
        for (Ghost ghost : vanished) {
            if (nowNanos - ghost.atNanos() < HOLD_NANOS) {
                g.add(ghost);
            }
        }
        for (Region r : changes.vanished()) {
            g.add(new Ghost(r, nowNanos));
        }
        return new Highlights(m, g);
    }

    /** The change shown for a region now, or null. */
    public RegionChange changeOf(Region r, long nowNanos) {
        Mark m = marks.get(r.start());
        return m != null && nowNanos - m.atNanos() < HOLD_NANOS ? m.change() : null;
    }

    /** 1 just after the change, falling to 0 when it expires. */
    public static double strength(long atNanos, long nowNanos) {
        double age = (nowNanos - atNanos) / (double) HOLD_NANOS;
        return Math.max(0, 1 - age);
    }

    public boolean isEmpty() {
        return marks.isEmpty() && vanished.isEmpty();
    }

    /** True when some highlight is still visible at {@code nowNanos} (the view keeps repainting). */
    public boolean anyLive(long nowNanos) {
        for (Mark m : marks.values()) {
            if (nowNanos - m.atNanos() < HOLD_NANOS) {
                return true;
            }
        }
        for (Ghost g : vanished) {
            if (nowNanos - g.atNanos() < HOLD_NANOS) {
                return true;
            }
        }
        return false;
    }
}
