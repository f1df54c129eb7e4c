package dev.aspace.snapshot.importers;

import dev.aspace.classify.RegionClassifier;
import dev.aspace.elf.CoreNotes;
import dev.aspace.elf.ElfFile;
import dev.aspace.elf.ElfHeader;
import dev.aspace.elf.ProgramHeader;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Perms;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.model.ThreadInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Linux ELF core (the kernel's or gdb's gcore) as a snapshot: a region per PT_LOAD, named and
 * offset from NT_FILE, threads with their stack pointers from NT_PRSTATUS, the vdso from NT_AUXV,
 * classified as a live process is. A core cut short keeps every region and says, in its source,
 * how many regions' bytes are missing.
 */
public final class CoreImporter {

    private CoreImporter() {
    }

    /** True when the file starts with the ELF magic. */
    public static boolean isElf(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 0x7f && m[1] == 'E' && m[2] == 'L' && m[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    public static Snapshot read(Path file) {
        try (ElfFile elf = ElfFile.open(file)) {
            if (elf.header().type() != ElfHeader.ET_CORE) {
                throw new MalformedInputException(file.toString(), "", "an ELF " + elf.header().typeName()
                        + " file, not a core: give a core dump (ulimit -c unlimited, or gdb's gcore)");
            }
            return snapshot(file, elf);
        } catch (IOException e) {
            throw new MalformedInputException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
    }

    static Snapshot snapshot(Path file, ElfFile elf) {
        CoreNotes notes = CoreNotes.of(elf);
        Map<Long, CoreNotes.FileMapping> byStart = new HashMap<>();
        notes.files().forEach(f -> byStart.put(f.start(), f));
        long vdso = notes.auxv().getOrDefault(CoreNotes.AT_SYSINFO_EHDR, 0L);
        long mainSp = notes.threads().stream().filter(t -> t.tid() == notes.pid()).mapToLong(CoreNotes.CoreThread::stackPointer)
                .findFirst().orElse(0);
        List<Region> regions = new ArrayList<>();
        int cut = 0;
        for (ProgramHeader p : elf.loads()) {
            if (p.memsz() == 0) {
                continue;
            }
            if (p.filesz() > 0 && p.offset() + p.filesz() > elf.fileSize()) {
                cut++;
            }
            CoreNotes.FileMapping f = byStart.get(p.vaddr());
            String path = f != null ? f.path() : p.vaddr() == vdso ? "[vdso]" : "";
            long end = p.vaddr() + p.memsz();
            if (path.isEmpty() && mainSp != 0 && Long.compareUnsigned(mainSp, p.vaddr()) >= 0
                    && Long.compareUnsigned(mainSp, end) < 0) {
                path = "[stack]";
            }
            regions.add(Region.unclassified(p.vaddr(), end, p.perms(), f == null ? 0 : f.offset(), "00:00", 0, path, null));
        }
        boolean gdb = elf.notes().stream().anyMatch(n -> n.name().equals("GDB"));
        int fromFiles = 0;
        int unknownPerms = 0;
        for (CoreNotes.FileMapping f : notes.files()) {
            // gdb's gcore writes no program header for file text it can read again from the file
            if (regions.stream().anyMatch(r -> Long.compareUnsigned(r.start(), f.end()) < 0
                    && Long.compareUnsigned(f.start(), r.end()) < 0)) {
                continue;
            }
            Perms perms = FileSegmentPerms.of(f, notes.files()).orElse(null);
            if (perms == null) {
                unknownPerms++;
                perms = Perms.parse("---p");
            }
            fromFiles++;
            regions.add(Region.unclassified(f.start(), f.end(), perms, f.offset(), "00:00", 0, f.path(), null));
        }
        regions.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        List<ThreadInfo> threads = new ArrayList<>();
        notes.threads().stream().filter(t -> t.tid() == notes.pid()).forEach(t -> threads.add(thread(t, notes)));
        notes.threads().stream().filter(t -> t.tid() != notes.pid()).forEach(t -> threads.add(thread(t, notes)));
        ProcessInfo process = new ProcessInfo(notes.pid(), notes.ppid(), notes.command(),
                notes.args().isEmpty() ? List.of() : List.of(notes.args().split(" ")), notes.uid(),
                notes.uid() < 0 ? "" : Integer.toString(notes.uid()), "core dump", 0, 0);
        List<Region> classified = new RegionClassifier().classify(regions, threads, process);
        String what = "core " + file + " (" + elf.header().machineName() + ", " + regions.size() + " regions, "
                + threads.size() + (threads.size() == 1 ? " thread" : " threads") + ")";
        if (gdb) {
            what += "; written by gdb's gcore: it marks every region it dumps readable (a ---p guard shows as r--,"
                    + " [vsyscall]'s --x as r-x) and leaves [vvar] out";
        }
        if (fromFiles > 0) {
            what += "; " + fromFiles + " file regions are not in the core, only named in NT_FILE: permissions from"
                    + " their files' program headers" + (unknownPerms > 0 ? ", unknown for " + unknownPerms
                    + " whose file is not here (shown ---)" : "");
        }
        if (cut > 0) {
            what += "; TRUNCATED at " + elf.fileSize() + " bytes: the contents of " + cut + " of " + regions.size()
                    + " regions are missing (their ranges are from the program headers)";
        }
        return new Snapshot(process, threads, classified, null, null, null, Instant.now(), Duration.ZERO,
                new Source(Source.Type.IMPORTED, what));
    }

    private static ThreadInfo thread(CoreNotes.CoreThread t, CoreNotes notes) {
        return new ThreadInfo(t.tid(), t.tid() == notes.pid() ? notes.command() : "", t.stackPointer(), 'C');
    }
}
