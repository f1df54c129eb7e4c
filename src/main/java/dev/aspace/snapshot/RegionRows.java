package dev.aspace.snapshot;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The region rows of a version 2 file written straight as UTF-8 bytes, the same text Jackson's
 * generator writes for them (same escapes). Why not the generator: a large process has 60,000
 * rows of a dozen values each, and a short-lived JVM spent most of `aspace snapshot`'s own time
 * writing them; here the strings a process repeats (paths, devices, labels) and the smaps figures
 * and flags that regions share (the parser shares equal ones) are encoded once and copied after.
 * One instance per file; not thread-safe.
 */
final class RegionRows {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ESCAPE_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[][] PERMS = new byte[16][];
    private static final byte[][] KINDS = new byte[RegionKind.values().length][];
    private static final int CACHE = 1024;

    static {
        for (int i = 0; i < 16; i++) {
            Perms p = Perms.of((i & 8) != 0, (i & 4) != 0, (i & 2) != 0, (i & 1) != 0);
            PERMS[i] = quoted(p.toString());
        }
        for (RegionKind k : RegionKind.values()) {
            KINDS[k.ordinal()] = quoted(k.name());
        }
    }

    private final OutputStream out;
    private final SmapsLayout layout;
    private final byte[] buf = new byte[1 << 16];
    private int n;
    private boolean first = true;
    // direct-mapped caches by identity: a collision just encodes again
    private final String[] strings = new String[CACHE];
    private final byte[][] stringBytes = new byte[CACHE][];
    private final Smaps[] smaps = new Smaps[CACHE];
    private final byte[][] smapsBytes = new byte[CACHE][];

    /** @param layout the smaps keys every row's values follow, or null when no region has smaps */
    RegionRows(OutputStream out, SmapsLayout layout) {
        this.out = out;
        this.layout = layout;
    }

    /** One row: {@code ["0x..","0x..","r-xp","0x0","fe:01",123,"/path","KIND","label",[values],[flags]]}. */
    void write(Region r) throws IOException {
        if (buf.length - n < 160) {
            drain();
        }
        if (!first) {
            buf[n++] = ',';
        }
        first = false;
        buf[n++] = '[';
        hex(r.start());
        buf[n++] = ',';
        hex(r.end());
        buf[n++] = ',';
        Perms p = r.perms();
        raw(PERMS[(p.read() ? 8 : 0) | (p.write() ? 4 : 0) | (p.exec() ? 2 : 0) | (p.shared() ? 1 : 0)]);
        buf[n++] = ',';
        hex(r.offset());
        buf[n++] = ',';
        raw(string(r.device()));
        buf[n++] = ',';
        decimal(r.inode());
        buf[n++] = ',';
        raw(string(r.path()));
        buf[n++] = ',';
        raw(KINDS[r.kind().ordinal()]);
        buf[n++] = ',';
        raw(string(r.label()));
        buf[n++] = ',';
        raw(smaps(r));
        buf[n++] = ']';
    }

    /** Writes out what is buffered. */
    void flush() throws IOException {
        drain();
    }

    private void drain() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    /** Copies bytes in, through the stream when they do not fit. */
    private void raw(byte[] b) throws IOException {
        if (b.length > buf.length - n - 64) {
            drain();
            if (b.length > buf.length - 64) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
    }

    /** {@code "0x"} and lowercase hex digits, as {@link Hex#format}. */
    private void hex(long v) {
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(v)) >> 2);
        buf[n++] = '"';
        buf[n++] = '0';
        buf[n++] = 'x';
        for (int shift = (digits - 1) << 2; shift >= 0; shift -= 4) {
            buf[n++] = HEX[(int) (v >>> shift) & 15];
        }
        buf[n++] = '"';
    }

    private void decimal(long v) {
        n = decimal(v, buf, n);
    }

    /** Writes v as Long.toString does; returns the position after it. */
    private static int decimal(long v, byte[] b, int at) {
        if (v < 0) {
            byte[] text = Long.toString(v).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(text, 0, b, at, text.length);
            return at + text.length;
        }
        int len = 1;
        for (long x = v; x >= 10; x /= 10) {
            len++;
        }
        for (int i = at + len - 1; i >= at; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + len;
    }

    private byte[] string(String s) {
        int slot = System.identityHashCode(s) & (CACHE - 1);
        if (strings[slot] == s) {
            return stringBytes[slot];
        }
        byte[] b = quoted(s);
        strings[slot] = s;
        stringBytes[slot] = b;
        return b;
    }

    /** {@code [values],[flags]} of the region, or {@code null,null}. */
    private byte[] smaps(Region r) {
        Smaps m = r.smaps();
        if (m == null) {
            return NO_SMAPS;
        }
        int slot = System.identityHashCode(m) & (CACHE - 1);
        if (smaps[slot] == m) {
            return smapsBytes[slot];
        }
        if (m.layout() != layout && !m.layout().equals(layout)) {
            throw new IllegalArgumentException("region " + r.rangeText() + " has other smaps keys than the"
                    + " regions before it");
        }
        byte[] b = new byte[24 * layout.size() + 2];
        int at = 0;
        b[at++] = '[';
        for (int i = 0; i < layout.size(); i++) {
            if (i > 0) {
                b[at++] = ',';
            }
            at = decimal(m.value(i), b, at);
        }
        b[at++] = ']';
        StringBuilder flags = new StringBuilder(",[");
        for (int i = 0; i < m.vmFlags().size(); i++) {
            flags.append(i > 0 ? "," : "").append(new String(quoted(m.vmFlags().get(i)), StandardCharsets.UTF_8));
        }
        byte[] f = flags.append(']').toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[at + f.length];
        System.arraycopy(b, 0, all, 0, at);
        System.arraycopy(f, 0, all, at, f.length);
        smaps[slot] = m;
        smapsBytes[slot] = all;
        return all;
    }

    private static final byte[] NO_SMAPS = "null,null".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * A JSON string as Jackson writes it: {@code "} and {@code \} escaped with a backslash,
     * control characters as {@code \n \t \r \b \f} or else, like each half of a character beyond
     * 16 bits, as a backslash, 'u' and four uppercase hex digits; everything else as UTF-8.
     */
    static byte[] quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        b.append("\\u").append((char) ESCAPE_HEX[c >> 12]).append((char) ESCAPE_HEX[(c >> 8) & 15])
                                .append((char) ESCAPE_HEX[(c >> 4) & 15]).append((char) ESCAPE_HEX[c & 15]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }
}
