package dev.aspace.lab;

import java.util.List;

/**
 * Carries out a lab action on this machine and measures it. The app implements it with the
 * memory-user child and the live backend; it runs off the UI thread.
 */
public interface LabRunner {

    /**
     * Performs the action and returns what was measured: one measurement for most actions,
     * one per size for {@link LabAction#COMPARE_SIZES}, and for {@link LabAction#COUNT_REGIONS}
     * two (before = a {@code sleep} process, after = the memory-user child, both as snapshots).
     */
    List<Measurement> perform(LabAction action) throws Exception;
}
