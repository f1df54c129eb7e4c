package dev.aspace.demo;

/**
 * What the memory-user child says of itself at start, so expectations are computed from the
 * child's real parameters rather than a textbook's.
 *
 * @param pageSize    bytes of a page (sysconf(_SC_PAGESIZE)), 0 when unknown
 * @param threadStack bytes of stack a thread gets without asking (glibc's default, taken from
 *                    RLIMIT_STACK when the child started), 0 when unknown
 */
public record ChildFacts(long pageSize, long threadStack) {

    public static final ChildFacts UNKNOWN = new ChildFacts(0, 0);
}
