package dev.aspace.frames;

/**
 * The same pages of two processes compared at one moment: page k of one range against page k of
 * the other (the same file offset of a library, or the same address in a parent and its fork).
 *
 * <p>Without CAP_SYS_ADMIN the frame numbers read as 0, so {@code sameFrame} is unknown (0) and
 * only pagemap's exclusive bit speaks: a page present in both and mapped once in either cannot be
 * the same frame ({@code apart}); one mapped more than once in both ({@code mappedTwiceOrMore})
 * may be.
 *
 * @param privileged        frame numbers and map counts were read
 * @param pidA              the first process
 * @param pidB              the second
 * @param pages             pages compared (the shorter range)
 * @param presentA          pages present in RAM in the first
 * @param presentB          in the second
 * @param presentBoth       present in both
 * @param sameFrame         present in both with the same frame number (0 without the privilege)
 * @param apart             present in both, mapped exactly once in at least one: certainly two frames
 * @param mappedTwiceOrMore present in both, mapped more than once in each (exclusive bit clear)
 * @param minMapcount       the least kpagecount of a frame both use, -1 when none or unknown
 * @param maxMapcount       the largest, -1 when none or unknown
 */
public record FrameMatch(boolean privileged, int pidA, int pidB, long pages, long presentA, long presentB,
                         long presentBoth, long sameFrame, long apart, long mappedTwiceOrMore, long minMapcount,
                         long maxMapcount) {

    /** Compares page k of {@code a} (read from its start) with page k of {@code b}. */
    public static FrameMatch of(int pidA, RegionFrames a, int pidB, RegionFrames b) {
        long page = a.pageSize();
        long pages = Math.min(a.end() - a.start(), b.end() - b.start()) / page;
        boolean privileged = a.privileged() && b.privileged();
        long presentA = 0, presentB = 0, both = 0, same = 0, apart = 0, twice = 0;
        long min = Long.MAX_VALUE, max = -1;
        for (long k = 0; k < pages; k++) {
            int i = a.indexOf(a.start() + k * page);
            int j = b.indexOf(b.start() + k * page);
            boolean inA = i >= 0 && PagemapEntry.isPresent(a.entry(i));
            boolean inB = j >= 0 && PagemapEntry.isPresent(b.entry(j));
            presentA += inA ? 1 : 0;
            presentB += inB ? 1 : 0;
            if (!inA || !inB) {
                continue;
            }
            both++;
            if (a.pagemap(i).exclusive() || b.pagemap(j).exclusive()) {
                apart++;
            } else {
                twice++;
            }
            if (privileged && a.pfn(i) != 0 && a.pfn(i) == b.pfn(j)) {
                same++;
                min = Math.min(min, a.mapcount(i));
                max = Math.max(max, a.mapcount(i));
            }
        }
        return new FrameMatch(privileged, pidA, pidB, pages, presentA, presentB, both, same, apart, twice,
                max < 0 ? -1 : min, max);
    }

    /** Pages present in both that the numbers show are one frame (with the privilege), or may be (without). */
    public long shared() {
        return privileged ? sameFrame : mappedTwiceOrMore;
    }

    /** Pages present in both that the numbers show are two frames. */
    public long notShared() {
        return privileged ? presentBoth - sameFrame : apart;
    }
}
