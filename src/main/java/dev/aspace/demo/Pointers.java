package dev.aspace.demo;

import java.util.Map;

/**
 * Where the memory-user child's code, data, heap and stack are, as it says at start (OSTEP
 * chapter 13's program): its {@code main}, an initialised global, a kept {@code malloc}'d block
 * and a local of {@code main}. Zero where the child did not say (an older child).
 */
public record Pointers(long code, long data, long heap, long stack) {

    public static final Pointers NONE = new Pointers(0, 0, 0, 0);

    /** From the fields of the child's "ready" line ({@code code=0x...} and so on). */
    static Pointers of(Map<String, String> ready) {
        return new Pointers(hex(ready.get("code")), hex(ready.get("data")), hex(ready.get("heap")), hex(ready.get("stack")));
    }

    private static long hex(String v) {
        if (v == null || !v.startsWith("0x")) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(v.substring(2), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean known() {
        return code != 0 && data != 0 && heap != 0 && stack != 0;
    }
}
