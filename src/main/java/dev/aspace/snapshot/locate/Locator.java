package dev.aspace.snapshot.locate;

import dev.aspace.elf.ElfFile;
import dev.aspace.elf.ElfSymbol;
import dev.aspace.elf.SectionHeader;
import dev.aspace.model.AspaceException;
import dev.aspace.model.Region;
import dev.aspace.model.RegionSearch;
import dev.aspace.model.Snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "what is this address?" in one snapshot: the region, the offset into it and into its
 * file, the ELF section, the nearest symbol and the build-id. ELF files are read from the paths
 * the map names, once each, and only when they are still the file that was mapped (same inode).
 * Not thread-safe: one locator per task.
 */
public final class Locator {

    private final Snapshot snapshot;
    private final List<Region> regions;
    private final Map<String, Object> files = new HashMap<>();

    public Locator(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.regions = snapshot.regions();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Location locate(long address) {
        int i = indexOf(address);
        if (i < 0) {
            int above = -i - 1;
            return Location.unmapped(address, above > 0 ? regions.get(above - 1) : null,
                    above < regions.size() ? regions.get(above) : null);
        }
        Region r = regions.get(i);
        Region image = r;
        if (!isElfCandidate(r) && i > 0 && r.isAnonymous() && regions.get(i - 1).end() == r.start()
                && isElfCandidate(regions.get(i - 1))) {
            image = regions.get(i - 1); // .bss that did not fit the file's last page lives in the anonymous region after it
        }
        if (!isElfCandidate(image)) {
            return new Location(address, r, null, null, "", r.inode() == 0 ? -1 : r.offset() + (address - r.start()),
                    -1, "", "", 0, "", "");
        }
        long fileOffset = image == r ? r.offset() + (address - r.start()) : -1;
        Object loaded = elf(image);
        if (loaded instanceof String why) {
            return new Location(address, r, null, null, image.path(), fileOffset, -1, "", "", 0, "", why);
        }
        MappedElf elf = (MappedElf) loaded;
        Optional<Long> bias = bias(image == r ? i : i - 1, elf);
        if (bias.isEmpty()) {
            return new Location(address, r, null, null, image.path(), fileOffset, -1, "", "", 0, elf.buildId(),
                    "no loadable segment of the file covers this region");
        }
        long vaddr = address - bias.get();
        if (image != r && !elf.loaded(vaddr)) {
            return new Location(address, r, null, null, "", -1, -1, "", "", 0, "", "");
        }
        SectionHeader section = elf.sectionAt(vaddr).orElse(null);
        ElfSymbol sym = elf.symbolAt(vaddr, section);
        if (section != null && section.isNobits()) {
            fileOffset = -1; // .bss has no bytes in the file: the kernel gives zeroed memory
        }
        return new Location(address, r, null, null, image.path(), fileOffset, vaddr,
                section == null ? "" : section.name(), sym == null ? "" : sym.name(),
                sym == null ? 0 : vaddr - sym.value(), elf.buildId(), "");
    }

    /** The ELF file a region maps (read once), or null when it is not an ELF image or cannot be read. */
    public MappedElf elfOf(Region r) {
        return isElfCandidate(r) && elf(r) instanceof MappedElf m ? m : null;
    }

    /**
     * The load bias of the file mapped by region {@code index}, taken from the first region of the
     * run of regions mapping that file: a later region can share its file page with two segments
     * (RELRO after .rodata), and only the lowest one is known to hold the first PT_LOAD.
     */
    Optional<Long> bias(int index, MappedElf elf) {
        int first = index;
        while (first > 0 && regions.get(first - 1).path().equals(regions.get(index).path())
                && regions.get(first - 1).inode() == regions.get(index).inode()
                && Long.compareUnsigned(regions.get(first - 1).offset(), regions.get(first).offset()) <= 0) {
            first--;
        }
        return elf.bias(regions.get(first));
    }

    private int indexOf(long address) {
        return RegionSearch.indexOf(regions, address);
    }

    private static boolean isElfCandidate(Region r) {
        // a core's regions have no inode (NT_FILE names only the path): the path decides there
        return (r.inode() != 0 || r.device().equals("00:00")) && r.path().startsWith("/") && !r.path().endsWith(" (deleted)");
    }

    /** A MappedElf, or a String saying why there is none. */
    private Object elf(Region r) {
        return files.computeIfAbsent(r.path(), p -> read(r));
    }

    private static Object read(Region r) {
        Path p = Path.of(r.path());
        try {
            if (!Files.isRegularFile(p)) {
                return r.path() + " is not on this machine: sections and symbols unknown";
            }
            Object ino = Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            if (r.inode() != 0 && ino instanceof Number n && n.longValue() != r.inode() && !Files.isSymbolicLink(p)) {
                return r.path() + " is now another file (inode " + n + ", mapped " + r.inode()
                        + "): sections and symbols unknown";
            }
            try (ElfFile elf = ElfFile.open(p)) {
                return MappedElf.of(r.path(), elf);
            }
        } catch (AspaceException e) {
            return r.path() + " is not an ELF file";
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            return "cannot read " + r.path() + ": " + e.getMessage();
        }
    }
}
