package dev.aspace.ui.view;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.locate.Locator;
import dev.aspace.snapshot.locate.SectionMap;
import dev.aspace.ui.Background;
import dev.aspace.ui.ribbon.RibbonView;
import dev.aspace.ui.vm.SessionModel;

import java.util.List;

/**
 * Keeps the ribbon's and the details' ELF sections those of the snapshot on screen. The files are
 * read in the background, and again only when the file-backed regions change (a refresh of a live
 * process usually changes only anonymous memory).
 */
public final class ElfSections {

    private final RibbonView ribbon;
    private final DetailsPane details;
    private final Background background;
    private List<FileMapping> lastFiles = List.of();
    private Snapshot pending;

    private ElfSections(RibbonView ribbon, DetailsPane details, Background background) {
        this.ribbon = ribbon;
        this.details = details;
        this.background = background;
    }

    public static ElfSections install(SessionModel session, RibbonView ribbon, DetailsPane details, Background background) {
        ElfSections e = new ElfSections(ribbon, details, background);
        session.snapshotProperty().addListener((o, a, s) -> e.follow(s));
        e.follow(session.getSnapshot());
        return e;
    }

    private void follow(Snapshot s) {
        List<FileMapping> files = s == null ? List.of() : s.regions().stream()
                .filter(r -> !r.path().isEmpty() && !r.isAnonymous()).map(FileMapping::of).toList();
        if (files.equals(lastFiles) && s != null) {
            return; // same files at the same places: the sections have not moved
        }
        lastFiles = files;
        pending = s;
        if (s == null) {
            show(null, SectionMap.EMPTY);
            return;
        }
        background.submit(() -> SectionMap.of(s, new Locator(s)), m -> show(s, m), failure -> show(s, SectionMap.EMPTY));
    }

    /** What places a file's sections: where it is mapped, from which offset, with what rights. */
    private record FileMapping(long start, long end, Perms perms, long offset, String device, long inode, String path,
                               RegionKind kind) {
        static FileMapping of(Region r) {
            return new FileMapping(r.start(), r.end(), r.perms(), r.offset(), r.device(), r.inode(), r.path(), r.kind());
        }
    }

    private void show(Snapshot s, SectionMap map) {
        if (s != pending) {
            return; // a newer snapshot is on its way
        }
        pending = null;
        ribbon.setSections(map);
        details.setSections(map);
    }
}
