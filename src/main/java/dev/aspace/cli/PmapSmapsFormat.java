package dev.aspace.cli;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.SmapsLayout;
import dev.aspace.model.Snapshot;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -X}, {@code -XX} and rc-file ({@code -c}, {@code -C}) formats of procps-ng 4.0.2
 * pmap (its print_extended_maps): one column per smaps field in the kernel's order ({@code -X}
 * leaves out the fields procps deems unimportant, an rc file names the ones it wants, Perm,
 * Offset, Device, Inode, VmFlags and Mapping included), widths measured from the data, a row of
 * totals.
 *
 * <p>One instance formats every process of one command, because procps keeps the value columns
 * it measured for the first process and only widens them for the next, and (in 4.0.2) keeps
 * adding to the same totals, so the footer of the second process counts the first one too.
 * procps 4.0.2 ignores {@code -A} in these formats, and so does this.
 */
final class PmapSmapsFormat {

    /** The sixteen permission texts, so a row does not build its own. */
    private static final String[] PERMS = new String[16];

    static {
        for (int i = 0; i < 16; i++) {
            PERMS[i] = Perms.of((i & 8) != 0, (i & 4) != 0, (i & 2) != 0, (i & 1) != 0).toString();
        }
    }

    private final PmapOptions options;
    /** VmFlags texts by list: the parser shares one list per distinct set of flags. */
    private final Map<List<String>, String> flags = new IdentityHashMap<>();
    /** Whether VmFlags and each fixed column are shown (procps' is_enabled). */
    private final boolean showFlags;
    private final boolean showPerm;
    private final boolean showOffset;
    private final boolean showDevice;
    private final boolean showInode;
    private final boolean showMapping;
    /** The columns: kernel key, its header, its width so far (kept across processes). */
    private final List<String> keys = new ArrayList<>();
    private int[] widths = new int[0];
    /** procps 4.0.2 never resets its totals: each process's footer also counts the ones before. */
    private long[] totals = new long[0];

    PmapSmapsFormat(PmapOptions options) {
        this.options = options;
        this.showFlags = enabled("VmFlags");
        this.showPerm = enabled("Perm");
        this.showOffset = enabled("Offset");
        this.showDevice = enabled("Device");
        this.showInode = enabled("Inode");
        this.showMapping = enabled("Mapping");
    }

    /** procps' is_enabled: -X hides its unimportant fields, an rc file shows only what it names. */
    private boolean enabled(String name) {
        return switch (options.mode()) {
            case MORE -> !name.equals("VmFlags") && SmapsLayout.inPmapX(name);
            case RC -> options.rcFields().contains(name);
            default -> true;
        };
    }

