package dev.aspace.procfs;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code /proc/PID/smaps} text, or plain {@code maps} text, into unclassified regions.
 * Byte-level and streaming: {@link #feed} takes chunks as they come from the kernel (a line may
 * span two chunks), {@link #finish} returns the regions. One instance per read; not thread-safe.
 *
 * <p>An smaps entry is a maps line followed by {@code Key:   N kB} lines, unit-less lines such as
 * {@code THPeligible:    0}, and {@code VmFlags: rd mr mw me}. kB values become bytes here, once.
 * The keys of the first entry, in kernel order, make one {@link SmapsLayout} shared by every
 * region; a key first seen later is appended to it (and is 0 in the entries without it).
 *
 * <p>The path column is everything after the inode column's padding, kept exactly: spaces inside
 * a file name and the {@code " (deleted)"} suffix stay.
 */
public final class SmapsParser {

    /** What the text is expected to be. */
    public enum Mode {
        /** /proc/PID/maps as the kernel prints it: maps lines only, every line ends in a newline. */
        MAPS,
        /** /proc/PID/smaps or smaps_rollup as the kernel prints it: every entry has its fields. */
        SMAPS,
        /**
         * maps or smaps text from a file: the first entry tells which, and a last maps line
         * without a newline is accepted (files saved by hand often lack it).
         */
        TEXT
    }

    private static final byte[] VMFLAGS = "VmFlags".getBytes(StandardCharsets.ISO_8859_1);
    /** Android kernels name anonymous regions in smaps too: {@code Name:           [anon:libc_malloc]}. */
    private static final byte[] NAME = "Name".getBytes(StandardCharsets.ISO_8859_1);
    private static final int UNKNOWN = 0;
    private static final int MAPS = 1;
    private static final int SMAPS = 2;

    private final String source;
    private final Mode expect;
    private final ByteStrings devices = new ByteStrings(64);
    private final ByteStrings paths = new ByteStrings(1024);
    private final VmFlagsCache flagsCache = new VmFlagsCache();
    private final List<Region> regions = new ArrayList<>();
    /** The line each region's maps line stood on, for messages about the region found later. */
    private int[] regionLines = new int[64];

    private byte[] carry = new byte[512];
    private int carryLen;
    private int lineNo;
    private boolean lastLineEndedWithNewline = true;

    // the layout: keys in kernel order, whether each was in kB
    private final List<String> keys = new ArrayList<>();
    private final List<Boolean> kilobytes = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new HashMap<>();
    private byte[][] keyBytes = new byte[32][];
    private boolean[] kb = new boolean[32];
    private int keyCount;
    private final KeyMatcher keys8 = new KeyMatcher();
    private SmapsLayout layout;
    private boolean layoutGrew;
    private int mode = UNKNOWN;
    private boolean firstEntryHadFlags;
    /** False once an entry starts below the end of the one before: the read was torn. */
    private boolean inAddressOrder = true;
    private long headerDigest = TextDigest.EMPTY;
    private long lastEnd;
    private long virtualSize;

    // the entry being read
    private boolean pending;
    private int headerLine;
    private long start;
    private long end;
    private Perms perms;
    private long offset;
    private String device;
    private long inode;
    private String path;
    private long[] values = new long[32];
    /** True when {@link #values} went into a Smaps and must not be written again. */
    private boolean valuesShared;
    /** Recently made Smaps by content: regions with equal figures share one (many small anonymous maps do). */
    private final Smaps[] recent = new Smaps[256];
    private int keysSeen;
    private int cursor;
    private List<String> vmFlags;
    private boolean fieldsInEntry;

    /**
     * @param source what the text is, for messages: "/proc/4711/smaps" or a file name
     * @param expect the form the text must have
     */
    public SmapsParser(String source, Mode expect) {
        this.source = source;
        this.expect = expect;
        this.mode = switch (expect) {
            case MAPS -> MAPS;
            case SMAPS -> SMAPS;
            case TEXT -> UNKNOWN;
        };
    }

    /** Parses a whole text at once. */
    public static List<Region> parse(String source, byte[] text, Mode expect) {
        SmapsParser p = new SmapsParser(source, expect);
        p.feed(text, 0, text.length);
        return p.finish();
    }

    /**
     * Forgets the entry being read (its maps line or one of its fields was unreadable), so an
     * import can list that line and go on with the next entry instead of failing on it.
     */
    public void dropPending() {
        pending = false;
    }

    /** True once an smaps field was seen: the regions carry {@link Smaps}; false for maps text. */
    public boolean isSmaps() {
        return mode == SMAPS;
    }

    /**
     * True when every region so far starts at or above the end of the one before, as the kernel
     * lists them; false when the process remapped while its maps were being read (a torn read).
     * Checked here, as regions are made, rather than in a second pass over them.
     */
    public boolean inAddressOrder() {
        return inAddressOrder;
    }

    /**
     * The {@link TextDigest} of the maps lines read so far, each with its newline: for smaps text
     * the same as the digest of the maps text the kernel prints for the same mappings.
     */
    public long headerDigest() {
        return headerDigest;
    }

    /**
     * The sizes of the regions read so far added up as the kernel counts a process's virtual size
     * (VmSize): {@code [vsyscall]}, the kernel's gate page, is listed but not counted. Summed here, as
     * regions are made, rather than in a second pass over them.
     */
    public long virtualSize() {
        return virtualSize;
    }

    private static final String GATE = "[vsyscall]";

    /** The 1-based line of the maps line of region {@code index} (in input order). */
    public int lineOf(int index) {
        return regionLines[index];
    }

    /** Lines read so far. */
    public int lines() {
        return lineNo;
    }

    /** Takes the next chunk of text; complete lines are parsed now, a partial last line waits. */
    public void feed(byte[] buf, int off, int len) {
        int p = off;
        int limit = off + len;
        if (carryLen > 0) {
            int nl = indexOfNewline(buf, p, limit);
            if (nl < 0) {
                appendCarry(buf, p, limit);
                return;
            }
            appendCarry(buf, p, nl);
            line(carry, 0, carryLen);
            carryLen = 0;
            p = nl + 1;
        }
        int last = limit - 1;
        while (last >= p && buf[last] != '\n') {
            last--;
        }
        // every line that starts at or before 'last' ends within this chunk
        while (p <= last) {
            p = next(buf, p);
        }
        if (p < limit) {
            appendCarry(buf, p, limit);
        }
    }

    /** Parses the complete line at {@code from}; returns where the next line starts. */
    private int next(byte[] b, int from) {
        if (cursor < keyCount && pending) {
            // most lines are the field the layout says comes next: match it without scanning
            int colon = keys8.match(b, from, cursor);
            if (colon >= 0) {
                int eol = simpleValue(b, colon + 1, cursor);
                if (eol >= 0) {
                    lineNo++;
                    return eol + 1;
                }
            }
        }
        int nl = indexOfNewline(b, from, b.length);
        line(b, from, nl);
        return nl + 1;
    }

    /**
     * {@code <spaces>N kB\n} (or {@code N\n} for a unit-less key) after the colon of key i:
     * stores the value and returns the index of the newline; -1 when the line is anything else
     * (the general path then parses it, or says what is wrong).
     */
    private int simpleValue(byte[] b, int p, int i) {
        while (b[p] == ' ') {
            p++;
        }
        long v = 0;
        int start = p;
        int d;
        while ((d = b[p] - '0') >= 0 && d <= 9) {
            v = v * 10 + d;
            p++;
        }
        int digits = p - start;
        if (digits == 0 || digits > 16) {
            return -1;
        }
        if (kb[i]) {
            if (b[p] != ' ' || b[p + 1] != 'k' || b[p + 2] != 'B' || b[p + 3] != '\n') {
                return -1;
            }
            v *= 1024;
            p += 3;
        } else if (b[p] != '\n') {
            return -1;
        }
        values[i] = v;
        keysSeen++;
        cursor = i + 1;
        fieldsInEntry = true;
        return p;
    }

    /**
     * Ends the input and returns the regions in input order.
     *
     * @throws MalformedInputException when a line is not of the expected form, or the last entry
     *                                 is cut short
     */
    public List<Region> finish() {
        if (carryLen > 0) {
            lastLineEndedWithNewline = false;
            if (expect != Mode.TEXT) {
                throw new MalformedInputException(source, "line " + (lineNo + 1),
                        "the text ends inside a line: expected every line to end in a newline, as the kernel prints it");
            }
            line(carry, 0, carryLen);
            carryLen = 0;
        }
        if (pending) {
            checkLastEntryComplete();
            emit();
        }
        if (layoutGrew) {
            widenToFinalLayout();
        }
        return regions;
    }

    private void appendCarry(byte[] buf, int from, int to) {
        int n = to - from;
        if (carryLen + n > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carryLen + n));
        }
        System.arraycopy(buf, from, carry, carryLen, n);
        carryLen += n;
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void line(byte[] b, int from, int to) {
        lineNo++;
        if (from == to) {
            return; // a blank line carries nothing (hand-edited files); the kernel prints none
        }
        // A header starts with a hex address followed by '-'; a field starts with a key and ':'.
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == ':') {
                field(b, from, i, to);
                return;
            }
            if (c == '-') {
                header(b, from, to);
                return;
            }
            if (c == ' ') {
                break;
            }
        }
        throw malformed("expected a maps line 'start-end perms offset dev inode path' or an smaps field 'Key: value'");
    }

    // ---- header: 7f0c1c000000-7f0c1c021000 rw-p 00000000 00:00 0     [heap]

    private void header(byte[] b, int from, int to) {
        headerDigest = TextDigest.update(TextDigest.update(headerDigest, b, from, to), (byte) '\n');
        if (pending) {
            if (mode == UNKNOWN) {
                mode = MAPS;
            }
            emit();
        }
        int p = from;
        long s = 0;
        int digits = 0;
        for (; p < to && b[p] != '-'; p++, digits++) {
            s = (s << 4) | hex(b[p], "start address");
        }
        checkDigits(digits, "start address");
        p++;
        long e = 0;
        digits = 0;
        for (; p < to && b[p] != ' '; p++, digits++) {
            e = (e << 4) | hex(b[p], "end address");
        }
        checkDigits(digits, "end address");
        if (Long.compareUnsigned(s, e) >= 0) {
            throw malformed("start address " + Long.toHexString(s) + " is not below end address " + Long.toHexString(e));
        }
        p = expectSpace(b, p, to, "end address");
        if (to - p < 5 || b[p + 4] != ' ') {
            throw malformed("expected 4 permission characters like r-xp after the address range");
        }
        Perms pr = Perms.of(flag(b[p], 'r'), flag(b[p + 1], 'w'), flag(b[p + 2], 'x'), sharing(b[p + 3]));
        p += 5;
        long off = 0;
        digits = 0;
        for (; p < to && b[p] != ' '; p++, digits++) {
            off = (off << 4) | hex(b[p], "offset");
        }
        checkDigits(digits, "offset");
        p = expectSpace(b, p, to, "offset");
        int devStart = p;
        boolean colon = false;
        for (; p < to && b[p] != ' '; p++) {
            colon |= b[p] == ':';
        }
        if (!colon) {
            throw malformed("expected a device like fe:00 after the offset");
        }
        String dev = devices.get(b, devStart, p);
        p = expectSpace(b, p, to, "device");
        long ino = 0;
        digits = 0;
        for (; p < to && b[p] != ' '; p++, digits++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9 || digits >= 19) {
                throw malformed("expected a decimal inode after the device");
            }
            ino = ino * 10 + d;
        }
        if (digits == 0) {
            throw malformed("expected a decimal inode after the device");
        }
        while (p < to && b[p] == ' ') {
            p++;
        }
        pending = true;
        headerLine = lineNo;
        start = s;
        end = e;
        perms = pr;
        offset = off;
        device = dev;
        inode = ino;
        path = p == to ? "" : paths.get(b, p, to);
        keysSeen = 0;
        cursor = 0;
        vmFlags = null;
        fieldsInEntry = false;
        if (mode != MAPS) {
            if (valuesShared) {
                values = new long[Math.max(keys.size(), layout == null ? 32 : 0)];
                valuesShared = false;
            } else {
                Arrays.fill(values, 0);
            }
        }
    }

    /**
     * Android's {@code Name:} line: the region's name as the maps line shows it (e.g.
     * {@code [anon:dalvik-main space]}). It names the region when the maps line has no path;
     * else the maps line's path, the same text, stays.
     */
    private void name(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        if (path.isEmpty() && from < to) {
            path = paths.get(b, from, to);
        }
    }

    // ---- field: "Rss:                 120 kB", "THPeligible:    0", "VmFlags: rd mr mw me"

    private void field(byte[] b, int from, int colon, int to) {
        if (!pending) {
            throw malformed("an smaps field before the first maps line: expected 'start-end perms offset dev inode path'");
        }
        if (mode == MAPS) {
            throw malformed("an smaps field in maps text: expected only maps lines 'start-end perms offset dev inode path'");
        }
        mode = SMAPS;
        fieldsInEntry = true;
        int keyLen = colon - from;
        int i = -1;
        if (cursor < keys.size()) {
            byte[] expected = keyBytes[cursor];
            if (expected.length == keyLen && Arrays.equals(expected, 0, keyLen, b, from, colon)) {
                i = cursor;
            }
        }
        if (i < 0) {
            if (keyLen == VMFLAGS.length && Arrays.equals(VMFLAGS, 0, keyLen, b, from, colon)) {
                vmFlags = flagsCache.get(b, colon + 1, to);
                return;
            }
            if (keyLen == NAME.length && Arrays.equals(NAME, 0, keyLen, b, from, colon)) {
                name(b, colon + 1, to);
                return;
            }
            Integer known = keyIndex.get(keyText(b, from, colon));
            i = known == null ? -1 : known;
        }
        int p = colon + 1;
        while (p < to && b[p] == ' ') {
            p++;
        }
        long v = 0;
        int digits = 0;
        for (; p < to; p++, digits++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (digits >= 16) {
                throw malformed("number too large for smaps field " + keyText(b, from, colon));
            }
            v = v * 10 + d;
        }
        if (digits == 0) {
            throw malformed("expected a number after '" + keyText(b, from, colon) + ":'");
        }
        boolean kb = false;
        if (p + 3 <= to && b[p] == ' ' && b[p + 1] == 'k' && b[p + 2] == 'B') {
            kb = true;
            p += 3;
        }
        while (p < to && b[p] == ' ') {
            p++;
        }
        if (p != to) {
            throw malformed("expected '" + keyText(b, from, colon) + ": N kB' or '" + keyText(b, from, colon) + ": N'");
        }
        if (i < 0) {
            i = addKey(keyText(b, from, colon), kb);
        } else if (kilobytes.get(i) != kb) {
            throw malformed("expected '" + keys.get(i) + ": N" + (kilobytes.get(i) ? " kB'" : "' without a unit")
                    + " as in the entries before");
        }
        if (i >= values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, i + 1));
        }
        values[i] = kb ? v * 1024 : v;
        keysSeen++;
        cursor = i + 1;
    }

    private int addKey(String key, boolean inKb) {
        int i = keys.size();
        keys.add(key);
        kilobytes.add(inKb);
        keyIndex.put(key, i);
        if (i >= keyBytes.length) {
            keyBytes = Arrays.copyOf(keyBytes, keyBytes.length * 2);
            kb = Arrays.copyOf(kb, kb.length * 2);
        }
        keyBytes[i] = key.getBytes(StandardCharsets.ISO_8859_1);
        kb[i] = inKb;
        keys8.add(keyBytes[i]);
        keyCount = i + 1;
        if (layout != null) {
            layout = layout.with(key, inKb);
            layoutGrew = true;
        }
        return i;
    }

    private static String keyText(byte[] b, int from, int colon) {
        return new String(b, from, colon - from, StandardCharsets.ISO_8859_1);
    }

    // ---- ends of entries

    private void emit() {
        Smaps smaps = null;
        if (mode == SMAPS) {
            if (!fieldsInEntry) {
                throw new MalformedInputException(source, "line " + headerLine, "expected smaps fields ('Size:  N kB' ...)"
                        + " after the maps line of region " + Long.toHexString(start) + "-" + Long.toHexString(end));
            }
            if (layout == null) {
                layout = new SmapsLayout(keys, kilobytes);
                firstEntryHadFlags = vmFlags != null;
            }
            smaps = smaps(vmFlags == null ? List.of() : vmFlags);
        }
        if (!regions.isEmpty() && Long.compareUnsigned(start, lastEnd) < 0) {
            inAddressOrder = false;
        }
        lastEnd = end;
        if (!GATE.equals(path)) {
            virtualSize += end - start;
        }
        if (regions.size() == regionLines.length) {
            regionLines = Arrays.copyOf(regionLines, regionLines.length * 2);
        }
        regionLines[regions.size()] = headerLine;
        regions.add(Region.unclassified(start, end, perms, offset, device, inode, path, smaps));
        pending = false;
    }

    /** The Smaps of the entry just read: an equal one made before, or a new one. */
    private Smaps smaps(List<String> flags) {
        int n = layout.size();
        int h = System.identityHashCode(flags);
        for (int i = 0; i < n; i++) {
            long x = values[i];
            h = 31 * h + (int) (x ^ (x >>> 32));
        }
        int slot = (h ^ (h >>> 8)) & (recent.length - 1);
        Smaps known = recent[slot];
        if (known != null && known.layout() == layout && known.vmFlags() == flags
                && Arrays.equals(known.values(), 0, n, values, 0, n)) {
            return known; // values stays ours to reuse
        }
        long[] v = values.length == n ? values : Arrays.copyOf(values, n);
        valuesShared = v == values;
        Smaps made = new Smaps(layout, v, flags);
        recent[slot] = made;
        return made;
    }

    /** The kernel ends every smaps entry with VmFlags (since Linux 3.8); a last entry without it was cut. */
    private void checkLastEntryComplete() {
        if (mode != SMAPS) {
            return;
        }
        String region = Long.toHexString(start) + "-" + Long.toHexString(end);
        // smaps_rollup has no VmFlags; a lone entry of anything else must have them
        boolean flagsExpected = layout != null ? firstEntryHadFlags : !path.equals("[rollup]");
        if (vmFlags == null && flagsExpected) {
            throw truncated(region, "a last line 'VmFlags: ...'");
        }
        if (layout != null && keysSeen < layout.size()) {
            throw truncated(region, "all " + layout.size() + " fields of the entries before");
        }
        if (!lastLineEndedWithNewline && vmFlags != null) {
            throw new MalformedInputException(source, "line " + lineNo,
                    "the text ends inside the VmFlags line of region " + region + ": expected a final newline");
        }
    }

    private MalformedInputException truncated(String region, String expected) {
        return new MalformedInputException(source, "line " + lineNo,
                "the smaps entry of region " + region + " (line " + headerLine + ") is cut short: expected " + expected);
    }

    /** Entries read before a key was first seen get the final layout, with 0 for that key. */
    private void widenToFinalLayout() {
        for (int r = 0; r < regions.size(); r++) {
            Region region = regions.get(r);
            Smaps s = region.smaps();
            if (s != null && s.layout() != layout) {
                long[] v = new long[layout.size()];
                for (int i = 0; i < s.layout().size(); i++) {
                    v[layout.indexOf(s.layout().key(i))] = s.value(i);
                }
                regions.set(r, region.withSmaps(new Smaps(layout, v, s.vmFlags())));
            }
        }
    }

    // ---- small pieces

    private int hex(byte c, String what) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw malformed("expected a hex " + what + ", found '" + (char) (c & 0xff) + "'");
    }

    private void checkDigits(int digits, String what) {
        if (digits == 0 || digits > 16) {
            throw malformed("expected a hex " + what + " of 1 to 16 digits");
        }
    }

    private int expectSpace(byte[] b, int p, int to, String after) {
        if (p >= to || b[p] != ' ') {
            throw malformed("expected a space after the " + after);
        }
        return p + 1;
    }

    private boolean flag(byte c, char set) {
        if (c == set) {
            return true;
        }
        if (c == '-') {
            return false;
        }
        throw malformed("expected '" + set + "' or '-' in the permissions");
    }

    private boolean sharing(byte c) {
        if (c == 'p') {
            return false;
        }
        if (c == 's') {
            return true;
        }
        throw malformed("expected 'p' or 's' as the fourth permission character");
    }

    private MalformedInputException malformed(String expected) {
        return new MalformedInputException(source, "line " + lineNo, expected);
    }
}
