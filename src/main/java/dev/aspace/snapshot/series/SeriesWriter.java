package dev.aspace.snapshot.series;

import dev.aspace.model.ByteSize;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SaveFailedException;
import dev.aspace.snapshot.SnapshotCodec;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends frames to a series file: the header line once, then one snapshot per line, each
 * written whole in one go, so a recorder killed at any moment leaves at most one cut-off last
 * line (which {@link SeriesReader} reports and skips). The size cap is enforced before writing:
 * a frame that would take the file past it is not written, and the caller stops. Not
 * thread-safe; one recorder owns it.
 */
public final class SeriesWriter implements Closeable {

    private final Path file;
    private final SeriesHeader header;
    private final FileChannel channel;
    private long bytes;
    private int frames;

    private SeriesWriter(Path file, SeriesHeader header, FileChannel channel, long bytes) {
        this.file = file;
        this.header = header;
        this.channel = channel;
        this.bytes = bytes;
    }

    /** What {@link #append} did. {@code frameBytes} is the size of the frame's line either way. */
    public record Append(boolean written, long frameBytes) {
    }

    /**
     * Creates (or replaces) the file and writes the header line.
     *
     * @throws SaveFailedException the file cannot be created or written, or the cap is smaller than the header
     */
    public static SeriesWriter create(Path file, SeriesHeader header) {
        byte[] line = header.toLine();
        if (line.length > header.maxBytes()) {
            throw new SaveFailedException("cannot record to " + file + ": the size cap "
                    + ByteSize.format(header.maxBytes()) + " is smaller than the file's header", null);
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            writeFully(ch, line);
            return new SeriesWriter(file, header, ch, line.length);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new SaveFailedException("cannot record to " + file + ": " + reason(e), e);
        }
    }

    /**
     * Appends one frame unless it would take the file past the size cap; then nothing is
     * written and {@code written} is false.
     *
     * @throws SaveFailedException writing failed (disk full); the frames before it are intact
     */
    public Append append(Snapshot snapshot) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        try {
            SnapshotCodec.writeLine(snapshot, buf);
        } catch (IOException e) {
            throw new SaveFailedException("cannot record to " + file + ": " + reason(e), e);
        }
        buf.write('\n');
        byte[] line = buf.toByteArray();
        if (bytes + line.length > header.maxBytes()) {
            return new Append(false, line.length);
        }
        try {
            writeFully(channel, line);
        } catch (IOException e) {
            cutBackQuietly();
            throw new SaveFailedException("cannot record to " + file + " after " + frames + " frames: " + reason(e)
                    + "; the frames before are kept", e);
        }
        bytes += line.length;
        frames++;
        return new Append(true, line.length);
    }

    public Path file() {
        return file;
    }

    public SeriesHeader header() {
        return header;
    }

    /** Frames written so far. */
    public int frames() {
        return frames;
    }

    /** The file's size so far, header included. */
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // every frame was written with write(2) already; closing loses nothing
        }
    }

    /** Closes the file and removes it (nothing worth keeping was recorded). */
    void discard() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // it holds only the header; a reader says it has no frames
        }
    }

    private static void writeFully(FileChannel ch, byte[] line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** A half-written frame (disk full) is cut off again, so the file ends on a whole line. */
    private void cutBackQuietly() {
        try {
            channel.truncate(bytes);
        } catch (IOException e) {
            // the reader skips a cut-off last line anyway
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing was written
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