    void format(Sink sink, Snapshot s, String sourceName) {
        Sink sb = sink;
        PmapNames.header(sb, s.process());
        List<Region> regions = s.regions();
        int n = regions.size();
        if (n == 0) {
            footer(sb, 0, 0, 0, 0, 0);
            return;
        }
        SmapsLayout layout = layoutOf(regions.get(0), sourceName);
        int[] index = columns(layout);
        int cols = index.length;
        int[] shift = new int[cols]; // kB fields are printed in kB, others as the kernel printed them
        for (int c = 0; c < cols; c++) {
            shift[c] = layout.isKilobytes(index[c]) ? 10 : 0;
        }

        // measure: address, offset, device and inode widths over every mapping; totals
        int wAddress = 0;
        int wPerm = 0;
        int wOffset = 0;
        int wDevice = 0;
        int wInode = 0;
        int wFlags = 0;
        boolean hasFlags = false;
        int[] valueWidths = options.quiet() ? new int[cols] : null;
        String[] flagTexts = new String[n];
        for (int i = 0; i < n; i++) {
            Region r = regions.get(i);
            Smaps m = smapsOf(r, sourceName);
            wAddress = Math.max(wAddress, Math.max(8, Text.hexDigits(r.start())));
            wPerm = Math.max(wPerm, 4);
            wOffset = Math.max(wOffset, Math.max(8, Text.hexDigits(r.offset())));
            wDevice = Math.max(wDevice, r.device().length());
            wInode = Math.max(wInode, Text.decimalDigits(r.inode()));
            long[] v = m.values();
            for (int c = 0; c < cols; c++) {
                long value = v[index[c]] >>> shift[c];
                totals[c] += value;
                if (valueWidths != null) {
                    valueWidths[c] = Math.max(valueWidths[c], Text.decimalDigits(value));
                }
            }
            if (showFlags && !m.vmFlags().isEmpty()) {
                hasFlags = true;
                String f = flags.computeIfAbsent(m.vmFlags(), l -> String.join(" ", l));
                flagTexts[i] = f;
                wFlags = Math.max(wFlags, f.length());
            }
        }
        for (int c = 0; c < cols; c++) {
            int w = options.quiet() ? valueWidths[c] : Text.decimalDigits(totals[c]);
            widths[c] = Math.max(widths[c], w);
        }

        if (!options.quiet()) {
            wAddress = Math.max(wAddress, 7);
            sb.right("Address", wAddress).ch(' ');
            if (showPerm) {
                wPerm = Math.max(wPerm, 4);
                sb.right("Perm", wPerm).ch(' ');
            }
            if (showOffset) {
                wOffset = Math.max(wOffset, 6);
                sb.right("Offset", wOffset).ch(' ');
            }
            if (showDevice) {
                wDevice = Math.max(wDevice, 6);
                sb.right("Device", wDevice).ch(' ');
            }
            if (showInode) {
                wInode = Math.max(wInode, 5);
                sb.right("Inode", wInode).ch(' ');
            }
            for (int c = 0; c < cols; c++) {
                sb.right(keys.get(c), widths[c]).ch(' ');
            }
            if (hasFlags && showFlags) {
                wFlags = Math.max(wFlags, 7);
                sb.right("VmFlags", wFlags).ch(' ');
            }
            sb.text(showMapping ? "Mapping\n" : "\n");
        }

        for (int i = 0; i < n; i++) {
            Region r = regions.get(i);
            long[] v = r.smaps().values();
            sb.spaces(wAddress - Math.max(8, Text.hexDigits(r.start())));
            sb.hex(r.start(), 8);
            if (showPerm) {
                sb.ch(' ').right(PERMS[permIndex(r.perms())], wPerm);
            }
            if (showOffset) {
                sb.ch(' ').spaces(wOffset - Math.max(8, Text.hexDigits(r.offset())));
                sb.hex(r.offset(), 8);
            }
            if (showDevice) {
                sb.ch(' ').right(r.device(), wDevice);
            }
            if (showInode) {
                sb.ch(' ').right(r.inode(), wInode);
            }
            for (int c = 0; c < cols; c++) {
                sb.ch(' ').right(v[index[c]] >>> shift[c], widths[c]);
            }
            if (hasFlags && showFlags) {
                sb.ch(' ').right(flagTexts[i] == null ? "" : flagTexts[i], wFlags);
            }
            if (showMapping) {
                PmapNames.extended(sb.ch(' '), r, options.showPath());
            }
            sb.ch('\n');
            sink.line();
        }
        footer(sb, wAddress, wPerm, wOffset, wDevice, wInode);
    }

    private void footer(Sink sb, int wAddress, int wPerm, int wOffset, int wDevice,
                        int wInode) {
        if (options.quiet() || keys.isEmpty()) {
            return;
        }
        int gap = wAddress + 1 + (showPerm ? wPerm + 1 : 0) + (showOffset ? wOffset + 1 : 0)
                + (showDevice ? wDevice + 1 : 0) + (showInode ? wInode + 1 : 0);
        sb.spaces(gap);
        for (int w : widths) {
            sb.repeat('=', w).ch(' ');
        }
        sb.ch('\n');
        sb.spaces(gap);
        for (int c = 0; c < widths.length; c++) {
            sb.right(totals[c], widths[c]).ch(' ');
        }
        sb.text("KB \n");
    }

    private static int permIndex(Perms p) {
        return (p.read() ? 8 : 0) | (p.write() ? 4 : 0) | (p.exec() ? 2 : 0) | (p.shared() ? 1 : 0);
    }

    /** Positions in the layout of the shown columns; the first process fixes their order. */
    private int[] columns(SmapsLayout layout) {
        if (keys.isEmpty()) {
            for (String k : layout.keys()) {
                if (enabled(k)) {
                    keys.add(k);
                }
            }
            widths = new int[keys.size()];
            totals = new long[keys.size()];
            if (!options.quiet()) {
                for (int c = 0; c < widths.length; c++) {
                    widths[c] = keys.get(c).length();
                }
            }
        }
        int[] index = new int[keys.size()];
        for (int c = 0; c < index.length; c++) {
            index[c] = layout.indexOf(keys.get(c));
            if (index[c] < 0) {
                throw new MalformedInputException("smaps", "",
                        "field " + keys.get(c) + " is missing from one process but present in another");
            }
        }
        return index;
    }

    private static SmapsLayout layoutOf(Region first, String sourceName) {
        return smapsOf(first, sourceName).layout();
    }

    private static Smaps smapsOf(Region r, String sourceName) {
        Smaps m = r.smaps();
        if (m == null) {
            throw new MalformedInputException(sourceName, "",
                    "has no smaps figures for " + r.rangeText() + "; pmap -x/-X/-XX need a snapshot taken with smaps");
        }
        return m;
    }
}
