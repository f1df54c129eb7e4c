package dev.aspace.snapshot.locate;

import dev.aspace.elf.ElfFile;
import dev.aspace.elf.ElfSymbol;
import dev.aspace.elf.ProgramHeader;
import dev.aspace.elf.SectionHeader;
import dev.aspace.elf.SymbolIndex;
import dev.aspace.model.Region;

import java.util.List;
import java.util.Optional;

/**
 * An ELF file as one process maps it: its sections and symbols, and how its own addresses move to
 * where the regions put them (the load bias). Immutable once built.
 *
 * @param path     the file's path as the map names it
 * @param sections its allocated sections (not TLS templates)
 * @param symbols  nearest-symbol lookup over .symtab and .dynsym
 * @param buildId  the GNU build-id, "" when it has none
 * @param loads    its PT_LOAD segments
 */
public record MappedElf(String path, List<SectionHeader> sections, SymbolIndex symbols, String buildId,
                        List<ProgramHeader> loads) {

    public static MappedElf of(String path, ElfFile elf) {
        List<SectionHeader> alloc = elf.sections().stream().filter(s -> s.isAllocated() && !s.isTls()).toList();
        return new MappedElf(path, alloc, new SymbolIndex(elf.symbols()), elf.buildId(), elf.loads());
    }

    /**
     * What to subtract from a run-time address to get the file's own address, from one region of
     * this file: file offset {@code f} sits at {@code region.start + f - region.offset}, and a
     * segment's file offset at its vaddr, so bias = start - offset + p_offset - p_vaddr for a
     * segment overlapping the region's file range. Empty when no segment does.
     */
    public Optional<Long> bias(Region region) {
        long from = region.offset();
        long to = from + region.size();
        for (ProgramHeader p : loads) {
            long segFrom = p.offset() & ~0xfffL;
            long segTo = p.offset() + Math.max(p.filesz(), 1);
            if (segFrom < to && from < segTo) {
                return Optional.of(region.start() - region.offset() + p.offset() - p.vaddr());
            }
        }
        return Optional.empty();
    }

    /** The section holding a file address; where sections overlap, the smallest. */
    public Optional<SectionHeader> sectionAt(long vaddr) {
        SectionHeader best = null;
        for (SectionHeader s : sections) {
            if (s.containsAddress(vaddr) && (best == null || s.size() < best.size())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when the file address is inside a PT_LOAD segment's memory image (file part or .bss tail). */
    public boolean loaded(long vaddr) {
        return loads.stream().anyMatch(p -> p.contains(vaddr));
    }

    /** The nearest symbol at or below the file address inside the same section, or null. */
    public ElfSymbol symbolAt(long vaddr, SectionHeader section) {
        ElfSymbol s = symbols.at(vaddr);
        if (s == null || section == null || s.shndx() != section.index()) {
            return null;
        }
        return s;
    }
}
