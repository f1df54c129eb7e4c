package dev.aspace.snapshot.series;

import dev.aspace.model.ByteSize;
import dev.aspace.model.Region;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.OutputFiles;
import dev.aspace.snapshot.SaveFailedException;
import dev.aspace.snapshot.SnapshotCodec;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Appends frames to a series file (version 3): the header line once, then one record per frame
 * ({@link FrameRecord} and the compressed snapshot), each written whole with one write, so a
 * recorder killed at any moment leaves at most one cut-off last frame (which
 * {@link SeriesReader} reports and skips). A frame holds what changed since the frame before;
 * the first frame, every {@link #KEY_EVERY}th, any frame whose changes would take more bytes than
 * the last whole one, and (from {@value #MANY_ROWS} regions) any frame whose changed rows, added to
 * those of the frames since the last whole one, would outnumber its rows are whole (key frames),
 * so damage costs at most the frames up to the next key frame, and showing any frame of a large
 * process decodes at most about two whole frames' rows. The size cap is enforced before writing: a frame that would take the file
 * past it is not written, and the caller stops.
 *
 * <p>The header and the first frame go to a temporary file beside the target, which takes the
 * target's name only once that frame is whole on disk: an existing file (replaced only when
 * asked) is kept until then, and a recording that fails before leaves nothing behind. The
 * target must be nothing or an ordinary file; a link there is refused, never written through.
 * Not thread-safe; one recorder owns it.
 */
public final class SeriesWriter implements Closeable {

    private final Path file;
    private final SeriesHeader header;
    private final FileChannel channel;
    private final boolean overwrite;
    private final OutputFiles.Existing old;
    /** The temporary file until the first frame is whole, then null. */
    private Path temp;
    private long bytes;
    private int frames;
    /** A key frame at least this often: rebuilding a frame decodes its key frame and at most 59 changes. */
    public static final int KEY_EVERY = 60;
    private Snapshot previous;
    private int sinceKey;
    private int lastKeyBytes;
    private int lastKeyRows;
    private long deltaRowsSinceKey;
    /** Key frames from which the rows of the deltas since are kept fewer than theirs. */
    static final int MANY_ROWS = 4096;

    private SeriesWriter(Path file, SeriesHeader header, FileChannel channel, long bytes, Path temp, boolean overwrite,
            OutputFiles.Existing old) {
        this.file = file;
        this.header = header;
        this.channel = channel;
        this.bytes = bytes;
        this.temp = temp;
        this.overwrite = overwrite;
        this.old = old;
    }

    /** What {@link #append} did. {@code frameBytes} is the size of the frame's line either way. */
    public record Append(boolean written, long frameBytes) {
    }

    /** {@link #create(Path, SeriesHeader, boolean)} replacing an existing ordinary file. */
    public static SeriesWriter create(Path file, SeriesHeader header) {
        return create(file, header, true);
    }

    /**
     * Starts a recording: the header line, written to a temporary file until the first frame.
     *
     * @param overwrite whether an existing ordinary file may be replaced (once the first frame is whole)
     * @throws SaveFailedException the target is a link, a special file, or exists and may not be
     *         replaced (exit 2); the temporary file cannot be created or written, or the cap is
     *         smaller than the header (exit 1)
     */
    public static SeriesWriter create(Path file, SeriesHeader header, boolean overwrite) {
        byte[] line = header.toLine();
        if (line.length > header.maxBytes()) {
            throw new SaveFailedException("cannot record to " + file + ": the size cap "
                    + ByteSize.format(header.maxBytes()) + " is smaller than the file's header", null);
        }
        OutputFiles.Existing old = checkTarget(file, overwrite);
        String keep = old != null ? ", " + file + " was left as it was" : "";
        Path temp = OutputFiles.createTemp(file, "record to", "; nothing was recorded" + keep);
        FileChannel ch = null;
        boolean started = false;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.WRITE);
            writeFully(ch, line);
            started = true;
            return new SeriesWriter(file, header, ch, line.length, temp, overwrite, old);
        } catch (IOException e) {
            throw new SaveFailedException("cannot record to " + file + ": " + OutputFiles.reason(e, temp, file)
                    + "; nothing was recorded" + keep, e);
        } finally {
            if (!started) {
                closeQuietly(ch);
                OutputFiles.deleteQuietly(temp);
            }
        }
    }

    /**
     * What the target is now: nothing (null) or an ordinary file that may be replaced.
     *
     * @throws SaveFailedException (exit 2) a link, a special file, or a file not to be replaced
     */
    public static OutputFiles.Existing checkTarget(Path file, boolean overwrite) {
        if (Files.isSymbolicLink(file)) {
            throw new SaveFailedException("cannot record to " + file + ": it is a symbolic link, which a recording"
                    + " never writes through; give the file it points to, or another name (it was left as it was)",
                    null, 2);
        }
        OutputFiles.Existing old = OutputFiles.check(file, "record to");
        if (old != null && !overwrite) {
            throw new SaveFailedException("cannot record to " + file + ": it exists; add --overwrite to replace it (it"
                    + " is kept until the first new frame is written whole)", null, 2);
        }
        return old;
    }

    /**
     * Appends one frame unless it would take the file past the size cap; then nothing is
     * written and {@code written} is false.
     *
     * @throws SaveFailedException writing failed (disk full); the frames before it are intact
     */
    public Append append(Snapshot snapshot) {
        boolean key = previous == null || sinceKey + 1 >= KEY_EVERY
                || !Objects.equals(layout(previous), layout(snapshot));
        byte[] payload = null;
        int rows = snapshot.regions().size();
        if (!key) {
            Deltas.Change c = Deltas.between(previous.regions(), snapshot.regions());
            payload = encode(snapshot, c.rows(), c.removed());
            // rebuilding a frame decodes its key frame and every delta since: in a large process
            // keep the rows of those deltas together fewer than the key's, so that showing any
            // frame decodes at most about two key frames' rows (a small one decodes fast anyway)
            key = payload.length >= lastKeyBytes || (lastKeyRows >= MANY_ROWS
                    && deltaRowsSinceKey + c.rows().size() >= lastKeyRows);
            rows = key ? snapshot.regions().size() : c.rows().size();
        }
        if (key) {
            payload = encode(snapshot, snapshot.regions(), null);
        }
        FrameRecord head = new FrameRecord(frames, key, payload.length, FrameRecord.crc(payload, 0, payload.length),
                FrameSummary.of(frames, snapshot));
        byte[] line = new byte[FrameRecord.HEAD_BYTES + payload.length];
        System.arraycopy(head.head(), 0, line, 0, FrameRecord.HEAD_BYTES);
        System.arraycopy(payload, 0, line, FrameRecord.HEAD_BYTES, payload.length);
        if (bytes + line.length > header.maxBytes()) {
            return new Append(false, line.length);
        }
        try {
            writeFully(channel, line);
        } catch (IOException e) {
            boolean whole = cutBack();
            throw new SaveFailedException("cannot record to " + file + ": " + OutputFiles.reason(e, temp, file)
                    + (temp != null || whole ? kept() : "; " + frames + (frames == 1 ? " frame" : " frames")
                    + " kept, followed by a cut-off line that readers skip"), e);
        }
        bytes += line.length;
        frames++;
        previous = snapshot;
        sinceKey = key ? 0 : sinceKey + 1;
        deltaRowsSinceKey = key ? 0 : deltaRowsSinceKey + rows;
        if (key) {
            lastKeyRows = snapshot.regions().size();
        }
        if (key) {
            lastKeyBytes = payload.length;
        }
        if (temp != null) {
            publish();
        }
        return new Append(true, line.length);
    }

    private byte[] encode(Snapshot s, List<Region> rows, long[] removed) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        try {
            SnapshotCodec.writeRowsFrame(s, rows, removed, buf);
        } catch (IOException e) {
            throw new SaveFailedException("cannot record to " + file + ": " + OutputFiles.reason(e, temp, file)
                    + kept(), e);
        } catch (IllegalArgumentException e) {
            throw new SaveFailedException("cannot record to " + file + ": " + e.getMessage() + kept(), e);
        }
        return buf.toByteArray();
    }

    /** The smaps keys of a frame's regions: a frame with other keys than the one before is a key frame. */
    private static SmapsLayout layout(Snapshot s) {
        for (Region r : s.regions()) {
            if (r.smaps() != null) {
                return r.smaps().layout();
            }
        }
        return null;
    }

    /** What a failure leaves, said truly: the old file, nothing, or the frames written. */
    private String kept() {
        if (temp != null) {
            return old != null ? "; nothing was recorded, " + file + " was left as it was" : "; nothing was recorded";
        }
        return "; the " + frames + (frames == 1 ? " frame" : " frames") + " before are kept";
    }

    /** The first frame is whole on disk: the temporary file takes the target's name. */
    private void publish() {
        try {
            channel.force(true);
            OutputFiles.keepOwnerAndMode(temp, old);
            checkTarget(file, overwrite); // it may have changed while the first frame was taken
            if (overwrite) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                placeWithoutReplacing();
            }
            temp = null;
            OutputFiles.syncDirectory(file.toAbsolutePath().getParent());
        } catch (IOException | RuntimeException e) {
            frames = 0;
            String why = e instanceof IOException io ? OutputFiles.reason(io, temp, file)
                    : e instanceof SaveFailedException sf ? sf.getMessage() : String.valueOf(e.getMessage());
            discard();
            throw new SaveFailedException(why.startsWith("cannot record") ? why : "cannot record to " + file + ": "
                    + why + (old != null ? "; nothing was recorded, " + file + " was left as it was"
                    : "; nothing was recorded"), e, e instanceof SaveFailedException sf ? sf.exitCode() : 1);
        }
    }

    /** A hard link fails if the name was taken meanwhile, where a rename would replace it. */
    private void placeWithoutReplacing() throws IOException {
        try {
            Files.createLink(file, temp);
            Files.delete(temp);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException) {
                throw new SaveFailedException("cannot record to " + file + ": it was created by someone else while"
                        + " the first frame was taken; add --overwrite to replace it", e, 2);
            }
            Files.move(temp, file); // no hard links here: a rename that refuses an existing target
        }
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

    /** Closes the file; before the first frame, removes the temporary file (the target was never touched). */
    void discard() {
        close();
        if (temp != null) {
            OutputFiles.deleteQuietly(temp);
        }
    }

    private static void writeFully(FileChannel ch, byte[] line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** A half-written frame (disk full) is cut off again, so the file ends on a whole line; false if it cannot be. */
    private boolean cutBack() {
        try {
            channel.truncate(bytes);
            return true;
        } catch (IOException e) {
            return false;
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
}
