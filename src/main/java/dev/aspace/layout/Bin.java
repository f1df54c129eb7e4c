package dev.aspace.layout;

import dev.aspace.model.Perms;
import dev.aspace.model.RegionKind;

/**
 * The regions narrower than {@link RibbonLayout#NARROW_PX} whose middle falls in one pixel column,
 * drawn as one: regions {@code firstRegion .. firstRegion + regionCount - 1} (consecutive indices,
 * all narrow), {@code bytes} in total (their visible parts), coloured by the permissions and kind
 * that hold the most bytes.
 */
public record Bin(int pixel, int firstRegion, int regionCount, long bytes, Perms perms, RegionKind kind) {

    /** True when {@code regionIndex} is drawn in this bin. */
    public boolean contains(int regionIndex) {
        return regionIndex >= firstRegion && regionIndex < firstRegion + regionCount;
    }
}
