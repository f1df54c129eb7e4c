package dev.aspace.snapshot.aslr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The distance from one object to another in each run ({@code to - from}, two's complement):
 * fixed across runs when both move together (libraries mapped one after the other), varying
 * when they are randomized apart (a library and the stack).
 */
public record AslrDistance(String from, String to, List<Long> distances) {

    public AslrDistance {
        distances = Collections.unmodifiableList(new ArrayList<>(distances));
    }

    /** True when every run with both objects had the same distance. */
    public boolean fixed() {
        Long first = null;
        for (Long d : distances) {
            if (d != null) {
                if (first == null) {
                    first = d;
                } else if (!first.equals(d)) {
                    return false;
                }
            }
        }
        return true;
    }
}
