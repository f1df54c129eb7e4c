package dev.aspace.snapshot.importers;

import dev.aspace.elf.CoreNotes;
import dev.aspace.elf.ElfFile;
import dev.aspace.elf.ProgramHeader;
import dev.aspace.model.AspaceException;
import dev.aspace.model.Perms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The permissions a file mapping had, read from the mapped ELF file's own program headers: for a
 * mapping a core names (NT_FILE) but holds no program header for (gdb's gcore leaves out file text
 * it can read again from the file). The load bias comes from the file's lowest mapping, which
 * holds its first PT_LOAD; a later page can hold two segments (RELRO after .rodata), so the
 * segment is found by address, not by file offset.
 */
final class FileSegmentPerms {

    private FileSegmentPerms() {
    }

    /** Empty when the file is not on this machine, not ELF, or no segment covers the mapping. */
    static Optional<Perms> of(CoreNotes.FileMapping mapping, List<CoreNotes.FileMapping> all) {
        Path p = Path.of(mapping.path());
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        CoreNotes.FileMapping first = all.stream().filter(f -> f.path().equals(mapping.path()))
                .min((a, b) -> Long.compareUnsigned(a.start(), b.start())).orElse(mapping);
        try (ElfFile elf = ElfFile.open(p)) {
            List<ProgramHeader> loads = elf.loads();
            if (loads.isEmpty()) {
                return Optional.empty();
            }
            ProgramHeader p0 = loads.get(0);
            long bias = first.start() - first.offset() + p0.offset() - p0.vaddr();
            long vaddr = mapping.start() - bias;
            for (ProgramHeader h : loads) {
                long from = h.vaddr() & ~0xfffL;
                if (Long.compareUnsigned(vaddr, from) >= 0 && Long.compareUnsigned(vaddr, h.vaddr() + h.memsz()) < 0) {
                    return Optional.of(h.perms());
                }
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException | AspaceException e) {
            return Optional.empty(); // not an ELF file we can read: the caller says the permissions are unknown
        }
    }
}
