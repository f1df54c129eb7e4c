package dev.aspace.layout;

import dev.aspace.model.ByteSize;
import dev.aspace.model.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Regions and gaps of one {@link Viewport} laid end to end along a ribbon of pixels. Built in one
 * pass over the visible regions into primitive arrays; read through indexed accessors. Immutable.
 *
 * <p>The ribbon is a sequence of <em>items</em> in address order: visible regions (clipped to the
 * viewport) and the gaps between them (a gap crossing the end of the user half or the start of the
 * kernel half is split there, so each piece has one {@link GapKind}). Item {@code k} covers pixels
 * {@code [itemStartPx(k), itemEndPx(k))}; items tile {@code [0, lengthPx]} without overlap and in
 * address order. Inside an item, address and pixel are proportional.
 *
 * <p>Regions are addressed by their index in the {@link RegionSet} (the snapshot's order); the
 * visible ones are {@code firstVisibleRegion() .. firstVisibleRegion() + visibleRegionCount() - 1}.
 */
public final class RibbonLayout {

    /** Log scale: a region of a page or more is {@code REGION_BASE + log2(1 + size / PAGE)} units long. */
    static final double REGION_BASE = 1.0;
    /** Log scale: a gap (break mark) is {@code GAP_BASE + GAP_LOG * log2(1 + size / PAGE)} units long. */
    static final double GAP_BASE = 1.0;
    static final double GAP_LOG = 0.5;
    static final double PAGE = 4096.0;
    /** Regions shorter than this many pixels are drawn in per-pixel {@link Bin}s. */
    public static final double NARROW_PX = 1.0;
    /** Log zoom: at most this many re-layouts to bring the anchor back under the pointer. */
    private static final int ANCHOR_STEPS = 24;
    /** Above this many visible regions a zoom does not re-lay out to correct the anchor (each costs a layout). */
    private static final int LARGE_VIEW = 50_000;

    private final RegionSet set;
    private final Viewport viewport;
    private final Scale scale;
    private final int first;
    private final int count;
    private final int items;
    /** items + 1 boundaries; px[items] == lengthPx. */
    private final double[] px;
    /** region index, or ~gap index for a gap. */
    private final int[] ref;
    private final int[] regionItem;
    private int gaps;
    private long[] gapFirst;
    private long[] gapLast;
    private byte[] gapKind;
    private int wide;
    private int[] wideRegions;
    private int bins;
    private int[] binPixel;
    private int[] binFirst;
    private int[] binCount;
    private long[] binBytes;
    private byte[] binPerm;
    private byte[] binKind;

    /** Lays out regions that are not yet in a {@link RegionSet} (checks and copies them first). */
    public static RibbonLayout layout(List<Region> sortedRegions, Viewport viewport, Scale scale) {
        return layout(RegionSet.of(sortedRegions), viewport, scale);
    }

    /** Lays out the visible part of {@code set}: cost grows with the visible regions only. */
    public static RibbonLayout layout(RegionSet set, Viewport viewport, Scale scale) {
        return new RibbonLayout(set, viewport, scale);
    }

    private RibbonLayout(RegionSet set, Viewport viewport, Scale scale) {
        this.set = set;
        this.viewport = viewport;
        this.scale = scale;
        long lo = viewport.lo();
        long last = viewport.last();
        int f = set.firstEndingAfter(lo);
        int l = set.lastStartingAtOrBefore(last);
        this.first = f;
        this.count = Math.max(0, l - f + 1);
        int capacity = 2 * count + 3;
        this.px = new double[capacity + 1];
        this.ref = new int[capacity];
        this.regionItem = new int[count];
        // most neighbours touch (a library's segments, stacks and their guards): start small, grow on demand
        int gapCapacity = count / 8 + 4;
        this.gapFirst = new long[gapCapacity];
        this.gapLast = new long[gapCapacity];
        this.gapKind = new byte[gapCapacity];
        this.items = build(lo, last);
        scaleToPixels();
        buildBins();
    }

    /** Fills items with positions in scale units (cumulative log weight, or bytes from lo); returns the item count. */
    private int build(long lo, long last) {
        final long[] starts = set.starts;
        final long[] ends = set.ends;
        final double[] pos = px;
        final int[] refs = ref;
        final boolean log = scale == Scale.LOG;
        int k = 0;
        double cum = 0;
        long cursor = lo;
        boolean reachedTop = false;
        for (int i = first, end = first + count; i < end; i++) {
            long s = Unsigned.max(starts[i], lo);
            long e = Unsigned.min(ends[i] - 1, last);
            if (Long.compareUnsigned(s, cursor) > 0) {
                int before = k;
                k = addGap(k, cursor, s - 1, cum, lo);
                if (log) {
                    for (int g = before; g < k; g++) {
                        cum += gapWeight(~refs[g]);
                        pos[g + 1] = cum;
                    }
                }
            }
            pos[k] = log ? cum : Unsigned.toDouble(s - lo);
            refs[k] = i;
            regionItem[i - first] = k;
            if (log) {
                cum += weight(REGION_BASE, 1.0, Unsigned.countInclusive(s, e));
            }
            k++;
            if (e == last) {
                reachedTop = true;
            }
            cursor = e + 1;
        }
        if (!reachedTop) {
            int before = k;
            k = addGap(k, cursor, last, cum, lo);
            if (log) {
                for (int g = before; g < k; g++) {
                    cum += gapWeight(~refs[g]);
                    pos[g + 1] = cum;
                }
            }
        }
        pos[k] = log ? cum : viewport.spanBytes();
        return k;
    }

    /** Adds the gap [a, b] split at the canonical boundaries; returns the new item count. */
    private int addGap(int k, long a, long b, double cum, long lo) {
        if (Long.compareUnsigned(a, set.userTop) < 0) {
            long pieceEnd = Unsigned.min(b, set.userTop - 1);
            k = addGapPiece(k, a, pieceEnd, GapKind.UNMAPPED, cum, lo);
            if (pieceEnd == b) {
                return k;
            }
            a = set.userTop;
        }
        if (Long.compareUnsigned(a, set.kernelBase) < 0) {
            long pieceEnd = Unsigned.min(b, set.kernelBase - 1);
            k = addGapPiece(k, a, pieceEnd, GapKind.NON_CANONICAL, cum, lo);
            if (pieceEnd == b) {
                return k;
            }
            a = set.kernelBase;
        }
        return addGapPiece(k, a, b, GapKind.KERNEL, cum, lo);
    }

    private int addGapPiece(int k, long a, long b, GapKind kind, double cum, long lo) {
        int g = gaps++;
        if (g == gapFirst.length) {
            int grown = Math.max(8, g * 2);
            gapFirst = Arrays.copyOf(gapFirst, grown);
            gapLast = Arrays.copyOf(gapLast, grown);
            gapKind = Arrays.copyOf(gapKind, grown);
        }
        gapFirst[g] = a;
        gapLast[g] = b;
        gapKind[g] = (byte) kind.ordinal();
        ref[k] = ~g;
        // log positions of a gap's pieces are filled in by the caller, which adds their weights
        px[k] = scale == Scale.LOG ? cum : Unsigned.toDouble(a - lo);
        return k + 1;
    }

    private double gapWeight(int g) {
        return weight(GAP_BASE, GAP_LOG, Unsigned.countInclusive(gapFirst[g], gapLast[g]));
    }

    /**
     * Log length of {@code bytes}: {@code base + k * log2(1 + pages)} from one page up; below a page
     * (only a range clipped by the viewport) the base shrinks with it, so an edge that moves into a
     * range grows it from nothing instead of making it appear at full base length.
     */
    static double weight(double base, double k, double bytes) {
        double pages = bytes / PAGE;
        return base * Math.min(1.0, pages) + k * FastLog2.log2(1.0 + pages);
    }

    private void scaleToPixels() {
        double total = px[items];
        double length = viewport.lengthPx();
        for (int k = 0; k < items; k++) {
            px[k] = px[k] / total * length;
        }
        px[items] = length;
    }

    /** Gathers narrow regions into per-pixel bins, streaming: narrow regions of one column are consecutive. */
    private void buildBins() {
        int columns = Math.max(1, (int) Math.ceil(viewport.lengthPx()));
        int capacity = Math.min(count, columns);
        binPixel = new int[capacity];
        binFirst = new int[capacity];
        binCount = new int[capacity];
        binBytes = new long[capacity];
        binPerm = new byte[capacity];
        binKind = new byte[capacity];
        wideRegions = new int[Math.min(count, columns + 1)];
        long[] permBytes = new long[16];
        long[] kindBytes = new long[RegionSet.KINDS.length];
        long lo = viewport.lo();
        long last = viewport.last();
        int column = -1;
        for (int i = first, end = first + count; i < end; i++) {
            int k = regionItem[i - first];
            double a = px[k];
            double b = px[k + 1];
            if (b - a >= NARROW_PX) {
                wideRegions[wide++] = i;
                continue;
            }
            int c = Math.min(columns - 1, (int) ((a + b) * 0.5));
            if (c != column) {
                if (column >= 0) {
                    closeBin(permBytes, kindBytes);
                }
                column = c;
                binPixel[bins] = c;
                binFirst[bins] = i;
                binCount[bins] = 0;
                binBytes[bins] = 0;
                Arrays.fill(permBytes, 0);
                Arrays.fill(kindBytes, 0);
            }
            long bytes = Unsigned.min(set.ends[i] - 1, last) - Unsigned.max(set.starts[i], lo) + 1;
            binCount[bins]++;
            binBytes[bins] += bytes;
            permBytes[set.perms[i]] += bytes;
            kindBytes[set.kinds[i]] += bytes;
        }
        if (column >= 0) {
            closeBin(permBytes, kindBytes);
        }
    }

    private void closeBin(long[] permBytes, long[] kindBytes) {
        binPerm[bins] = (byte) argmaxUnsigned(permBytes);
        binKind[bins] = (byte) argmaxUnsigned(kindBytes);
        bins++;
    }

    private static int argmaxUnsigned(long[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (Long.compareUnsigned(values[j], values[best]) > 0) {
                best = j;
            }
        }
        return best;
    }

    // ---- what was laid out

    public RegionSet regionSet() {
        return set;
    }

    public Viewport viewport() {
        return viewport;
    }

    public Scale scale() {
        return scale;
    }

    public double lengthPx() {
        return viewport.lengthPx();
    }

    // ---- items: regions and gaps in address order

    public int itemCount() {
        return items;
    }

    public double itemStartPx(int k) {
        return px[checkItem(k)];
    }

    public double itemEndPx(int k) {
        return px[checkItem(k) + 1];
    }

    /** Region index of item k, or -1 when it is a gap. */
    public int itemRegion(int k) {
        int r = ref[checkItem(k)];
        return r >= 0 ? r : -1;
    }

    /** Gap index of item k, or -1 when it is a region. */
    public int itemGap(int k) {
        int r = ref[checkItem(k)];
        return r < 0 ? ~r : -1;
    }

    /** First visible address of item k. */
    public long itemFirst(int k) {
        int r = ref[checkItem(k)];
        return r >= 0 ? Unsigned.max(set.starts[r], viewport.lo()) : gapFirst[~r];
    }

    /** Last visible address of item k (inclusive). */
    public long itemLast(int k) {
        int r = ref[checkItem(k)];
        return r >= 0 ? Unsigned.min(set.ends[r] - 1, viewport.last()) : gapLast[~r];
    }

    private int checkItem(int k) {
        if (k < 0 || k >= items) {
            throw new IndexOutOfBoundsException("item " + k + " of " + items);
        }
        return k;
    }

    // ---- regions

    public int firstVisibleRegion() {
        return first;
    }

    public int visibleRegionCount() {
        return count;
    }

    public boolean isVisible(int region) {
        return region >= first && region < first + count;
    }

    /** Item index of a visible region. */
    public int regionItem(int region) {
        if (!isVisible(region)) {
            throw new IndexOutOfBoundsException("region " + region + " is not visible (visible: " + first + ".."
                    + (first + count - 1) + ")");
        }
        return regionItem[region - first];
    }

    public double regionStartPx(int region) {
        return px[regionItem(region)];
    }

    public double regionEndPx(int region) {
        return px[regionItem(region) + 1];
    }

    /** Visible part of a region: its first address, clipped to the viewport. */
    public long regionVisibleFirst(int region) {
        return itemFirst(regionItem(region));
    }

    /** Visible part of a region: its last address (inclusive), clipped to the viewport. */
    public long regionVisibleLast(int region) {
        return itemLast(regionItem(region));
    }

    /** True when a visible region is drawn inside a {@link Bin}, not as its own span. */
    public boolean isNarrow(int region) {
        int k = regionItem(region);
        return px[k + 1] - px[k] < NARROW_PX;
    }

    /** How many visible regions are at least {@link #NARROW_PX} long (drawn as spans). */
    public int wideRegionCount() {
        return wide;
    }

    /** Region index of the j-th wide region, in address order. */
    public int wideRegion(int j) {
        if (j < 0 || j >= wide) {
            throw new IndexOutOfBoundsException("wide region " + j + " of " + wide);
        }
        return wideRegions[j];
    }

    /** The region's full size (not clipped), e.g. "1.5 GiB". */
    public String regionSizeLabel(int region) {
        return ByteSize.formatUnsigned(set.ends[region] - set.starts[region]);
    }

    // ---- gaps

    public int gapCount() {
        return gaps;
    }

    public long gapFirst(int g) {
        return gapFirst[checkGap(g)];
    }

    /** Last address of the gap (inclusive; 0xffffffffffffffff at the top of the space). */
    public long gapLast(int g) {
        return gapLast[checkGap(g)];
    }

    public GapKind gapKind(int g) {
        return GapKind.values()[gapKind[checkGap(g)]];
    }

    public int gapItem(int g) {
        checkGap(g);
        // gaps are few next to a region, so a short search from the region before is enough
        int k = g == 0 ? 0 : gapItemAfter(g);
        while (ref[k] != ~g) {
            k++;
        }
        return k;
    }

    private int gapItemAfter(int g) {
        int region = set.lastStartingAtOrBefore(gapFirst[g]);
        return isVisible(region) ? regionItem[region - first] : 0;
    }

    public double gapStartPx(int g) {
        return px[gapItem(g)];
    }

    public double gapEndPx(int g) {
        return px[gapItem(g) + 1];
    }

    /** The break mark's text: "22.3 TiB unmapped", "16 EiB non-canonical" (size of the visible part). */
    public String gapLabel(int g) {
        long count = gapLast(g) - gapFirst(g) + 1;
        return (count == 0 ? "16 EiB" : ByteSize.formatUnsigned(count)) + " " + gapKind(g).word();
    }

    private int checkGap(int g) {
        if (g < 0 || g >= gaps) {
            throw new IndexOutOfBoundsException("gap " + g + " of " + gaps);
        }
        return g;
    }

    // ---- level of detail

    public int binCount() {
        return bins;
    }

    public Bin bin(int b) {
        if (b < 0 || b >= bins) {
            throw new IndexOutOfBoundsException("bin " + b + " of " + bins);
        }
        return new Bin(binPixel[b], binFirst[b], binCount[b], binBytes[b], RegionSet.permOf(binPerm[b]),
                RegionSet.KINDS[binKind[b]]);
    }

    /** Index of the bin drawn in pixel column {@code floor(x)}, or -1. */
    public int binAt(double x) {
        int column = (int) Math.floor(x);
        int i = Arrays.binarySearch(binPixel, 0, bins, column);
        return i >= 0 ? i : -1;
    }

    // ---- hit testing and the inverse

    /** Index of the item under pixel {@code x} (clamped to the ribbon). */
    public int itemAt(double x) {
        if (!(x > 0)) {
            return 0;
        }
        if (x >= px[items]) {
            return items - 1;
        }
        // largest k with px[k] <= x
        int lo = 0;
        int hi = items - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (px[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The region under pixel x, or -1 over a gap. */
    public int regionAt(double x) {
        int r = ref[itemAt(x)];
        return r >= 0 ? r : -1;
    }

    /** The gap under pixel x, or -1 over a region. */
    public int gapAt(double x) {
        int r = ref[itemAt(x)];
        return r < 0 ? ~r : -1;
    }

    /** The address under pixel x (clamped to the ribbon). */
    public long addressAt(double x) {
        int k = itemAt(x);
        double a = px[k];
        double w = px[k + 1] - a;
        long itemFirst = itemFirst(k);
        long itemLast = itemLast(k);
        if (!(w > 0)) {
            return itemFirst;
        }
        double frac = Math.min(1.0, Math.max(0.0, (x - a) / w));
        // x = pixelOf(b) comes back as b's offset less a rounding hair (1e-10 of a byte where a
        // byte is a pixel wide); the nudge keeps it from flooring to the byte before, which would
        // be a whole pixel away. Where bytes are that small, 1e-6 of one moves nothing visible.
        long offset = Unsigned.fromDouble(frac * Unsigned.countInclusive(itemFirst, itemLast) + 1e-6);
        return itemFirst + Unsigned.min(offset, itemLast - itemFirst);
    }

    /** Pixel where byte {@code address} begins; 0 below the viewport, lengthPx above it. */
    public double pixelOf(long address) {
        if (Long.compareUnsigned(address, viewport.lo()) < 0) {
            return 0;
        }
        if (Long.compareUnsigned(address, viewport.last()) > 0) {
            return px[items];
        }
        int k = itemOf(address);
        long itemFirst = itemFirst(k);
        double frac = Unsigned.toDouble(address - itemFirst) / Unsigned.countInclusive(itemFirst, itemLast(k));
        return px[k] + frac * (px[k + 1] - px[k]);
    }

    /** Pixel where byte {@code address} ends (where the next byte would begin). */
    public double pixelAfter(long address) {
        if (Long.compareUnsigned(address, viewport.lo()) < 0) {
            return 0;
        }
        if (Long.compareUnsigned(address, viewport.last()) >= 0) {
            return px[items];
        }
        return pixelOf(address + 1);
    }

    /** Item containing an address inside the viewport. */
    int itemOf(long address) {
        int i = set.lastStartingAtOrBefore(address);
        int k = 0;
        if (isVisible(i)) {
            k = regionItem[i - first];
            if (Long.compareUnsigned(address, itemLast(k)) <= 0) {
                return k;
            }
            k++;
        }
        while (k < items - 1 && Long.compareUnsigned(itemLast(k), address) < 0) {
            k++;
        }
        return k;
    }

    // ---- axis

    /**
     * Ticks at least {@code minSpacingPx} apart, increasing in pixel and address. Linear: at
     * power-of-two addresses. Log: at the starts of regions and gaps (where the scale changes).
     */
    public List<Tick> ticks(double minSpacingPx) {
        if (!(minSpacingPx > 0)) {
            throw new IllegalArgumentException("tick spacing must be positive, got " + minSpacingPx);
        }
        return scale == Scale.LINEAR ? linearTicks(minSpacingPx) : logTicks(minSpacingPx);
    }

    private List<Tick> linearTicks(double minSpacingPx) {
        List<Tick> ticks = new ArrayList<>();
        double want = minSpacingPx / viewport.lengthPx() * viewport.spanBytes();
        int shift = Math.max(0, Math.min(63, Math.getExponent(Math.max(1.0, want)) + (isPowerOfTwo(want) ? 0 : 1)));
        long step = 1L << shift;
        long lo = viewport.lo();
        long mask = step - 1;
        long a = (lo & ~mask) == lo ? lo : (lo & ~mask) + step;
        if (Long.compareUnsigned(a, lo) < 0) { // rounding up passed 2^64
            return ticks;
        }
        long majorMask = shift + 4 >= 64 ? -1L : (step << 4) - 1;
        while (Long.compareUnsigned(a, viewport.last()) <= 0) {
            ticks.add(new Tick(pixelOf(a), a, Tick.hex(a), (a & majorMask) == 0));
            long next = a + step;
            if (Long.compareUnsigned(next, a) <= 0) {
                break;
            }
            a = next;
        }
        return ticks;
    }

    private static boolean isPowerOfTwo(double d) {
        return d >= 1 && d == Math.scalb(1.0, Math.getExponent(d));
    }

    private List<Tick> logTicks(double minSpacingPx) {
        List<Tick> ticks = new ArrayList<>();
        double want = 0;
        while (true) {
            int k = firstItemAtOrAfter(want);
            if (k >= items) {
                return ticks;
            }
            long a = itemFirst(k);
            ticks.add(new Tick(px[k], a, Tick.hex(a), k == 0 || ref[k - 1] < 0));
            want = px[k] + minSpacingPx;
        }
    }

    private int firstItemAtOrAfter(double x) {
        int lo = 0;
        int hi = items;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (px[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- navigation that follows the scale

    /**
     * Zooms by {@code factor} (above 1 zooms in) around pixel x. Log scale: the interval shrinks in
     * the whole-space log coordinate, so a zoom spans many regions evenly; inside one region or gap
     * it is the linear zoom. Never below one page.
     */
    public Viewport zoomAt(double x, double factor) {
        if (scale == Scale.LINEAR || insideOneWholeItem()) {
            return viewport.zoomAt(x, factor);
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive, got " + factor);
        }
        RibbonLayout whole = set.wholeLog();
        double t = Math.min(1, Math.max(0, x / lengthPx()));
        long anchor = addressAt(x);
        double uLo = whole.pixelOf(viewport.lo());
        double uHi = whole.pixelAfter(viewport.last());
        double width = Math.min(whole.lengthPx(), (uHi - uLo) / factor);
        double uAnchor = whole.pixelOf(anchor);
        // the edges of the new view take their own log lengths, so the anchor may not land under x:
        // bisect for the window position that puts it there (its pixel falls as the window rises;
        // where an edge enters a huge gap the fall is steep, and the nearest position is taken)
        double a = Math.max(0, uAnchor - width);
        double b = Math.max(a, Math.min(uAnchor, whole.lengthPx() - width));
        double best = Math.max(a, Math.min(b, uAnchor - t * width));
        double gBest = anchorDrift(whole, best, width, anchor, t, x);
        int steps = count > LARGE_VIEW ? 0 : ANCHOR_STEPS;
        if (gBest > 0) {
            a = best;
        } else {
            b = best;
        }
        for (int i = 0; i < steps && Math.abs(gBest) > 0.5 && b - a > 1e-6; i++) {
            double m = 0.5 * (a + b);
            double gm = anchorDrift(whole, m, width, anchor, t, x);
            if (Math.abs(gm) < Math.abs(gBest)) {
                best = m;
                gBest = gm;
            }
            if (gm > 0) {
                a = m;
            } else {
                b = m;
            }
        }
        return fromWhole(whole, best, width, anchor, t);
    }

    /** How far from x the anchor lands when the view starts at whole-log coordinate nLo. */
    private double anchorDrift(RibbonLayout whole, double nLo, double width, long anchor, double t, double x) {
        Viewport v = fromWhole(whole, nLo, width, anchor, t);
        return layout(set, v, scale).pixelOf(anchor) - x;
    }

    /** Pans by {@code deltaPx} pixels; positive goes to higher addresses. */
    public Viewport pan(double deltaPx) {
        if (scale == Scale.LINEAR || insideOneWholeItem()) {
            return viewport.pan(deltaPx);
        }
        RibbonLayout whole = set.wholeLog();
        double uLo = whole.pixelOf(viewport.lo());
        double width = whole.pixelAfter(viewport.last()) - uLo;
        double nLo = uLo + deltaPx / lengthPx() * width;
        return fromWhole(whole, nLo, width, viewport.lo(), 0);
    }

    private Viewport fromWhole(RibbonLayout whole, double nLo, double width, long anchor, double t) {
        nLo = Math.max(0, Math.min(nLo, whole.lengthPx() - width));
        double nHi = nLo + width;
        long newLo = whole.addressAt(nLo);
        long newLast = nHi >= whole.lengthPx() ? -1L : whole.addressAt(nHi);
        if (newLast != -1L && newLast != newLo && nHi < whole.lengthPx()) {
            newLast--;
        }
        if (Long.compareUnsigned(newLast, newLo) < 0
                || Unsigned.countInclusive(newLo, newLast) < Viewport.MIN_SPAN_BYTES) {
            return viewport.around(anchor, t, Viewport.MIN_SPAN_BYTES);
        }
        return new Viewport(lengthPx(), newLo, newLast);
    }

    private boolean insideOneWholeItem() {
        RibbonLayout whole = set.wholeLog();
        return whole.itemOf(viewport.lo()) == whole.itemOf(viewport.last());
    }
}
