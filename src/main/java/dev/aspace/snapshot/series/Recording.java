package dev.aspace.snapshot.series;

import dev.aspace.model.ByteSize;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.model.Snapshot;

import java.nio.file.Path;

/**
 * The state of a recording after a frame, or its end.
 *
 * @param file      the series file
 * @param frame     the snapshot just written, or null (the recording ended)
 * @param frames    frames in the file
 * @param bytes     the file's size, header included
 * @param stop      why it ended, or null while it goes on
 * @param nextFrame the size of the frame that did not fit (SIZE_CAP), else 0
 * @param failure   what failed (SOURCE_FAILED, WRITE_FAILED), else null
 */
public record Recording(Path file, Snapshot frame, int frames, long bytes, StopReason stop, long nextFrame, RuntimeException failure) {

    public boolean stopped() {
        return stop != null;
    }

    /** One line for a user: how many frames are where, and why recording stopped. */
    public String describe() {
        String kept = frames + (frames == 1 ? " frame" : " frames") + " (" + ByteSize.format(bytes) + ") in " + file;
        if (stop == null) {
            return "recording: " + kept;
        }
        return switch (stop) {
            case COUNT_REACHED -> "recorded " + kept;
            case STOPPED -> "stopped: recorded " + kept;
            case SIZE_CAP -> frames == 0
                    ? "the first frame (" + ByteSize.format(nextFrame) + ") does not fit under the size cap; nothing was recorded"
                    : "stopped at the size cap: the next frame (" + ByteSize.format(nextFrame)
                            + ") would have passed it; kept " + kept;
            case SOURCE_FAILED, WRITE_FAILED -> frames == 0 ? nothingRecorded(failure.getMessage())
                    : (failure instanceof ProcessGoneException gone ? "process " + gone.pid() + " exited"
                            : failure.getMessage()) + "; recording stopped, kept " + kept;
        };
    }

    private static String nothingRecorded(String message) {
        return message.contains("nothing was recorded") ? message : message + "; nothing was recorded";
    }
}
