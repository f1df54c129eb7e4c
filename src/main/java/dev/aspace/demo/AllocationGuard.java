package dev.aspace.demo;

import dev.aspace.model.SystemMemory;

import java.util.Optional;

/**
 * Refuses allocations the machine cannot back: more than MemAvailable minus a margin (10 % of it
 * by default) unless the user allows overcommit. An allocation that is never touched costs
 * nothing, but the point of memory-user is to touch it, and then the OOM killer decides.
 *
 * @param marginPercent how much of MemAvailable to keep free, 0 to 100
 */
public record AllocationGuard(int marginPercent) {

    public static final AllocationGuard DEFAULT = new AllocationGuard(10);

    public AllocationGuard {
        if (marginPercent < 0 || marginPercent > 100) {
            throw new IllegalArgumentException("margin must be 0 to 100 %, got " + marginPercent);
        }
    }

    /** The most that may be allocated now: MemAvailable minus the margin. */
    public long limit(SystemMemory memory) {
        long available = memory.available();
        return available - available / 100 * marginPercent;
    }

    /**
     * Empty when {@code bytes} may be allocated; otherwise one line naming both numbers and the way
     * out, {@code override}: the option or control that allows it ("--allow-overcommit").
     */
    public Optional<String> refusal(long bytes, SystemMemory memory, boolean allowOvercommit, String override) {
        if (allowOvercommit || bytes <= limit(memory)) {
            return Optional.empty();
        }
        return Optional.of("refusing to allocate " + Sizes.human(bytes) + ": only " + Sizes.human(memory.available())
                + " is available (MemAvailable), and " + marginPercent + " % of it is kept free, so the limit is "
                + Sizes.human(limit(memory)) + "; " + override + " does it anyway (the OOM killer may end memory-user)");
    }
}
