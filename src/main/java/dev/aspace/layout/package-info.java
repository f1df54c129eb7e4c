/**
 * The ribbon: a snapshot's sparse 64-bit ranges turned into pixel spans. Pure Java (model only),
 * safe on any thread, results immutable.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * RegionSet set = RegionSet.of(snapshot.regions());          // once per snapshot: checks order, copies to arrays
 * Viewport view = Viewport.whole(canvasWidth);                // or Viewport.fit(width, regions), Viewport.of(w, lo, hi)
 * RibbonLayout layout = RibbonLayout.layout(set, view, Scale.LOG);   // or Scale.LINEAR
 *
 * // draw: wide regions as spans, the rest as per-pixel bins, gaps as break marks
 * for (int j = 0; j < layout.wideRegionCount(); j++) {
 *     int i = layout.wideRegion(j);                            // index into snapshot.regions()
 *     fill(layout.regionStartPx(i), layout.regionEndPx(i), set.region(i).perms());
 * }
 * for (int b = 0; b < layout.binCount(); b++) {
 *     Bin bin = layout.bin(b);                                 // pixel, regions, bytes, dominant perms and kind
 * }
 * for (int g = 0; g < layout.gapCount(); g++) {
 *     mark(layout.gapStartPx(g), layout.gapEndPx(g), layout.gapKind(g), layout.gapLabel(g)); // "22.3 TiB unmapped"
 * }
 * for (Tick t : layout.ticks(80)) { ... t.px(), t.label() ... }   // "0x7f3a12000000"
 *
 * // hit testing
 * int region = layout.regionAt(mouseX);                        // -1 over a gap
 * int gap = layout.gapAt(mouseX);                              // -1 over a region
 * int bin = layout.binAt(mouseX);                              // -1 when no bin in that pixel column
 * long address = layout.addressAt(mouseX);  double x = layout.pixelOf(address);
 *
 * // navigation: returns the next Viewport; lay out again with it (semantic zoom)
 * view = layout.zoomAt(mouseX, 1.25);                          // > 1 zooms in, keeps the address under the pointer
 * view = layout.pan(dragPx);                                   // positive: towards higher addresses
 * view = view.withLength(newWidth);                            // resize
 * }</pre>
 *
 * <h2>Coordinates</h2>
 * Pixel 0 is the viewport's {@code lo}, pixel {@code lengthPx} is just past its {@code last}
 * (inclusive, so {@code [0, 0xffffffffffffffff]} is representable). For a vertical ribbon with high
 * addresses at the top, draw at {@code height - px}. Addresses are unsigned longs.
 *
 * <h2>Scales</h2>
 * <ul>
 *   <li>{@link dev.aspace.layout.Scale#LOG}: each visible region (clipped to the viewport) is
 *       {@code 1 + log2(1 + size/4 KiB)} units long, each gap {@code 1 + 0.5 * log2(1 + size/4 KiB)};
 *       the units fill the ribbon. A 4 KiB guard page stays visible beside a 1 GiB heap. Inside a
 *       region or gap, pixels are linear in addresses. Zoom re-lays out the visible interval.</li>
 *   <li>{@link dev.aspace.layout.Scale#LINEAR}: pixels proportional to bytes.</li>
 * </ul>
 * Gaps are split where the user half ends ({@code 0x0000800000000000}) and the kernel half begins
 * ({@code 0xffff800000000000}; 56-bit halves when a mapping lies beyond 2^47, i.e. la57), and carry
 * a {@link dev.aspace.layout.GapKind}: unmapped, non-canonical, kernel space.
 *
 * <h2>Level of detail</h2>
 * Regions shorter than {@link dev.aspace.layout.RibbonLayout#NARROW_PX} are not drawn one by one:
 * those whose middle falls in one pixel column form a {@link dev.aspace.layout.Bin} (consecutive
 * region indices, total bytes, the permissions and kind holding most bytes). Drawing
 * {@code wideRegionCount() + binCount() + gapCount()} shapes costs what the pixels cost.
 *
 * <h2>Cost</h2>
 * One pass over the visible regions into primitive arrays; nothing allocated per region. See
 * {@code LayoutBench} (JMH) for figures.
 */
package dev.aspace.layout;
