package dev.aspace.snapshot;

import dev.aspace.model.MalformedInputException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The compression of version 2 files: gzip from the JDK (docs/decisions/snapshot-format-v2.md
 * says why not zstd). Reading tells compressed from plain JSON by gzip's magic bytes, so version 1
 * files and uncompressed version 2 text read as well.
 */
final class Compression {

    /** Deflate level 1: measured on 60,000 regions it is a third of the time of level 6 for 10 % more bytes. */
    static final int LEVEL = Deflater.BEST_SPEED;
    private static final int BUFFER = 1 << 16;

    private Compression() {
    }

    /** gzip at {@link #LEVEL}, deflated on a second thread once the text passes one buffer ({@link BackgroundDeflate}). */
    static OutputStream compress(OutputStream out) throws IOException {
        return new BackgroundDeflate(new GZIPOutputStream(out, BUFFER) {
            {
                def.setLevel(LEVEL);
            }
        });
    }

    /** The text of a stream that may be gzip-compressed. */
    static InputStream decompress(InputStream in, String sourceName) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, BUFFER);
        b.mark(2);
        int first = b.read();
        int second = b.read();
        b.reset();
        if (first == 0x1f && second == 0x8b) {
            return new Checked(new GZIPInputStream(b, BUFFER), sourceName);
        }
        return b;
    }

    /** Turns the inflater's complaints (corrupt or cut-off data) into malformed input with the file's name. */
    private static final class Checked extends InputStream {
        private final InputStream in;
        private final String source;

        Checked(InputStream in, String source) {
            this.in = in;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (EOFException e) {
                throw new MalformedInputException(source, "", "truncated: the compressed data ends early", e);
            } catch (ZipException e) {
                throw new MalformedInputException(source, "", "damaged: the compressed data is corrupt ("
                        + e.getMessage() + ")", e);
            }
        }
    }
}
