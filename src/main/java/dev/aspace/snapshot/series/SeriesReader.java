package dev.aspace.snapshot.series;

import dev.aspace.model.ByteSize;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.snapshot.InputFiles;
import dev.aspace.snapshot.SnapshotCodec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a series file (version 3 or 2: frame records; version 1: JSON lines) without holding its frames: opening reads the header and indexes where
 * each line ends (8 bytes per frame); {@link #frame} reads and checks one frame with
 * {@link SnapshotCodec}. A last line without its line break is a frame the recorder was killed
 * while writing: it is skipped and {@link #truncation()} says so, naming the frame and line.
 * Every other problem stops with a {@link MalformedInputException} naming the frame, its line
 * and the JSON path. The file is never modified. Thread-safe after opening.
 */
public final class SeriesReader {

    /** A day at one frame a second is 86,400; a file with more lines than this is not ours. */
    public static final int MAX_FRAMES = 1_000_000;

    private static final Pattern SERIES_START =
            Pattern.compile("^\\uFEFF?\\s*\\{\\s*\"format\"\\s*:\\s*\"" + SeriesHeader.FORMAT + "\"");

    private final Path file;
    private final String name;
    private final SeriesHeader header;
    private final long firstFrame;
    /** Where each frame's line break is; frame i is [i == 0 ? firstFrame : ends[i-1] + 1, ends[i]). */
    private final long[] ends;
    private final String truncation;
    /** The frames of a version 2 or 3 series, or null for version 1 (one snapshot per line). */
    private final RecordFrames records;

    private SeriesReader(Path file, SeriesHeader header, long firstFrame, long[] ends, String truncation,
                         RecordFrames records) {
        this.file = file;
        this.name = file.toString();
        this.header = header;
        this.firstFrame = firstFrame;
        this.ends = ends;
        this.truncation = truncation;
        this.records = records;
    }

    /** True when the file starts like a series ({@code {"format": "aspace-series"}), whatever its name. */
    public static boolean isSeries(Path file) {
        try {
            return SERIES_START.matcher(head(file)).find();
        } catch (IOException e) {
            return false; // whoever opens it as something else reports why it cannot be read
        }
    }

    private static String head(Path file) throws IOException {
        byte[] head = new byte[256];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return new String(head, 0, n, StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads the header and indexes the frames.
     *
     * @throws MalformedInputException missing, unreadable, not a series, no whole frame, an empty line
     */
    public static SeriesReader open(Path file) {
        String name = file.toString();
        InputFiles.requireOrdinary(file, "a recorded series");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            String head = head(file);
            if (!head.isEmpty() && !SERIES_START.matcher(head).find()) {
                boolean snapshot = head.contains("\"" + SnapshotCodec.FORMAT + "\"") || head.startsWith("\u001f\ufffd");
                throw new MalformedInputException(name, "line 1", snapshot
                        ? "is one snapshot, not a recorded series: open it as a snapshot"
                        : "not an aspace series; expected a first line {\"format\":\"" + SeriesHeader.FORMAT + "\",...}");
            }
            Index index = new Index(name);
            index.scan(ch);
            SeriesHeader header = index.header;
            if (header.version() != 1) {
                RecordFrames records = RecordFrames.open(file, header.version(), ch, index.headerEnd + 1);
                if (records.size() == 0) {
                    throw new MalformedInputException(name, "", "has no whole frame" + (records.truncation().isEmpty()
                            ? " (the recorder stopped before the first)" : ": " + records.truncation()));
                }
                return new SeriesReader(file, header, index.headerEnd + 1, new long[0], records.truncation(), records);
            }
            String truncation = index.truncation(ch.size());
            if (index.count == 0) {
                throw new MalformedInputException(name, "", "has no whole frame"
                        + (truncation.isEmpty() ? " (the recorder stopped before the first)" : ": " + truncation));
            }
            return new SeriesReader(file, header, index.headerEnd + 1, Arrays.copyOf(index.ends, index.count),
                    truncation, null);
        } catch (NoSuchFileException e) {
            throw new MalformedInputException(name, "", "no such file", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new MalformedInputException(name, "", "is a directory: give a series file", e);
            }
            throw new MalformedInputException(name, "", "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Frame 0 read without indexing the frames after it, or null when that cannot be done: a
     * version 1 series (lines, read in order), or anything wrong with the file, which
     * {@link #open} then says. What a window shows while a large series is indexed: on a file
     * not in the page cache, finding the head of every frame is one disk read per frame.
     */
    public static Snapshot firstFrame(Path file) {
        String name = file.toString();
        try {
            InputFiles.requireOrdinary(file, "a recorded series"); // before opening: a FIFO would block
        } catch (RuntimeException e) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Index index = new Index(name);
            index.scan(ch);
            if (index.header.version() == 1) {
                return null;
            }
            Snapshot s = RecordFrames.first(file, index.header.version(), ch, index.headerEnd + 1);
            return s == null ? null : s.withSource(new Source(Source.Type.FILE, name + "@0"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public Path file() {
        return file;
    }

    public SeriesHeader header() {
        return header;
    }

    /** Whole frames in the file. */
    public int size() {
        return records != null ? records.size() : ends.length;
    }

    /** Why the last line was skipped ("frame 7 (line 9) is cut off ..."), or "" when the file ends whole. */
    public String truncation() {
        return truncation;
    }

    /**
     * Reads frame {@code i} (from 0). Its source is the file, as {@code FILE@i}.
     *
     * @throws MalformedInputException no such frame, or the frame is not a valid snapshot
     */
    public Snapshot frame(int i) {
        if (i < 0 || i >= size()) {
            throw new MalformedInputException(name, "", "has frames 0 to " + (size() - 1) + "; there is no frame " + i);
        }
        if (records != null) {
            return records.frame(i).withSource(new Source(Source.Type.FILE, name + "@" + i));
        }
        long from = i == 0 ? firstFrame : ends[i - 1] + 1;
        String where = name + " frame " + i + " (line " + (i + 2) + ")";
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Snapshot s = SnapshotCodec.read(new RangeInputStream(ch, from, ends[i]), where);
            return s.withSource(new Source(Source.Type.FILE, name + "@" + i));
        } catch (MalformedInputException e) {
            throw e;
        } catch (IOException e) {
            throw new MalformedInputException(where, "", "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * What the timeline shows of every frame. Version 2 keeps it in each frame's head, so nothing
     * is decoded (a frame whose head was damaged shows empty); version 1 reads every frame once,
     * keeping only its summary (memory holds one frame at a time).
     *
     * @throws MalformedInputException version 1: the first frame that is not a valid snapshot
     */
    public List<FrameSummary> summaries() {
        if (records != null) {
            return records.summaries();
        }
        List<FrameSummary> out = new ArrayList<>(ends.length);
        for (int i = 0; i < ends.length; i++) {
            out.add(FrameSummary.of(i, frame(i)));
        }
        return out;
    }

    /** Finds the line breaks in one pass over the file, 1 MiB at a time. */
    private static final class Index {
        private final String name;
        long headerEnd = -1;
        SeriesHeader header;
        long[] ends = new long[64];
        int count;
        long lastEnd;

        Index(String name) {
            this.name = name;
        }

        void scan(FileChannel ch) throws IOException {
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            long pos = 0;
            long lineStart = 0;
            int line = 1;
            while (true) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n <= 0) {
                    break;
                }
                byte[] a = buf.array();
                for (int k = 0; k < n; k++) {
                    if (a[k] != '\n') {
                        continue;
                    }
                    long at = pos + k;
                    if (at == lineStart) {
                        throw new MalformedInputException(name, "line " + line,
                                "is empty: a series holds one snapshot per line, with no blank lines");
                    }
                    if (headerEnd < 0) {
                        headerEnd = at;
                        header = SeriesHeader.parse(headerLine(ch), name); // before reading on: is it ours?
                        if (header.version() != 1) {
                            return; // frames as records, not lines: RecordFrames indexes them
                        }
                    } else {
                        add(at, line);
                    }
                    lineStart = at + 1;
                    line++;
                }
                pos += n;
                if (headerEnd < 0 && pos > SeriesHeader.MAX_LENGTH) {
                    throw notSeries("its first line is longer than " + SeriesHeader.MAX_LENGTH / 1024 + " KiB");
                }
            }
            if (headerEnd < 0) {
                throw notSeries(pos == 0 ? "the file is empty" : "its first line has no end");
            }
            lastEnd = lineStart;
        }

        private void add(long at, int line) {
            if (count == MAX_FRAMES) {
                throw new MalformedInputException(name, "line " + line, "more than " + MAX_FRAMES
                        + " frames: not a series aspace records (it stops long before)");
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, Math.min(MAX_FRAMES, ends.length * 2));
            }
            ends[count++] = at;
        }

        byte[] headerLine(FileChannel ch) throws IOException {
            ByteBuffer b = ByteBuffer.allocate((int) headerEnd);
            while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
                // positional reads until the header is in
            }
            return b.array();
        }

        /** The cut-off last line, if the file does not end with a line break. */
        String truncation(long size) {
            if (lastEnd >= size) {
                return "";
            }
            return "frame " + count + " (line " + (count + 2) + ") is cut off after " + ByteSize.format(size - lastEnd)
                    + ", with no line end (the recorder stopped while writing it): skipped"
                    + (count == 0 ? "" : "; frames 0 to " + (count - 1) + " are whole");
        }

        private MalformedInputException notSeries(String why) {
            return new MalformedInputException(name, "line 1", "not an aspace series (" + why
                    + "); expected a first line {\"format\":\"" + SeriesHeader.FORMAT + "\",...}");
        }
    }
}
