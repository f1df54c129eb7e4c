package dev.aspace.ui.timeline;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the Record dialog asks for.
 *
 * @param file     the series file
 * @param every    the interval between frames
 * @param maxBytes the size cap
 */
public record RecordSettings(Path file, Duration every, long maxBytes) {
}
