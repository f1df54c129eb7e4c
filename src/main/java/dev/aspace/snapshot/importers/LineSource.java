package dev.aspace.snapshot.importers;

import dev.aspace.model.MalformedInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lines of imported text, read from bytes in chunks (never the whole file at once), numbered
 * from 1, with a byte limit and a line-length limit that stop hostile input with a message
 * naming the file and line. The first lines can be peeked for format detection and are then
 * replayed. {@code \r\n} endings are accepted.
 */
public final class LineSource {

    private static final int CHUNK = 64 << 10;

    private final InputStream in;
    private final String sourceName;
    private final ImportLimits limits;
    private final byte[] buf = new byte[CHUNK];
    private int pos;
    private int len;
    private boolean eof;
    private long bytesRead;
    private long lineNumber;
    private byte[] line = new byte[256];
    private final List<String> peeked = new ArrayList<>();
    private int replay;

    public LineSource(InputStream in, String sourceName, ImportLimits limits) {
        this.in = in;
        this.sourceName = sourceName;
        this.limits = limits;
    }

    public String sourceName() {
        return sourceName;
    }

    public ImportLimits limits() {
        return limits;
    }

    /** Number of the line last returned by {@link #next()}. */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * Reads up to {@code max} lines ahead without consuming them: {@link #next()} returns them
     * again. Stops early at end of input.
     */
    public List<String> peek(int max) {
        while (peeked.size() < max) {
            String l = readLine();
            if (l == null) {
                break;
            }
            peeked.add(l);
        }
        return List.copyOf(peeked);
    }

    /** The next line without its line end, or null at end of input. */
    public String next() {
        if (replay < peeked.size()) {
            lineNumber++;
            return peeked.get(replay++);
        }
        if (!peeked.isEmpty()) {
            peeked.clear();
            replay = 0;
        }
        String l = readLine();
        if (l != null) {
            lineNumber++;
        }
        return l;
    }

    /** A problem at the current line, as the exception the CLI prints with file:line. */
    public MalformedInputException error(String problem) {
        return new MalformedInputException(sourceName, lineNumber > 0 ? "line " + lineNumber : "", problem);
    }

    private String readLine() {
        int n = 0;
        long number = lineNumber + peeked.size() - replay + 1;
        while (true) {
            if (pos == len) {
                if (eof || !fill()) {
                    return n == 0 ? null : decode(n);
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            if (n + chunk > limits.maxLineBytes()) {
                throw new MalformedInputException(sourceName, "line " + number,
                        "line longer than " + limits.maxLineBytes() + " bytes: this is not the text output of a memory-map tool");
            }
            if (n + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, n + chunk));
            }
            System.arraycopy(buf, start, line, n, chunk);
            n += chunk;
            if (pos < len) {
                pos++; // the '\n'
                return decode(n);
            }
        }
    }

    private String decode(int n) {
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        for (int i = 0; i < n; i++) {
            if (line[i] == 0) {
                throw new MalformedInputException(sourceName, "line " + (lineNumber + peeked.size() - replay + 1),
                        "binary data (a NUL byte): expected text such as " + ImportFormat.expectedList());
            }
        }
        return new String(line, 0, n, StandardCharsets.UTF_8);
    }

    private boolean fill() {
        try {
            int r = in.read(buf, 0, buf.length);
            if (r <= 0) {
                eof = true;
                return false;
            }
            bytesRead += r;
            if (bytesRead > limits.maxBytes()) {
                throw new MalformedInputException(sourceName, "",
                        "file is larger than " + (limits.maxBytes() >> 20) + " MiB: refusing to import more"
                                + " (no real memory map is that large; split it or check the file)");
            }
            pos = 0;
            len = r;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + sourceName, e);
        }
    }
}
