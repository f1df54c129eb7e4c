package dev.aspace.ui.frames;

import dev.aspace.frames.RegionFrames;
import dev.aspace.frames.Sharing;
import javafx.scene.paint.Color;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The colours of the frames views, one per kind of sharing, and the words a hover shows for a page. */
public final class SharingColors {

    public static final Color EMPTY = Color.rgb(230, 230, 230);
    private static final Map<Sharing, Color> COLORS = new EnumMap<>(Map.of(
            Sharing.EXCLUSIVE, Color.rgb(40, 160, 70),
            Sharing.SHARED, Color.rgb(120, 70, 200),
            Sharing.ZERO, Color.rgb(150, 150, 150),
            Sharing.KSM, Color.rgb(200, 60, 140),
            Sharing.THP, Color.rgb(20, 120, 200),
            Sharing.SWAPPED, Color.rgb(230, 140, 20)));

    private SharingColors() {
    }

    public static Color of(Sharing s) {
        return COLORS.get(s);
    }

    /** A legend line: each kind in its colour's name. */
    public static String legend() {
        return "green exclusive, purple shared (darker: more sharers), blue THP, grey zero page, pink KSM, orange swapped";
    }

    /** The colour of a page: shared frames darken with the number of mappings. */
    public static Color of(RegionFrames f, int i) {
        Sharing s = f.sharing(i);
        Color c = of(s);
        if (s == Sharing.SHARED && f.mapcount(i) > 2) {
            return c.deriveColor(0, 1, Math.max(0.45, 1 - Math.log(f.mapcount(i)) / 10), 1);
        }
        return c;
    }

    /** What a hover says about page {@code i}: address, frame, map count, flags. */
    public static String describe(RegionFrames f, int i) {
        StringBuilder sb = new StringBuilder("page 0x").append(Long.toHexString(f.address(i))).append(": ");
        var e = f.pagemap(i);
        if (!e.present()) {
            sb.append("swapped (area ").append(e.swapType()).append(", offset 0x")
                    .append(Long.toHexString(e.swapOffset())).append(')');
        } else if (f.privileged()) {
            sb.append("frame (PFN) 0x").append(Long.toHexString(f.pfn(i))).append(", map count ").append(f.mapcount(i))
                    .append(" — ").append(f.sharing(i).label());
        } else {
            sb.append(e.exclusive() ? "present, mapped once" : "present, mapped more than once")
                    .append(" (frame number, map count and flags need CAP_SYS_ADMIN)");
        }
        List<String> flags = f.flagNames(i);
        if (!flags.isEmpty()) {
            sb.append("\nflags: ").append(String.join(", ", flags));
        }
        return sb.toString();
    }
}
