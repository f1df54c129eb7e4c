package dev.aspace.ui.vm;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The table's filter: text matched against path, label and address; a permission ({@code rw-});
 * a kind. Null or empty parts match everything.
 */
public record RegionFilter(String text, String rwx, RegionKind kind) implements Predicate<Region> {

    /** True when every region passes (no part is set). */
    public boolean matchesAll() {
        return (rwx == null || rwx.isEmpty()) && kind == null && (text == null || text.isBlank());
    }

    @Override
    public boolean test(Region r) {
        if (rwx != null && !rwx.isEmpty() && !r.perms().rwx().equals(rwx)) {
            return false;
        }
        if (kind != null && r.kind() != kind) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return r.path().toLowerCase(Locale.ROOT).contains(needle)
                || r.label().toLowerCase(Locale.ROOT).contains(needle)
                || r.kind().displayName().contains(needle)
                || containsAddress(r, needle);
    }

    /** "7f3a12" or "0x7f3a12": matches the regions that contain that address. */
    private static boolean containsAddress(Region r, String needle) {
        String hex = needle.startsWith("0x") ? needle.substring(2) : needle;
        if (hex.isEmpty() || hex.length() > 16 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return false;
        }
        return r.contains(Long.parseUnsignedLong(hex, 16)) || r.rangeText().contains(hex);
    }
}
