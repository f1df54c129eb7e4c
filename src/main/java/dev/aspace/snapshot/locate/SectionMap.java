package dev.aspace.snapshot.locate;

import dev.aspace.elf.SectionHeader;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ELF sections inside each region of a snapshot: the textbook's text, rodata, data and bss at
 * the addresses the process has them. A file-backed region holds the sections its range covers
 * after the load bias; the anonymous region right after an ELF file's last region holds the tail
 * of its .bss that did not fit the file's last page. Immutable once built.
 */
public final class SectionMap {

    public static final SectionMap EMPTY = new SectionMap(Map.of());

    private final Map<Long, List<PlacedSection>> byRegionStart;

    private SectionMap(Map<Long, List<PlacedSection>> byRegionStart) {
        this.byRegionStart = byRegionStart;
    }

    /** Reads the ELF files the snapshot maps (each once, through the locator) and places their sections. */
    public static SectionMap of(Snapshot snapshot, Locator locator) {
        Map<Long, List<PlacedSection>> map = new HashMap<>();
        List<Region> regions = snapshot.regions();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            MappedElf elf = locator.elfOf(r);
            List<PlacedSection> placed;
            if (elf != null) {
                placed = locator.bias(i, elf).map(b -> place(r, elf, b, false)).orElse(List.of());
            } else if (i > 0 && r.isAnonymous() && regions.get(i - 1).end() == r.start()) {
                MappedElf before = locator.elfOf(regions.get(i - 1));
                Optional<Long> bias = before == null ? Optional.empty() : locator.bias(i - 1, before);
                placed = bias.map(b -> place(r, before, b, true)).orElse(List.of());
            } else {
                placed = List.of();
            }
            if (!placed.isEmpty()) {
                map.put(r.start(), placed);
            }
        }
        return new SectionMap(Collections.unmodifiableMap(map));
    }

    /**
     * The sections of {@code elf} inside the region, in address order. Only zero-filled sections
     * (and only inside a segment's memory image) when the region is the anonymous memory after the file.
     */
    static List<PlacedSection> place(Region r, MappedElf elf, long bias, boolean tailOnly) {
        List<PlacedSection> out = new ArrayList<>();
        for (SectionHeader s : elf.sections()) {
            if (tailOnly && !s.isNobits()) {
                continue;
            }
            long from = s.addr() + bias;
            long to = from + s.size();
            long a = Long.compareUnsigned(from, r.start()) > 0 ? from : r.start();
            long b = Long.compareUnsigned(to, r.end()) < 0 ? to : r.end();
            if (Long.compareUnsigned(a, b) >= 0) {
                continue;
            }
            if (tailOnly) {
                // .bss is in memory only as far as its segment's memsz reaches
                long last = b - 1 - bias;
                if (!elf.loaded(a - bias) || !elf.loaded(last)) {
                    continue;
                }
            }
            out.add(new PlacedSection(s.name(), a, b, s.addr(), s.isNobits(), a != from || b != to));
        }
        out.sort((x, y) -> Long.compareUnsigned(x.start(), y.start()));
        return List.copyOf(out);
    }

    /** The sections inside the region, in address order; empty when it maps no ELF image (or it cannot be read). */
    public List<PlacedSection> in(Region r) {
        return r == null ? List.of() : in(r.start());
    }

    /** The sections inside the region that starts at {@code regionStart}. */
    public List<PlacedSection> in(long regionStart) {
        return byRegionStart.getOrDefault(regionStart, List.of());
    }

    /** Every placed section, grouped by the start of its region. */
    public Map<Long, List<PlacedSection>> all() {
        return byRegionStart;
    }

    public boolean isEmpty() {
        return byRegionStart.isEmpty();
    }
}
