package dev.aspace.elf;

import dev.aspace.model.MalformedInputException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An ELF file read as far as it goes: the header, program and section headers, symbol tables,
 * notes and build-id; 32- and 64-bit, either byte order. Headers are read when it opens; symbol
 * tables and notes when first asked for. A file cut short keeps what it has: {@link #problems()}
 * says what is missing.
 */
public final class ElfFile implements Closeable {

    private static final int MAX_HEADERS = 1 << 20;
    private static final long MAX_TABLE_BYTES = 256L << 20;
    private static final int PN_XNUM = 0xffff;

    private final String name;
    private final ElfBytes bytes;
    private final ElfHeader header;
    private final List<ProgramHeader> programHeaders;
    private final List<SectionHeader> sections;
    private final List<String> problems = new ArrayList<>();
    private List<ElfSymbol> symbols;
    private List<ElfNote> notes;

    private ElfFile(String name, ElfBytes bytes) {
        this.name = name;
        this.bytes = bytes;
        this.header = readHeader();
        this.programHeaders = readProgramHeaders();
        this.sections = readSections();
    }

    /** Opens a file; the caller closes it. Not ELF, or no complete header: {@link MalformedInputException}. */
    public static ElfFile open(Path file) throws IOException {
        ElfBytes b = ElfBytes.open(file);
        try {
            return new ElfFile(file.toString(), b);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    public static ElfFile of(byte[] content, String name) {
        return new ElfFile(name, ElfBytes.of(content));
    }

    public String name() {
        return name;
    }

    public ElfHeader header() {
        return header;
    }

    public long fileSize() {
        return bytes.size();
    }

    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    public List<SectionHeader> sections() {
        return sections;
    }

    /** What this file lacks because it ends early or points outside itself; empty when whole. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    public Optional<SectionHeader> section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
    }

    /** The allocated section holding this address (the file's own numbering); TLS templates excluded. */
    public Optional<SectionHeader> sectionAt(long vaddr) {
        SectionHeader best = null;
        for (SectionHeader s : sections) {
            if (s.containsAddress(vaddr) && !s.isTls() && (best == null || s.size() < best.size())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    public List<ProgramHeader> loads() {
        return programHeaders.stream().filter(p -> p.type() == ProgramHeader.PT_LOAD).toList();
    }

    /** Up to {@code length} bytes at a file offset; fewer where the file ends. */
    public byte[] read(long offset, int length) {
        return bytes.read(offset, length);
    }

    /** .symtab and .dynsym, in table order (symtab first); versions stripped from the names. */
    public synchronized List<ElfSymbol> symbols() {
        if (symbols == null) {
            List<ElfSymbol> all = new ArrayList<>();
            for (SectionHeader s : sections) {
                if (s.type() == SectionHeader.SHT_SYMTAB) {
                    readSymbols(s, false, all);
                }
            }
            for (SectionHeader s : sections) {
                if (s.type() == SectionHeader.SHT_DYNSYM) {
                    readSymbols(s, true, all);
                }
            }
            symbols = List.copyOf(all);
        }
        return symbols;
    }

    /** Notes of the PT_NOTE segments, or of the SHT_NOTE sections when there are no program headers. */
    public synchronized List<ElfNote> notes() {
        if (notes == null) {
            List<ElfNote> all = new ArrayList<>();
            boolean fromSegments = false;
            for (ProgramHeader p : programHeaders) {
                if (p.type() == ProgramHeader.PT_NOTE) {
                    fromSegments = true;
                    readNotes(p.offset(), p.filesz(), p.align(), "note segment at 0x" + Long.toHexString(p.offset()), all);
                }
            }
            if (!fromSegments) {
                for (SectionHeader s : sections) {
                    if (s.type() == SectionHeader.SHT_NOTE) {
                        readNotes(s.offset(), s.size(), s.addralign(), s.name(), all);
                    }
                }
            }
            notes = List.copyOf(all);
        }
        return notes;
    }

    /** The GNU build-id as lowercase hex (what `readelf -n` prints), or "" when the file has none. */
    public String buildId() {
        for (ElfNote n : notes()) {
            if (n.is("GNU", ElfNote.NT_GNU_BUILD_ID)) {
                return HexFormat.of().formatHex(n.desc());
            }
        }
        return "";
    }

    ByteBuffer buffer(byte[] b) {
        return ByteBuffer.wrap(b).order(header.littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }

    private ElfHeader readHeader() {
        byte[] id = bytes.read(0, 64);
        if (id.length < 16 || id[0] != 0x7f || id[1] != 'E' || id[2] != 'L' || id[3] != 'F') {
            throw new MalformedInputException(name, "", "not an ELF file (no \\x7fELF at its start)");
        }
        boolean is64 = id[4] == 2;
        if (id[4] != 1 && id[4] != 2) {
            throw new MalformedInputException(name, "", "unknown ELF class " + id[4] + " (expected 1 or 2)");
        }
        if (id[5] != 1 && id[5] != 2) {
            throw new MalformedInputException(name, "", "unknown ELF byte order " + id[5] + " (expected 1 or 2)");
        }
        int need = is64 ? 64 : 52;
        if (id.length < need) {
            throw new MalformedInputException(name, "", "ends at byte " + id.length + ", inside the ELF header");
        }
        ByteBuffer b = ByteBuffer.wrap(id).order(id[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int type = u16(b, 16);
        int machine = u16(b, 18);
        long entry = is64 ? b.getLong(24) : u32(b, 24);
        long phoff = is64 ? b.getLong(32) : u32(b, 28);
        long shoff = is64 ? b.getLong(40) : u32(b, 32);
        int flags = b.getInt(is64 ? 48 : 36);
        int o = is64 ? 54 : 42;
        int phentsize = u16(b, o);
        int phnum = u16(b, o + 2);
        int shentsize = u16(b, o + 4);
        int shnum = u16(b, o + 6);
        int shstrndx = u16(b, o + 8);
        if (phnum == PN_XNUM || (shnum == 0 && shoff != 0) || shstrndx == 0xffff) {
            // extended numbering: the real counts are in section header 0
            byte[] s0 = bytes.read(shoff, is64 ? 64 : 40);
            if (s0.length == (is64 ? 64 : 40)) {
                ByteBuffer sb = ByteBuffer.wrap(s0).order(b.order());
                long size0 = is64 ? sb.getLong(32) : u32(sb, 20);
                int link0 = sb.getInt(is64 ? 40 : 24);
                int info0 = sb.getInt(is64 ? 44 : 28);
                if (phnum == PN_XNUM) {
                    phnum = info0;
                }
                if (shnum == 0 && shoff != 0) {
                    shnum = (int) Math.min(size0, Integer.MAX_VALUE);
                }
                if (shstrndx == 0xffff) {
                    shstrndx = link0;
                }
            }
        }
        return new ElfHeader(is64, id[5] == 1, id[7] & 0xff, type, machine, entry, phoff, shoff, flags, phentsize,
                phnum, shentsize, shnum, shstrndx);
    }

    private List<ProgramHeader> readProgramHeaders() {
        int n = header.phnum();
        int size = header.is64() ? 56 : 32;
        if (n == 0) {
            return List.of();
        }
        if (header.phentsize() < size || n > MAX_HEADERS) {
            throw new MalformedInputException(name, "", "program header table of " + n + " entries of "
                    + header.phentsize() + " bytes is not an ELF table");
        }
        byte[] table = bytes.read(header.phoff(), (int) Math.min((long) n * header.phentsize(), Integer.MAX_VALUE));
        int whole = table.length / header.phentsize();
        if (whole < n) {
            problems.add("the file ends inside its program headers: " + whole + " of " + n + " read");
        }
        ByteBuffer b = buffer(table);
        List<ProgramHeader> out = new ArrayList<>(whole);
        for (int i = 0; i < whole; i++) {
            int o = i * header.phentsize();
            if (header.is64()) {
                out.add(new ProgramHeader(b.getInt(o), b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 16),
                        b.getLong(o + 24), b.getLong(o + 32), b.getLong(o + 40), b.getLong(o + 48)));
            } else {
                out.add(new ProgramHeader(b.getInt(o), b.getInt(o + 24), u32(b, o + 4), u32(b, o + 8), u32(b, o + 12),
                        u32(b, o + 16), u32(b, o + 20), u32(b, o + 28)));
            }
        }
        return List.copyOf(out);
    }

    private List<SectionHeader> readSections() {
        int n = header.shnum();
        int size = header.is64() ? 64 : 40;
        if (n == 0 || header.shoff() == 0) {
            return List.of();
        }
        if (header.shentsize() < size || n > MAX_HEADERS) {
            problems.add("section header table of " + n + " entries of " + header.shentsize() + " bytes ignored");
            return List.of();
        }
        byte[] table = bytes.read(header.shoff(), (int) Math.min((long) n * header.shentsize(), Integer.MAX_VALUE));
        int whole = table.length / header.shentsize();
        if (whole < n) {
            problems.add("the file ends before its section headers: " + whole + " of " + n + " read");
        }
        ByteBuffer b = buffer(table);
        long[][] raw = new long[whole][];
        for (int i = 0; i < whole; i++) {
            int o = i * header.shentsize();
            raw[i] = header.is64()
                    ? new long[] {u32(b, o), u32(b, o + 4), b.getLong(o + 8), b.getLong(o + 16), b.getLong(o + 24),
                        b.getLong(o + 32), u32(b, o + 40), u32(b, o + 44), b.getLong(o + 48), b.getLong(o + 56)}
                    : new long[] {u32(b, o), u32(b, o + 4), u32(b, o + 8), u32(b, o + 12), u32(b, o + 16),
                        u32(b, o + 20), u32(b, o + 24), u32(b, o + 28), u32(b, o + 32), u32(b, o + 36)};
        }
        byte[] names = new byte[0];
        int strndx = header.shstrndx();
        if (strndx > 0 && strndx < whole) {
            names = tableBytes(raw[strndx][4], raw[strndx][5], "section names");
        }
        List<SectionHeader> out = new ArrayList<>(whole);
        for (int i = 0; i < whole; i++) {
            long[] r = raw[i];
            out.add(new SectionHeader(i, cString(names, r[0]), (int) r[1], r[2], r[3], r[4], r[5], (int) r[6],
                    (int) r[7], r[8], r[9]));
        }
        return List.copyOf(out);
    }

    private void readSymbols(SectionHeader table, boolean dynamic, List<ElfSymbol> out) {
        int entsize = header.is64() ? 24 : 16;
        if (table.entsize() != 0 && table.entsize() < entsize) {
            problems.add(table.name() + ": entries of " + table.entsize() + " bytes ignored");
            return;
        }
        int step = table.entsize() == 0 ? entsize : (int) table.entsize();
        byte[] data = tableBytes(table.offset(), table.size(), table.name());
        byte[] strings = table.link() > 0 && table.link() < sections.size()
                ? tableBytes(sections.get(table.link()).offset(), sections.get(table.link()).size(), table.name() + " names")
                : new byte[0];
        ByteBuffer b = buffer(data);
        for (int o = 0; o + entsize <= data.length; o += step) {
            long nameIndex = u32(b, o);
            long value;
            long size;
            int info;
            int shndx;
            if (header.is64()) {
                info = b.get(o + 4) & 0xff;
                shndx = u16(b, o + 6);
                value = b.getLong(o + 8);
                size = b.getLong(o + 16);
            } else {
                value = u32(b, o + 4);
                size = u32(b, o + 8);
                info = b.get(o + 12) & 0xff;
                shndx = u16(b, o + 14);
            }
            String n = cString(strings, nameIndex);
            int at = n.indexOf('@');
            if (at > 0) {
                n = n.substring(0, at);
            }
            out.add(new ElfSymbol(n, value, size, info & 0xf, info >>> 4, shndx, dynamic));
        }
    }

    private void readNotes(long offset, long size, long align, String where, List<ElfNote> out) {
        byte[] data = tableBytes(offset, size, where);
        int a = align == 8 ? 8 : 4;
        ByteBuffer b = buffer(data);
        int o = 0;
        while (o + 12 <= data.length) {
            long namesz = u32(b, o);
            long descsz = u32(b, o + 4);
            int type = b.getInt(o + 8);
            long nameStart = o + 12L;
            long descStart = nameStart + roundUp(namesz, a);
            long next = descStart + roundUp(descsz, a);
            if (descStart + descsz > data.length) {
                problems.add(where + ": note at byte " + o + " is cut short");
                break;
            }
            String owner = new String(data, (int) nameStart, (int) Math.max(0, namesz - 1), StandardCharsets.ISO_8859_1);
            byte[] desc = new byte[(int) descsz];
            System.arraycopy(data, (int) descStart, desc, 0, desc.length);
            out.add(new ElfNote(owner, type, desc));
            o = (int) Math.min(next, Integer.MAX_VALUE);
        }
    }

    private byte[] tableBytes(long offset, long size, String what) {
        if (size < 0 || size > MAX_TABLE_BYTES) {
            problems.add(what + ": " + size + " bytes is beyond the reader's limit");
            return new byte[0];
        }
        byte[] data = bytes.read(offset, (int) size);
        if (data.length < size) {
            problems.add(what + ": the file ends after " + data.length + " of " + size + " bytes");
        }
        return data;
    }

    private static long roundUp(long v, int a) {
        return (v + a - 1) & -a;
    }

    static String cString(byte[] table, long index) {
        if (index < 0 || index >= table.length) {
            return "";
        }
        int end = (int) index;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        return new String(table, (int) index, end - (int) index, StandardCharsets.UTF_8);
    }

    static int u16(ByteBuffer b, int o) {
        return b.getShort(o) & 0xffff;
    }

    static long u32(ByteBuffer b, int o) {
        return b.getInt(o) & 0xffffffffL;
    }
}
