package dev.aspace.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The pmap output as bytes, built in one buffer and handed on in large pieces: no per-line
 * writes, no 12 MB buffer for the 60,000 lines of a big {@code pmap -X}, and no character
 * encoder. pmap's text is ASCII except mapping names and command lines, which go out as UTF-8,
 * the encoding the parser decoded the kernel's bytes with, so they print as the bytes pmap
 * prints. A JVM run for one command executes this code mostly cold (interpreted or lightly
 * compiled), so bulk operations beat a StringBuilder's char-by-char appends several times
 * (docs/PERFORMANCE.md). Tests and picocli hand a writer, which gets the text decoded.
 */
final class Sink {

    private static final int FLUSH_AT = 1 << 18;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf = new byte[FLUSH_AT + 8192];
    private int n;
    private final PrintWriter writer;
    private final OutputStream bytes;

    Sink(PrintWriter writer) {
        this.writer = writer;
        this.bytes = null;
    }

    Sink(OutputStream bytes) {
        this.writer = null;
        this.bytes = bytes;
    }

    /** One ASCII character. */
    Sink ch(char c) {
        room(1);
        buf[n++] = (byte) c;
        return this;
    }

    /** Text: ASCII copied as it is, anything else as UTF-8. */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): the low byte of each char, exact for ASCII
    Sink text(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) >= 0x80) {
                byte[] utf8 = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
                room(utf8.length);
                System.arraycopy(utf8, 0, buf, n, utf8.length);
                n += utf8.length;
                return this;
            }
        }
        room(to - from);
        s.getBytes(from, to, buf, n);
        n += to - from;
        return this;
    }

    Sink text(String s) {
        return text(s, 0, s.length());
    }

    /** {@code %*s}: right-justified in {@code width}, never cut. */
    Sink right(String s, int width) {
        return spaces(width - s.length()).text(s);
    }

    /** {@code %-*s}: left-justified in {@code width}, never cut. */
    Sink left(String s, int width) {
        return text(s).spaces(width - s.length());
    }

    /**
     * {@code %*lu}: an unsigned decimal right-justified in {@code width}. One call writes the
     * padding and the digits (pmap -X prints a million of these: few calls matter while cold).
     */
    Sink right(long unsigned, int width) {
        if (unsigned < 0) {
            return right(Long.toUnsignedString(unsigned), width);
        }
        int digits = Text.decimalDigits(unsigned);
        int pad = Math.max(0, width - digits);
        room(pad + digits);
        byte[] b = buf;
        int p = n;
        for (int i = 0; i < pad; i++) {
            b[p++] = ' ';
        }
        int end = p + digits;
        for (int i = end - 1; i >= p; i--) {
            b[i] = (byte) ('0' + unsigned % 10);
            unsigned /= 10;
        }
        n = end;
        return this;
    }

    /** An unsigned decimal. */
    Sink dec(long unsigned) {
        return right(unsigned, 0);
    }

    /** {@code %0*lx}: lower-case hex, zero-padded to at least {@code digits}. */
    Sink hex(long value, int digits) {
        int d = Math.max(digits, Text.hexDigits(value));
        room(d);
        byte[] b = buf;
        for (int i = n + d - 1; i >= n; i--) {
            b[i] = HEX[(int) value & 0xf];
            value >>>= 4;
        }
        n += d;
        return this;
    }

    Sink spaces(int count) {
        return repeat(' ', count);
    }

    Sink repeat(char c, int count) {
        if (count > 0) {
            room(count);
            byte[] b = buf;
            for (int i = n, end = n + count; i < end; i++) {
                b[i] = (byte) c; // a loop: Arrays.fill's range checks cost more for a few bytes
            }
            n += count;
        }
        return this;
    }

    /** Called after each line: passes the text on once there is enough of it. */
    void line() {
        if (n >= FLUSH_AT) {
            pass();
        }
    }

    void flush() {
        pass();
        try {
            if (writer != null) {
                writer.flush();
            } else {
                bytes.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text not yet passed on (for tests). */
    @Override
    public String toString() {
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    private void room(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }

    private void pass() {
        if (writer != null) {
            writer.append(toString());
        } else {
            try {
                bytes.write(buf, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        n = 0;
    }
}
