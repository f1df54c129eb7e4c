package dev.aspace.layout;

import dev.aspace.model.Region;

import java.util.List;

/**
 * What the ribbon shows: {@code lengthPx} pixels for the unsigned address interval
 * {@code [lo, last]}. The upper end is inclusive so the whole 64-bit space
 * ({@code [0, 0xffffffffffffffff]}) is representable without 2^64.
 *
 * <p>Pixel 0 is {@code lo}, pixel {@code lengthPx} is just past {@code last}. The methods here move
 * the interval linearly in addresses, which is exact for {@link Scale#LINEAR}; for the log ribbon
 * use {@link RibbonLayout#zoomAt} and {@link RibbonLayout#pan}, which follow the log scale and fall
 * back to these when the view lies inside one region or gap.
 *
 * @param lengthPx length of the ribbon in pixels, positive
 * @param lo       first visible address, unsigned
 * @param last     last visible address (inclusive), unsigned, not below lo
 */
public record Viewport(double lengthPx, long lo, long last) {

    /** Zoom stops at one page: mappings are made of pages. */
    public static final long MIN_SPAN_BYTES = 4096;

    public Viewport {
        if (!(lengthPx > 0) || Double.isInfinite(lengthPx)) {
            throw new IllegalArgumentException("viewport length must be a positive number of pixels, got " + lengthPx);
        }
        if (Long.compareUnsigned(lo, last) > 0) {
            throw new IllegalArgumentException(
                    "viewport start " + Long.toHexString(lo) + " is above its last address " + Long.toHexString(last));
        }
    }

    /** The whole 64-bit space. */
    public static Viewport whole(double lengthPx) {
        return new Viewport(lengthPx, 0, -1L);
    }

    /** The half-open interval {@code [lo, hiExclusive)}; hiExclusive must be above lo (unsigned). */
    public static Viewport of(double lengthPx, long lo, long hiExclusive) {
        if (Long.compareUnsigned(hiExclusive, lo) <= 0) {
            throw new IllegalArgumentException("viewport end " + Long.toHexString(hiExclusive)
                    + " must be above its start " + Long.toHexString(lo) + " (use whole() for all 2^64 bytes)");
        }
        return new Viewport(lengthPx, lo, hiExclusive - 1);
    }

    /** From the first region's start to the last region's end; the whole space when there are none. */
    public static Viewport fit(double lengthPx, List<Region> sortedRegions) {
        if (sortedRegions.isEmpty()) {
            return whole(lengthPx);
        }
        return new Viewport(lengthPx, sortedRegions.get(0).start(), sortedRegions.get(sortedRegions.size() - 1).end() - 1);
    }

    /** This viewport moved to fit {@code sortedRegions}, keeping its length. */
    public Viewport fit(List<Region> sortedRegions) {
        return fit(lengthPx, sortedRegions);
    }

    /** The same interval on a ribbon of another length (window resized). */
    public Viewport withLength(double newLengthPx) {
        return new Viewport(newLengthPx, lo, last);
    }

    /** Number of visible addresses, up to 2^64, as a double. */
    public double spanBytes() {
        return Unsigned.countInclusive(lo, last);
    }

    public boolean isWhole() {
        return lo == 0 && last == -1L;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, lo) >= 0 && Long.compareUnsigned(address, last) <= 0;
    }

    /**
     * Zooms linearly by {@code factor} (above 1 zooms in) keeping the address under {@code px} under
     * it; never below {@link #MIN_SPAN_BYTES} (unless already smaller) nor beyond the 64-bit space.
     */
    public Viewport zoomAt(double px, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive, got " + factor);
        }
        double t = Math.min(1, Math.max(0, px / lengthPx));
        double span = spanBytes();
        double newSpan = Math.max(Math.min(span / factor, Unsigned.TWO_64), Math.min(span, MIN_SPAN_BYTES));
        long anchor = lo + Unsigned.fromDouble(Math.min(t * span, span - 1));
        return around(anchor, t, newSpan);
    }

    /** Moves the interval by {@code deltaPx} pixels' worth of addresses; positive goes to higher addresses. */
    public Viewport pan(double deltaPx) {
        double span = spanBytes();
        double shift = Math.abs(deltaPx) / lengthPx * span;
        long maxShift = deltaPx >= 0 ? -1L - last : lo;
        long s = Unsigned.min(Unsigned.fromDouble(shift), maxShift);
        return deltaPx >= 0 ? new Viewport(lengthPx, lo + s, last + s) : new Viewport(lengthPx, lo - s, last - s);
    }

    /** An interval of {@code span} bytes with {@code anchor} at fraction {@code t}, shifted inside 2^64. */
    Viewport around(long anchor, double t, double span) {
        if (span >= Unsigned.TWO_64) {
            return whole(lengthPx);
        }
        long count = Unsigned.fromDouble(span);
        if (count == 0) {
            count = 1;
        }
        long before = Unsigned.min(Unsigned.fromDouble(t * span), count - 1);
        long newLo = Long.compareUnsigned(anchor, before) >= 0 ? anchor - before : 0;
        long newLast = newLo + (count - 1);
        if (Long.compareUnsigned(newLast, newLo) < 0) { // ran past 2^64: slide down
            newLast = -1L;
            newLo = newLast - (count - 1);
        }
        return new Viewport(lengthPx, newLo, newLast);
    }
}
