package dev.aspace.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Linux core's notes say, decoded: the mapped files (NT_FILE), each thread's id and stack
 * pointer (NT_PRSTATUS, x86-64, AArch64 and i386 register layouts), the process (NT_PRPSINFO) and
 * the auxiliary vector (NT_AUXV: AT_SYSINFO_EHDR is the vdso, AT_ENTRY the entry point).
 *
 * @param files   file-backed mappings: start, end, file offset in bytes, path
 * @param threads thread id, signal and stack pointer, in note order (the crashing thread first)
 * @param pid     the process id (0 unknown)
 * @param ppid    the parent's id (0 unknown)
 * @param uid     the user id (-1 unknown)
 * @param command the command name (pr_fname)
 * @param args    the first 80 bytes of the command line (pr_psargs)
 * @param auxv    the auxiliary vector, type to value
 */
public record CoreNotes(List<FileMapping> files, List<CoreThread> threads, int pid, int ppid, int uid, String command,
                        String args, Map<Long, Long> auxv) {

    public static final long AT_ENTRY = 9;
    public static final long AT_SYSINFO_EHDR = 33;

    public record FileMapping(long start, long end, long offset, String path) {
    }

    public record CoreThread(int tid, int signal, long stackPointer, long pc) {
    }

    public static CoreNotes of(ElfFile core) {
        ElfHeader h = core.header();
        List<FileMapping> files = new ArrayList<>();
        List<CoreThread> threads = new ArrayList<>();
        Map<Long, Long> auxv = new LinkedHashMap<>();
        int pid = 0;
        int ppid = 0;
        int uid = -1;
        String command = "";
        String args = "";
        int w = h.wordSize();
        for (ElfNote n : core.notes()) {
            ByteBuffer b = core.buffer(n.desc());
            if (n.is("CORE", ElfNote.NT_FILE) && b.capacity() >= 2 * w) {
                long count = word(b, 0, w);
                long page = word(b, w, w);
                int names = (int) Math.min(b.capacity(), 2L * w + count * 3 * w);
                int at = names;
                for (long i = 0; i < count && 2 * w + (i + 1) * 3 * w <= b.capacity(); i++) {
                    int o = (int) (2 * w + i * 3 * w);
                    int end = at;
                    while (end < b.capacity() && b.get(end) != 0) {
                        end++;
                    }
                    String path = new String(n.desc(), at, end - at, StandardCharsets.UTF_8);
                    at = end + 1;
                    files.add(new FileMapping(word(b, o, w), word(b, o + w, w), word(b, o + 2 * w, w) * page, path));
                }
            } else if (n.is("CORE", ElfNote.NT_PRSTATUS)) {
                int sp = spOffset(h);
                if (sp > 0 && b.capacity() >= sp + 2 * w) {
                    int tidAt = h.is64() ? 32 : 24;
                    long spValue = word(b, sp, w);
                    long pc = h.machine() == ElfHeader.EM_AARCH64 ? word(b, sp + 8, 8)
                            : h.machine() == ElfHeader.EM_X86_64 ? word(b, 112 + 16 * 8, 8) : word(b, 72 + 12 * 4, 4);
                    threads.add(new CoreThread(b.getInt(tidAt), b.getShort(12), spValue, pc));
                }
            } else if (n.is("CORE", ElfNote.NT_PRPSINFO) && h.is64() && b.capacity() >= 136) {
                uid = b.getInt(16);
                pid = b.getInt(24);
                ppid = b.getInt(28);
                command = cString(n.desc(), 40, 16);
                args = cString(n.desc(), 56, 80).strip();
            } else if (n.is("CORE", ElfNote.NT_AUXV)) {
                for (int o = 0; o + 2 * w <= b.capacity(); o += 2 * w) {
                    long type = word(b, o, w);
                    if (type == 0) {
                        break;
                    }
                    auxv.put(type, word(b, o + w, w));
                }
            }
        }
        return new CoreNotes(List.copyOf(files), List.copyOf(threads), pid, ppid, uid, command, args, auxv);
    }

    /** Where pr_reg's stack pointer sits in NT_PRSTATUS: rsp, sp or esp; -1 for another machine. */
    private static int spOffset(ElfHeader h) {
        return switch (h.machine()) {
            case ElfHeader.EM_X86_64 -> 112 + 19 * 8;
            case ElfHeader.EM_AARCH64 -> 112 + 31 * 8;
            case ElfHeader.EM_386 -> 72 + 15 * 4;
            default -> -1;
        };
    }

    private static long word(ByteBuffer b, int o, int w) {
        return w == 8 ? b.getLong(o) : b.getInt(o) & 0xffffffffL;
    }

    private static String cString(byte[] d, int from, int max) {
        int end = from;
        while (end < from + max && end < d.length && d[end] != 0) {
            end++;
        }
        return new String(d, from, end - from, StandardCharsets.UTF_8);
    }
}
