package dev.aspace.frames;

/**
 * The pages of one region by sharing: how many are present in RAM, mapped by this page alone,
 * mapped more than once, the zero page, part of a THP, merged by KSM, swapped out. Without the
 * privilege zero, thp and ksm are 0 (unknown) and shared means "not exclusive".
 */
public record FrameSummary(long present, long exclusive, long shared, long zeroPage, long thp, long ksm, long swapped) {

    public static final FrameSummary EMPTY = new FrameSummary(0, 0, 0, 0, 0, 0, 0);

    public FrameSummary plus(FrameSummary o) {
        return new FrameSummary(present + o.present, exclusive + o.exclusive, shared + o.shared,
                zeroPage + o.zeroPage, thp + o.thp, ksm + o.ksm, swapped + o.swapped);
    }
}
