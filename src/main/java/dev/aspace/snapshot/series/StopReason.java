package dev.aspace.snapshot.series;

/** Why a recording ended. */
public enum StopReason {
    /** The requested number of frames was recorded. */
    COUNT_REACHED,
    /** The next frame would have taken the file past its size cap; it was not written. */
    SIZE_CAP,
    /** Taking a snapshot failed: the process exited, or may no longer be read. */
    SOURCE_FAILED,
    /** Writing the file failed (disk full, permissions). */
    WRITE_FAILED,
    /** Someone asked it to stop (Ctrl+C, the Record button). */
    STOPPED
}
